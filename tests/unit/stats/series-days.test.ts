/**
 * The time series from counts per day (days.ts / series.ts) must give exactly what the row route
 * gives — values, previous buckets, year-ago values, moving averages — and what a brute-force count
 * of the rows gives.
 */
import { describe, expect, it } from 'vitest';
import { buildCategoryIndex, columnsFromRows, type FactRow } from '../../../shared/domain/stats/columns';
import { GRANULARITIES, dayOf, dayStartMs, parseDay } from '../../../shared/domain/stats/time';
import type { Filter } from '../../../shared/model/filter';
import type { StatsData } from '../../../electron/engine/services/stats/cache';
import { busyRange, dayCounts, sumDays } from '../../../electron/engine/services/stats/days';
import { series, seriesByDays, seriesByRows } from '../../../electron/engine/services/stats/series';

/** Deterministic pseudo-random stream (LCG). */
function rng(seed: number): () => number {
  let s = seed;
  return () => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s / 0x7fffffff; };
}

function fixture(): StatsData {
  const r = rng(7);
  const start = dayStartMs(parseDay('2022-03-17'));
  const span = dayStartMs(parseDay('2025-02-11')) - start;
  const rows: FactRow[] = Array.from({ length: 6000 }, (_, i) => ({
    id: i + 1,
    // denser in some months, and a few exactly at midnight
    receivedAt: i % 97 === 0 ? dayStartMs(dayOf(start + Math.floor(r() * span))) : start + Math.floor(r() ** 1.3 * span),
    cat: 1, dims: { district: ['玄湖区', '秦淮区', '江北区'][i % 3] },
  }));
  const { cols, dicts } = columnsFromRows(rows);
  for (let i = 0; i < cols.n; i += 13) cols.alive[i] = 0; // superseded copies: never counted
  let minT = Infinity; let maxT = -Infinity;
  for (const t of cols.t) { minT = Math.min(minT, t); maxT = Math.max(maxT, t); }
  const cats = buildCategoryIndex([{ id: 1, parentId: null, level: 1, name: 'A' }]);
  return { generation: 1, cols, dicts, cats, repo: null as never, minT, maxT, repeat: () => new Uint8Array(cols.n) };
}

const day = (s: string) => dayStartMs(parseDay(s));

describe('time series from counts per day', () => {
  const data = fixture();
  const filters: [string, Filter][] = [
    ['everything', {}],
    ['year 2024', { from: day('2024-01-01'), to: day('2025-01-01') }],
    ['from only', { from: day('2023-06-15') }],
    ['to only', { to: day('2023-02-01') }],
    ['one week, one district', { from: day('2024-05-06'), to: day('2024-05-13'), districts: ['秦淮区'] }],
    ['starts before the first record', { from: day('2021-01-01'), to: day('2022-06-01') }],
    ['starts mid-month, days after the first record', { from: day('2022-03-20'), to: day('2022-06-01') }],
    ['after the last record', { from: day('2026-01-01'), to: day('2026-02-01') }],
    ['from only, after the last record', { from: day('2026-01-01') }],
    ['a district, all time', { districts: ['江北区', '玄湖区'] }],
  ];
  for (const [name, f] of filters) {
    it(`equals the row route at every granularity: ${name}`, () => {
      for (const g of GRANULARITIES) expect(seriesByDays(data, f, g), g).toEqual(seriesByRows(data, f, g));
    });
  }

  it('counts each day as a brute-force pass over the live rows does', () => {
    const f = { from: day('2024-01-01'), to: day('2025-01-01'), districts: ['玄湖区'] };
    const want = new Map<number, number>();
    const code = data.dicts.district.indexOf('玄湖区');
    for (let i = 0; i < data.cols.n; i++) {
      const ms = Date.UTC(2000, 0, 1) + data.cols.t[i] * 1000;
      if (data.cols.alive[i] && data.cols.codes.district[i] === code) want.set(dayOf(ms), (want.get(dayOf(ms)) ?? 0) + 1);
    }
    const pts = series(data, f, 'day');
    expect(pts).toHaveLength(366);
    for (const p of pts) {
      expect(p.value, p.label).toBe(want.get(p.start) ?? 0);
      const ago = parseDay(`${Number(p.label.slice(0, 4)) - 1}${p.label.endsWith('02-29') ? '-02-28' : p.label.slice(4)}`);
      expect(p.yearAgo, p.label).toBe(want.get(ago) ?? 0);
    }
    expect(pts[0].previous).toBe(want.get(pts[0].start - 1) ?? 0);
    expect(pts.reduce((s, p) => s + p.value, 0)).toBe([...want].filter(([d]) => d >= parseDay('2024-01-01') && d < parseDay('2025-01-01')).reduce((s, [, n]) => s + n, 0));
  });

  it('takes the row route when the range does not start or end at midnight', () => {
    const f = { from: day('2024-01-01') + 3600_000 * 10, to: day('2024-03-01') };
    for (const g of GRANULARITIES) expect(series(data, f, g)).toEqual(seriesByRows(data, f, g));
  });

  it('keeps one day-count array per filter without its time range', () => {
    const a = dayCounts(data, { from: day('2024-01-01'), districts: ['秦淮区'] });
    expect(dayCounts(data, { to: day('2023-01-01'), districts: ['秦淮区'] })).toBe(a);
    const all = dayCounts(data, {});
    expect(all).not.toBe(a);
    const live = data.cols.alive.reduce((s, x) => s + x, 0);
    expect(sumDays(all, -Infinity, Infinity)).toBe(live);
    expect(sumDays(a, -Infinity, Infinity)).toBeLessThan(live / 2);
    const busy = busyRange(all, -Infinity, Infinity)!;
    expect(all.counts[busy.first - all.first]).toBeGreaterThan(0);
    expect(busyRange(all, busy.last + 1, busy.last + 30)).toBeNull();
  });
});
