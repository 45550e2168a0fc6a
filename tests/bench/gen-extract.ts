/** Writes a realistic synthetic hotline extract as CSV (UTF-8 or GB18030) for the import benchmark. */
import fs from 'node:fs';
import iconv from 'iconv-lite';

const DISTRICTS = ['玄湖区', '钟山区', '石城区', '秦淮区', '江北新区', '栖霞区', '雨花区', '江宁区'];
const STREETS = ['龙桥街道', '桂池街道', '红山街道', '燕子矶街道', '新街口街道', '湖南路街道'];
const ROADS = ['中山北路', '北京东路', '汉中路', '龙蟠中路', '应天大街', '江东中路', '黄埔路'];
const CATS = [['城乡建设', '市政设施', '路灯不亮'], ['生态环境', '噪声污染', '夜间施工扰民'], ['市场监管', '食品安全', '过期食品'], ['交通运输', '公交服务', '公交车不按站停靠'], ['住房保障', '物业管理', '物业服务质量'], ['劳动保障', '劳动关系', '拖欠工资']];
const DEPTS = ['市城管局', '市生态环境局', '市市场监管局', '市交通运输局', '市住房保障局', '市人社局'];
const SAT = ['满意', '基本满意', '不满意', '未评价'];
const PHRASES = ['市民来电反映', '位于', '附近', '长期存在问题，', '严重影响周边居民正常生活，', '多次向有关部门反映未果，', '希望相关部门尽快核实处理，', '并给予答复。', '此外，', '夜间尤为明显，', '已持续一周以上，'];

function rng(seed: number) { let s = seed >>> 0; return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 4294967296; }; }
const pad = (n: number) => String(n).padStart(2, '0');

export function generateExtract(file: string, rows: number, encoding: 'utf8' | 'gb18030', seed = 1): void {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)];
  const fd = fs.openSync(file, 'w');
  const enc = (s: string) => (encoding === 'utf8' ? Buffer.from(s, 'utf8') : iconv.encode(s, 'gb18030'));
  fs.writeSync(fd, enc('工单编号,受理时间,来电号码,诉求类型,一级分类,二级分类,三级分类,诉求内容,所属区,街道,详细地址,经度,纬度,承办单位,办结时间,满意度\r\n'));
  const start = Date.UTC(2023, 0, 1);
  let buf: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const t = start + Math.floor(r() * 730 * 86400_000);
    const d = new Date(t + 8 * 3600_000);
    const ts = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const c = new Date(t + 8 * 3600_000 + Math.floor(r() * 10 * 86400_000));
    const cs = `${c.getUTCFullYear()}/${c.getUTCMonth() + 1}/${c.getUTCDate()} ${c.getUTCHours()}:${pad(c.getUTCMinutes())}:${pad(c.getUTCSeconds())}`;
    const cat = pick(CATS);
    const road = pick(ROADS);
    let text = `${PHRASES[0]}：${pick(DISTRICTS)}${road}${1 + Math.floor(r() * 300)}号${PHRASES[2]}`;
    while (text.length < 80) text += pick(PHRASES);
    if (r() < 0.1) text += '，"请尽快处理"';
    const lon = (118.6 + r() * 0.45).toFixed(6);
    const lat = (31.9 + r() * 0.3).toFixed(6);
    buf.push(`GD${String(i).padStart(9, '0')},${ts},1${String(3e9 + Math.floor(r() * 9e8)).slice(0, 10)},${r() < 0.7 ? '投诉' : '咨询'},${cat[0]},${cat[1]},${cat[2]},"${text.replace(/"/g, '""')}",${pick(DISTRICTS)},${pick(STREETS)},${road}${1 + Math.floor(r() * 300)}号,${lon},${lat},${pick(DEPTS)},${cs},${pick(SAT)}\r\n`);
    if (buf.length === 5000) { fs.writeSync(fd, enc(buf.join(''))); buf = []; }
  }
  if (buf.length) fs.writeSync(fd, enc(buf.join('')));
  fs.closeSync(fd);
}

if (process.argv[1]?.endsWith('gen-extract.ts')) {
  const [file, rows, encoding] = process.argv.slice(2);
  generateExtract(file, Number(rows), encoding as 'utf8' | 'gb18030');
}
