/**
 * Readers benchmark: generates a CSV of N rows (15 columns, a quoted Chinese content field of about
 * 80 characters, 10% with commas and quotes inside, 5% with embedded newlines) in UTF-8 and in
 * GB18030, and an XLSX of M rows written with exceljs's streaming writer; then reads each fully
 * through openRowSource in a child process and prints rows/s, peak RSS and RSS along the way.
 *   node --import tsx tests/bench/readers.bench.ts [--rows 1000000] [--xlsx-rows 200000] [--only csv,gb18030,xlsx] [--keep]
 * Child mode (used internally): --read FILE --format csv|xlsx [--encoding utf8|gb18030]
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { openRowSource } from '../../electron/engine/services/import/readers/index';
import type { SourceFormat, TextEncoding } from '../../electron/engine/services/import/readers/types';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const WORDS = ['小区', '物业', '噪音', '扰民', '道路', '施工', '积水', '路灯', '不亮', '垃圾', '清运', '不及时', '停车', '难', '违章', '建筑', '学校', '周边', '交通', '拥堵', '反映', '问题', '希望', '尽快', '处理', '谢谢'];
const CAT1 = ['城乡建设', '环境保护', '交通运输', '劳动和社会保障', '卫生计生'];
const CAT2 = ['物业管理', '噪音污染', '道路交通', '社会保险', '医疗纠纷'];
const STATUS = ['已办结', '处理中', '已回访'];

let seed = 1;
const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(a: T[]): T => a[(rnd() * a.length) | 0];
function text(n: number): string {
  let s = '';
  while (s.length < n) s += pick(WORDS);
  return s;
}
const pad = (n: number): string => String(n).padStart(2, '0');

/** One record's 15 fields (content may hold commas, quotes and newlines). */
function record(i: number): (string | number)[] {
  let content = text(80);
  const r = rnd();
  if (r < 0.1) content = `${content.slice(0, 40)}，"引用",逗号,${content.slice(40)}`;
  else if (r < 0.15) content = `${content.slice(0, 40)}\n第二行\r\n${content.slice(40)}`;
  return [
    `GD${2023000000 + i}`, `2023-${pad(1 + (i % 12))}-${pad(1 + (i % 28))} ${pad(i % 24)}:${pad(i % 60)}:00`, pick(['电话', '网络', '微信']), pick(['投诉', '咨询', '求助']),
    pick(CAT1), pick(CAT2), text(4), text(12), content, `福州市鼓楼区${text(4)}路${i % 300}号`, '鼓楼区',
    119.2 + (i % 1000) / 10000, 26.0 + (i % 997) / 10000, pick(STATUS), pick(['满意', '基本满意', '不满意']),
  ];
}
const HEADERS = ['工单编号', '受理时间', '渠道', '诉求类型', '一级分类', '二级分类', '三级分类', '标题', '诉求内容', '地址', '区县', '经度', '纬度', '状态', '满意度'];

const csvField = (v: string | number): string => (typeof v === 'string' && /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));

async function writeCsv(path: string, rows: number, encoding: 'utf8' | 'gb18030'): Promise<void> {
  seed = 1;
  const out = createWriteStream(path);
  const enc = (s: string): Buffer => (encoding === 'utf8' ? Buffer.from(s, 'utf8') : iconv.encode(s, 'gb18030'));
  let buf = HEADERS.join(',') + '\r\n';
  for (let i = 0; i < rows; i++) {
    buf += record(i).map(csvField).join(',') + '\r\n';
    if (buf.length > 1 << 20) {
      if (!out.write(enc(buf))) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  }
  out.write(enc(buf));
  await new Promise<void>((r) => out.end(r));
}

async function writeXlsx(path: string, rows: number): Promise<void> {
  seed = 1;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('工单');
  ws.addRow(HEADERS).commit();
  for (let i = 0; i < rows; i++) {
    const r = record(i);
    r[1] = new Date(Date.UTC(2023, i % 12, 1 + (i % 28), i % 24, i % 60)) as unknown as string;
    const row = ws.addRow(r);
    row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm:ss';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** Child mode: read the file fully, print one JSON line. */
async function readFully(file: string, format: SourceFormat, encoding?: TextEncoding): Promise<void> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const src = await openRowSource(file, { format, encoding });
  let rows = 0, chars = 0;
  const rssAt: number[] = [];
  let nextMark = 0.25;
  for await (const batch of src.batches(256)) {
    rows += batch.length;
    for (const r of batch) chars += r.cells.length;
    if (src.bytesRead() / src.totalBytes >= nextMark) {
      rssAt.push(Math.round(process.memoryUsage().rss / 1e6));
      nextMark += 0.25;
    }
  }
  await src.close();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ rows, blank: src.blankRows(), seconds, rowsPerSec: Math.round(rows / seconds), cpuSeconds, rowsPerCpuSec: Math.round(rows / cpuSeconds), peakRssMb, rssAtQuartersMb: rssAt, chars }));
}

async function main(): Promise<void> {
  if (process.argv.includes('--read')) {
    return readFully(arg('read', ''), arg('format', 'csv') as SourceFormat, (arg('encoding', '') || undefined) as TextEncoding | undefined);
  }
  const rows = Number(arg('rows', '1000000'));
  const xlsxRows = Number(arg('xlsx-rows', '200000'));
  const only = arg('only', 'csv,gb18030,xlsx').split(',');
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-readers-bench-'));
  const self = fileURLToPath(import.meta.url);
  console.log(`readers bench: ${rows.toLocaleString()} CSV rows, ${xlsxRows.toLocaleString()} XLSX rows, node ${process.version}, dir ${dir}`);
  const cases: { name: string; file: string; format: SourceFormat; encoding?: TextEncoding; make: () => Promise<void> }[] = [
    { name: 'csv', file: join(dir, 'utf8.csv'), format: 'csv', make: () => writeCsv(join(dir, 'utf8.csv'), rows, 'utf8') },
    { name: 'gb18030', file: join(dir, 'gb18030.csv'), format: 'csv', make: () => writeCsv(join(dir, 'gb18030.csv'), rows, 'gb18030') },
    { name: 'xlsx', file: join(dir, 'rows.xlsx'), format: 'xlsx', make: () => writeXlsx(join(dir, 'rows.xlsx'), xlsxRows) },
  ];
  try {
    for (const c of cases.filter((x) => only.includes(x.name))) {
      const t = performance.now();
      await c.make();
      const mb = statSync(c.file).size / 1e6;
      console.log(`\n[${c.name}] generated ${mb.toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      // auto-detection is part of the measured read (encoding is not passed)
      const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--read', c.file, '--format', c.format], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const r = JSON.parse(out.trim().split('\n').pop()!);
      console.log(`[${c.name}] read ${r.rows.toLocaleString()} rows in ${r.seconds.toFixed(2)} s = ${r.rowsPerSec.toLocaleString()} rows/s, ${(mb / r.seconds).toFixed(0)} MB/s (CPU ${r.cpuSeconds.toFixed(2)} s = ${r.rowsPerCpuSec.toLocaleString()} rows per CPU-second); peak RSS ${r.peakRssMb} MB; RSS at 25/50/75/100 %: ${r.rssAtQuartersMb.join(' / ')} MB`);
    }
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
