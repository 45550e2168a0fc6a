/**
 * The 3-level category tree of the synthetic city, in the style of a real 12345 taxonomy:
 * level-1 '01', level-2 '0103', level-3 '010305'. Each leaf carries its base frequency,
 * seasonality, area affinity, department key, hotline mix and text phrases.
 */
import { TAXONOMY_PART_1 } from './taxonomy-data-1';
import { TAXONOMY_PART_2 } from './taxonomy-data-2';
import { TAXONOMY_PART_3 } from './taxonomy-data-3';
import type { Anchor, AreaAffinity, L1Spec, LeafKind, LineCode, Season } from './taxonomy-spec';

export type { Anchor, AreaAffinity, LeafKind, LineCode, Season } from './taxonomy-spec';

export interface Category {
  code: string;
  name: string;
  level: 1 | 2 | 3;
  parentCode: string | null;
}

export interface Leaf extends Category {
  level: 3;
  /** Position in `Taxonomy.leaves`. */
  index: number;
  cat1: Category;
  cat2: Category;
  kind: LeafKind;
  anchor: Anchor;
  phrases: string[];
  /** Share of all requests in an average month (sums to 1 over all leaves). */
  frequency: number;
  season: Season;
  area: AreaAffinity;
  /** Department key (see departments.ts). */
  deptKey: string;
  /** Hotlines this category arrives on, with weights summing to 1 (12345 first). */
  lines: { code: LineCode; weight: number }[];
  /** Reply sentences of the level-1 class. */
  replies: string[];
  burst: string | null;
}

export interface Taxonomy {
  /** All categories, parents before children, ordered by code. */
  categories: Category[];
  leaves: Leaf[];
  byCode: Map<string, Category>;
}

export interface HotlineSource { line: LineCode; code: string; name: string; prefix: string }

/** The hotlines of the synthetic city; source codes are prefixed 'demo-' and names say 合成. */
export const HOTLINE_SOURCES: HotlineSource[] = [
  { line: '12345', code: 'demo-12345', name: '12345 政务服务便民热线（合成）', prefix: 'GD' },
  { line: '12315', code: 'demo-12315', name: '12315 市场监管投诉举报热线（合成）', prefix: 'TS' },
  { line: '12333', code: 'demo-12333', name: '12333 人力资源和社会保障热线（合成）', prefix: 'RS' },
  { line: '12320', code: 'demo-12320', name: '12320 卫生健康热线（合成）', prefix: 'WJ' },
  { line: '12369', code: 'demo-12369', name: '12369 环保举报热线（合成）', prefix: 'HB' },
  { line: '12366', code: 'demo-12366', name: '12366 纳税缴费服务热线（合成）', prefix: 'SW' },
  { line: '12358', code: 'demo-12358', name: '12358 价格监管热线（合成）', prefix: 'JG' },
];

export const TAXONOMY_SPEC: L1Spec[] = [...TAXONOMY_PART_1, ...TAXONOMY_PART_2, ...TAXONOMY_PART_3];

const pad2 = (n: number): string => String(n).padStart(2, '0');

let cached: Taxonomy | null = null;

/** The category tree (static data; built once and shared). */
export function buildTaxonomy(): Taxonomy {
  if (cached) return cached;
  const categories: Category[] = [];
  const leaves: Leaf[] = [];
  const w1Total = TAXONOMY_SPEC.reduce((s, c) => s + c.weight, 0);
  TAXONOMY_SPEC.forEach((s1, i1) => {
    const cat1: Category = { code: pad2(i1 + 1), name: s1.name, level: 1, parentCode: null };
    categories.push(cat1);
    const w2Total = s1.children.reduce((s, c) => s + c.weight, 0);
    s1.children.forEach((s2, i2) => {
      const cat2: Category = { code: cat1.code + pad2(i2 + 1), name: s2.name, level: 2, parentCode: cat1.code };
      categories.push(cat2);
      const w3Total = s2.leaves.reduce((s, c) => s + c.weight, 0);
      const sister = Object.entries(s2.lines) as [LineCode, number][];
      const general = 1 - sister.reduce((s, [, w]) => s + w, 0);
      const lines = [{ code: '12345' as LineCode, weight: general }, ...sister.map(([code, weight]) => ({ code, weight }))];
      s2.leaves.forEach((s3, i3) => {
        const leaf: Leaf = {
          code: cat2.code + pad2(i3 + 1), name: s3.name, level: 3, parentCode: cat2.code, index: leaves.length, cat1, cat2,
          kind: s3.kind, anchor: s3.anchor, phrases: s3.phrases,
          frequency: (s1.weight / w1Total) * (s2.weight / w2Total) * (s3.weight / w3Total),
          season: s3.season ?? s2.season, area: s2.area, deptKey: s2.dept, lines, replies: s1.replies, burst: s3.burst ?? null,
        };
        categories.push(leaf);
        leaves.push(leaf);
      });
    });
  });
  cached = { categories, leaves, byCode: new Map(categories.map((c) => [c.code, c])) };
  return cached;
}

/** The label a source would print for a category (its own wording, not our codes). */
export function categoryLabel(leaf: Leaf, line: LineCode): string {
  if (line === '12345') return `${leaf.cat1.name}-${leaf.cat2.name}-${leaf.name}`;
  return `${LINE_LABEL[line]}/${leaf.cat2.name}/${leaf.name}`;
}

const LINE_LABEL: Record<LineCode, string> = {
  '12345': '综合', '12315': '消费投诉举报', '12333': '人社业务', '12320': '卫生健康', '12369': '环境污染举报',
  '12366': '纳税服务', '12358': '价格举报',
};
