import { describe, expect, it } from 'vitest';
import { ReportSpecSchema, SectionSchema, type Section } from '../../../shared/domain/report/spec';
import { buildSpec, danglingItems, freshId, insertSection, moveItem, moveSection, reportFilter, updateSection } from '../../../renderer/src/features/reports/builder/sections';
import { basketTable } from '../../../renderer/src/features/reports/basket-table';

const ids = (s: Section[]) => s.map((x) => x.id);
function three(): Section[] {
  let s: Section[] = [];
  for (const k of ['overview', 'trend', 'commentary'] as const) s = insertSection(s, k).sections;
  return s;
}

describe('report builder: sections', () => {
  it('gives each new section a readable id not used yet', () => {
    expect(freshId('trend', [])).toBe('trend');
    expect(freshId('trend', [{ id: 'trend' }, { id: 'trend-2' }])).toBe('trend-3');
    const s = insertSection(insertSection([], 'map').sections, 'map');
    expect(ids(s.sections)).toEqual(['map', 'map-2']);
    expect(s.id).toBe('map-2');
  });

  it('inserts after the selected section, else at the end, with default params that validate', () => {
    const s = three();
    const r = insertSection(s, 'categories', 'overview');
    expect(ids(r.sections)).toEqual(['overview', 'categories', 'trend', 'commentary']);
    expect(ids(insertSection(s, 'pagebreak', 'missing').sections).at(-1)).toBe('pagebreak');
    const cat = r.sections[1];
    expect(SectionSchema.safeParse(cat).success).toBe(true);
    expect(cat.kind === 'categories' && cat.params.topN).toBe(10);
    const item = insertSection(s, 'item', null, { itemId: 'abc' }).sections.at(-1)!;
    expect(item.kind === 'item' && item.params.itemId).toBe('abc');
  });

  it('moves sections up and down, clamped at both ends; drag-and-drop moves to an index', () => {
    const s = three();
    expect(ids(moveSection(s, 'trend', -1))).toEqual(['trend', 'overview', 'commentary']);
    expect(ids(moveSection(s, 'trend', 1))).toEqual(['overview', 'commentary', 'trend']);
    expect(ids(moveSection(s, 'overview', -1))).toEqual(['overview', 'trend', 'commentary']);
    expect(ids(moveSection(s, 'commentary', 5))).toEqual(['overview', 'trend', 'commentary']);
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('edits title, caption and params; an emptied title falls back to the default', () => {
    let s = three();
    s = updateSection(s, 'commentary', { title: '分析与建议', params: { text: '第一段\n\n第二段' } });
    const c = s.find((x) => x.id === 'commentary')!;
    expect(c.title).toBe('分析与建议');
    expect(c.kind === 'commentary' && c.params.text).toBe('第一段\n\n第二段');
    s = updateSection(s, 'commentary', { title: '' });
    expect('title' in s.find((x) => x.id === 'commentary')!).toBe(false);
    s = updateSection(s, 'trend', { params: { granularity: 'week' } });
    const tr = s.find((x) => x.id === 'trend')!;
    expect(tr.kind === 'trend' && [tr.params.granularity, tr.params.bySource]).toEqual(['week', false]);
  });

  it('the period follows the global filter unless overridden; other filter parts always follow', () => {
    const g = { from: 100, to: 200, districts: ['鼓楼区'] };
    expect(reportFilter(g, { follow: true })).toEqual(g);
    expect(reportFilter(g, { follow: false, from: 150 })).toEqual({ from: 150, districts: ['鼓楼区'] });
    expect(reportFilter(g, { follow: false })).toEqual({ districts: ['鼓楼区'] });
  });

  it('builds a spec the engine accepts, without empty optional texts', () => {
    const spec = buildSpec({ title: ' 一季度简报 ', subtitle: '', organisation: '市热线办', author: ' ', compareTo: 'previous-year' }, 'brief', three(), { from: 1 }, 'zh-CN');
    const parsed = ReportSpecSchema.parse(spec);
    expect(parsed.title).toBe('一季度简报');
    expect(parsed.organisation).toBe('市热线办');
    expect(parsed.subtitle).toBeUndefined();
    expect(parsed.author).toBeUndefined();
    expect(parsed.sections).toHaveLength(3);
    expect(ReportSpecSchema.safeParse(buildSpec({ title: '', subtitle: '', organisation: '', author: '', compareTo: 'none' }, 'brief', three(), {}, 'en')).success).toBe(false);
  });

  it('finds item sections whose basket item is gone', () => {
    const s = insertSection(three(), 'item', null, { itemId: 'x1' }).sections;
    expect(danglingItems(s, ['x1'])).toEqual([]);
    expect(danglingItems(s, [])).toEqual(['item']);
    expect(danglingItems(s, null)).toEqual([]);
  });
});

describe('report basket: tables within the contract limits', () => {
  it('drops empty tables, trims rows and columns, turns non-finite numbers into null', () => {
    expect(basketTable(undefined)).toBeUndefined();
    expect(basketTable({ columns: [], rows: [] })).toBeUndefined();
    const cols = Array.from({ length: 60 }, (_, i) => `c${i}`);
    const rows = Array.from({ length: 6000 }, (_, i) => cols.map((_, j) => (j === 0 ? Number.NaN : i)));
    const t = basketTable({ columns: cols, rows })!;
    expect(t.columns).toHaveLength(50);
    expect(t.rows).toHaveLength(5000);
    expect(t.rows[0]).toHaveLength(50);
    expect(t.rows[7][0]).toBeNull();
    expect(t.rows[7][1]).toBe(7);
  });
});
