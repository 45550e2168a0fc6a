/** Invented Chinese place-name pools for the synthetic city (no real district names of Nanjing). */
import type { Rng } from './rng';

export const CITY_NAME = '宁川市';

/** Invented district names; the first ones are used for the old-town (central) districts. */
export const DISTRICT_NAMES = [
  '玄湖区', '钟山区', '石城区', '青溪区', '凤台区', '长干区', '白鹭区', '桃叶区',
  '燕矶区', '龙江区', '乌衣区', '清凉区', '汤泉区', '横溪区',
];

const FIRST = [
  '金', '银', '玉', '翠', '丹', '紫', '青', '红', '碧', '云', '月', '星', '春', '秋', '清', '明',
  '安', '康', '宁', '和', '兴', '福', '瑞', '祥', '嘉', '华', '新', '长', '永', '东', '西', '南',
  '北', '龙', '凤', '桃', '梅', '兰', '竹', '松', '柏', '桂', '荷', '杏', '枫', '梧', '柳', '樱',
  '石', '沙', '泰', '锦', '朝', '虹', '仁', '德', '文', '武', '光', '景', '阳', '晨', '鹤', '燕',
];
const SECOND = [
  '山', '水', '湖', '河', '桥', '林', '园', '门', '塘', '港', '湾', '洲', '岗', '坊', '庄', '村',
  '亭', '台', '泉', '溪', '池', '井', '巷', '营', '埠', '岭', '苑', '堤', '圩', '墩', '坝', '滨',
];

const ROAD_FIRST = [
  '梧桐', '丹凤', '紫荆', '银杏', '凤凰', '龙蟠', '朝阳', '迎春', '和平', '友谊', '新民', '安乐',
  '兴隆', '长乐', '永丰', '双桥', '红花', '翠屏', '碧波', '云台', '望江', '临湖', '观澜', '揽月',
  '清波', '白云', '青龙', '玉泉', '金沙', '银河', '星火', '光华', '建业', '复兴', '振兴', '团结',
  '胜利', '民主', '文昌', '武定', '通济', '聚宝', '太平', '仁和', '德政', '仙鹤', '燕子', '鸣凤',
  '栖凤', '卧龙', '石榴', '樱花', '荷花', '桂花', '海棠', '芙蓉', '丁香', '茉莉', '杜鹃', '紫薇',
  '天元', '天成', '华灯', '宏图', '锦绣', '华夏', '秀水', '明湖', '清溪', '长虹', '飞虹', '卧波',
  '汇通', '广厦', '康乐', '福民', '惠民', '利民', '安康', '泰和', '瑞金', '宝塔', '钟楼', '鼓亭',
  '水西', '河西', '城东', '城南', '港湾', '沿江', '滨湖', '环湖', '东方', '北辰', '南苑', '西华',
  '青年', '学府', '科技', '创新', '智谷', '软件', '物流', '商贸', '工业', '金融', '文体', '机场',
];
const ESTATE_SUFFIX = ['苑', '花园', '新村', '家园', '小区', '公寓', '雅居', '名都', '华府', '佳园', '山庄', '里'];

/** Allocates names without repeats within one allocator. */
export class NameAllocator {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  /** Two-syllable invented stem (e.g. 桃溪) plus a suffix, unique within this allocator. */
  stem(suffix: string): string {
    for (let i = 0; i < 200; i++) {
      const name = this.rng.pick(FIRST) + this.rng.pick(SECOND) + suffix;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    return this.fallback(suffix);
  }

  /** A road name: curated two-character stem plus 路/大道/街/巷, unique within this allocator. */
  road(suffix: string): string {
    for (let i = 0; i < 200; i++) {
      const first = this.rng.chance(0.75) ? this.rng.pick(ROAD_FIRST) : this.rng.pick(FIRST) + this.rng.pick(SECOND);
      const name = first + suffix;
      if (!this.used.has(name) && !this.used.has(first)) {
        this.used.add(name);
        this.used.add(first);
        return name;
      }
    }
    return this.fallback(suffix);
  }

  /** A residential estate name such as 翠竹花园 or 金港新村. */
  estate(): string {
    for (let i = 0; i < 200; i++) {
      const name = this.rng.pick(FIRST) + this.rng.pick(SECOND) + this.rng.pick(ESTATE_SUFFIX);
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    return this.fallback('苑');
  }

  private fallback(suffix: string): string {
    let k = 2;
    for (;;) {
      const name = this.rng.pick(FIRST) + this.rng.pick(SECOND) + toChineseNumber(k) + suffix;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
      k++;
    }
  }
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1..99 as Chinese numerals (一, 十二, 二十三). */
export function toChineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const t = Math.floor(n / 10);
  const u = n % 10;
  return (t === 1 ? '' : DIGITS[t]) + '十' + (u === 0 ? '' : DIGITS[u]);
}
