import { describe, expect, it } from 'vitest';
import { buildCategoryIndex, columnsFromRows, type FactRow } from '../../../../shared/domain/stats/columns';
import { countByKey, countByKeys2, groupKeys } from '../../../../shared/domain/stats/dims';
import { performance, repeatFlags } from '../../../../shared/domain/stats/performance';
import { backlogSeries } from '../../../../shared/domain/stats/backlog';
import { residualFilter, selectRows } from '../../../../shared/domain/stats/select';
import { dayStartMs, parseDay } from '../../../../shared/domain/stats/time';

const H = 3600_000;
const at = (day: string, hour = 10) => dayStartMs(parseDay(day)) + hour * H;
// Categories: 1 市政 > 11 道路 > 111 坑洼; 2 环境 > 21 噪音
const cats = buildCategoryIndex([
  { id: 1, parentId: null, level: 1, name: '市政' }, { id: 11, parentId: 1, level: 2, name: '道路' },
  { id: 111, parentId: 11, level: 3, name: '坑洼' }, { id: 2, parentId: null, level: 1, name: '环境' }, { id: 21, parentId: 2, level: 2, name: '噪音' },
]);
const rows: FactRow[] = [
  { id: 1, receivedAt: at('2024-03-04', 9), closedAt: at('2024-03-04', 11), firstResponseAt: at('2024-03-04', 10), cat: 111, satisfaction: 1, transfers: 1, caller: 7, dims: { district: 'A', source: '12345' } },
  { id: 2, receivedAt: at('2024-03-04', 9), closedAt: at('2024-03-04', 9) + 120_000, cat: 111, satisfaction: 0, caller: 7, dims: { district: 'A', source: '12345' } },
  { id: 3, receivedAt: at('2024-03-05', 23), closedAt: at('2024-03-09', 23), cat: 21, satisfaction: 0.5, dims: { district: 'B', source: '12345' } },
  { id: 4, receivedAt: at('2024-03-10', 8), closedAt: null, cat: 11, dims: { district: 'B', source: '12315' } },
  { id: 5, receivedAt: at('2024-04-01', 8), closedAt: at('2024-03-31', 8), cat: 0, dims: { district: null, source: '12315' } },
];
const { cols, dicts } = columnsFromRows(rows);
const ctx = { cols, dicts, cats };

describe('column selection', () => {
  it('answers time, list and category filters; a category selects its descendants', () => {
    const ids = (f: object) => Array.from(selectRows(ctx, f).rows, (i) => cols.id[i]);
    expect(ids({})).toEqual([1, 2, 3, 4, 5]);
    expect(ids({ from: at('2024-03-05', 0), to: at('2024-04-01', 0) })).toEqual([3, 4]);
    expect(ids({ districts: ['B'] })).toEqual([3, 4]);
    expect(ids({ categories: [1] })).toEqual([1, 2, 4]);
    expect(ids({ categories: [111], sources: ['12345'] })).toEqual([1, 2]);
    expect(ids({ districts: ['nowhere'] })).toEqual([]);
    expect(Array.from(selectRows(ctx, {}, { ids: new Set([2, 5]) }).rows, (i) => cols.id[i])).toEqual([2, 5]);
  });

  it('leaves superseded rows out', () => {
    const copy = columnsFromRows(rows);
    copy.cols.alive[0] = 0;
    expect(selectRows({ ...ctx, cols: copy.cols }, {}).n).toBe(4);
  });

  it('answers drawn areas from the coordinates; records without coordinates drop out', () => {
    const pts = columnsFromRows([
      { id: 1, receivedAt: at('2024-03-04'), lon: 118.80, lat: 32.05 },
      { id: 2, receivedAt: at('2024-03-04'), lon: 118.90, lat: 32.05 },
      { id: 3, receivedAt: at('2024-03-04'), lon: null, lat: null },
    ]);
    const c = { ...ctx, cols: pts.cols, dicts: pts.dicts };
    const ids = (area: object) => Array.from(selectRows(c, { area } as never).rows, (i) => pts.cols.id[i]);
    expect(ids({ type: 'bbox', bbox: [118.7, 32.0, 118.85, 32.1] })).toEqual([1]);
    // 0.1° of longitude at 32°N is about 9.4 km
    expect(ids({ type: 'circle', center: [118.80, 32.05], radiusM: 9000 })).toEqual([1]);
    expect(ids({ type: 'circle', center: [118.80, 32.05], radiusM: 9500 })).toEqual([1, 2]);
    expect(ids({ type: 'polygon', ring: [[118.85, 32.0], [118.95, 32.0], [118.95, 32.1], [118.85, 32.1]] })).toEqual([2]);
  });

  it('hands text search and other keys to the engine as a residual filter', () => {
    expect(residualFilter({ from: 1, districts: ['A'], streets: ['S'], q: '噪音' })).toEqual({ q: '噪音' });
    expect(residualFilter({ from: 1, q: '  ' })).toBeNull();
  });
});

describe('grouping', () => {
  const sel = selectRows(ctx, {});
  it('groups by category level through the tree', () => {
    const g = groupKeys(ctx, sel, 'category1');
    const c = countByKey(g);
    expect(c[1]).toBe(3);
    expect(c[2]).toBe(1);
    expect(c[0]).toBe(1);
    expect(g.label(1)).toBe('市政');
    const g3 = countByKey(groupKeys(ctx, sel, 'category3'));
    expect(g3[111]).toBe(2);
  });

  it('buckets weeks over the whole range, empty weeks included', () => {
    const g = groupKeys(ctx, sel, 'week');
    expect(Array.from({ length: g.size }, (_, i) => g.label(i))).toEqual(['2024-W10', '2024-W11', '2024-W12', '2024-W13', '2024-W14']);
    expect(Array.from(countByKey(g))).toEqual([4, 0, 0, 0, 1]);
  });

  it('counts hour × weekday in local time', () => {
    const m = countByKeys2(groupKeys(ctx, sel, 'weekday'), groupKeys(ctx, sel, 'hour'));
    expect(m[0 * 24 + 9]).toBe(2); // Monday 09:00
    expect(m[1 * 24 + 23]).toBe(1); // Tuesday 23:00
    expect(m[6 * 24 + 8]).toBe(1); // Sunday 08:00
  });
});

describe('performance', () => {
  const sel = selectRows(ctx, {});
  const opts = { rules: { instantMinutes: 5, maxDays: 365 }, limits: { defaultHours: 72, byCategory: { '2': 48 } }, asOfT: cols.t[4] };
  it('measures closing times without instant closures and impossible durations, and counts both', () => {
    const [p] = performance(cols, cats, sel, null, opts);
    // valid closings: 2 h (id 1) and 96 h (id 3); id 2 is instant (2 min), id 5 negative, id 4 open
    expect(p.close.summary).toMatchObject({ n: 2, median: 49, mean: 49, min: 2, max: 96 });
    expect(p.close.exclusions).toEqual({ valid: 2, missing: 1, instant: 1, negative: 1, tooLong: 0 });
    expect(p.response.summary).toMatchObject({ n: 1, median: 1 });
    // on time: id 1 (2 h ≤ 72); late: id 3 (96 h > 48 for 环境); overdue open: id 4 (open 22 days)
    expect(p.onTime).toMatchObject({ onTime: 1, late: 1, overdueOpen: 1, excluded: 2, rate: 1 / 3 });
    expect(p.satisfaction).toMatchObject({ rated: 3, satisfied: 2, rate: 2 / 3, mean: 0.5 });
    expect(p.transfers).toMatchObject({ total: 1, withTransfer: 1 });
  });

  it('per group', () => {
    const per = performance(cols, cats, sel, groupKeys(ctx, sel, 'district'), opts);
    const a = per[dicts.district.indexOf('A')];
    expect(a.n).toBe(2);
    expect(a.close.summary.median).toBe(2);
    expect(a.close.exclusions.instant).toBe(1);
  });

  it('flags a repeat request by the same caller in the same category within 30 days', () => {
    const f = repeatFlags(cols, 30);
    expect(Array.from(f)).toEqual([0, 1, 0, 0, 0]);
  });

  it('tracks backlog and overdue at the end of each bucket', () => {
    const limits = new Float64Array(200).fill(72);
    limits[21] = 48;
    const first = parseDay('2024-03-04');
    const b = backlogSeries(cols, sel, 'day', { first, last: first + 7 }, limits, 72);
    // day 0: +2 received, 2 closed → 0; day 1: id 3 arrives; day 5 (03-09) it closes; id 4 arrives day 6 (03-10)
    expect(b.received).toEqual([2, 1, 0, 0, 0, 0, 1, 0]);
    expect(b.backlog).toEqual([0, 1, 1, 1, 1, 0, 1, 1]);
    // id 3 limit 48 h → overdue from 03-07 23:00 until it closes 03-09
    expect(b.overdue).toEqual([0, 0, 0, 1, 1, 0, 0, 0]);
  });
});
