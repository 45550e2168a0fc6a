import { describe, expect, it } from 'vitest';
import { histogram, histogramInts, intQuantiles, quantileSorted, summarizeInts, summarizeSorted, DURATION_EDGES_HOURS } from '../../../../shared/domain/stats/quantiles';
import { buildCategoryIndex, columnsFromRows, type FactRow } from '../../../../shared/domain/stats/columns';
import { countByKeys2, countHourWeekday, groupKeys } from '../../../../shared/domain/stats/dims';
import { performance, performanceWithOverall } from '../../../../shared/domain/stats/performance';
import { selectRows } from '../../../../shared/domain/stats/select';

/** Deterministic pseudo-random integers (LCG), so a failure can be replayed. */
function ints(n: number, seed: number, max: number, skew = false): Int32Array {
  let s = seed;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const u = s / 0x7fffffff;
    out[i] = Math.floor((skew ? u * u * u : u) * max);
  }
  return out;
}

describe('exact quantiles by radix selection', () => {
  const cases: [string, Int32Array][] = [
    ['small (sorted path)', ints(101, 1, 1000)],
    ['large, uniform', ints(50_001, 2, 30_000_000)],
    ['large, skewed with many ties', ints(60_000, 3, 5000, true)],
    ['large, one value', new Int32Array(9000).fill(42)],
    ['large, two far values', Int32Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? 31_000_000 : 7))],
  ];
  for (const [name, xs] of cases) {
    it(`equals quantiles of the sorted values: ${name}`, () => {
      const before = Buffer.from(xs.slice().buffer);
      const ps = [0, 0.1, 0.5, 0.9, 0.99, 1];
      const r = intQuantiles(xs, 0, xs.length, ps)!;
      const sorted = Array.from(xs).sort((a, b) => a - b);
      ps.forEach((p, j) => expect(r.q[j]).toBeCloseTo(quantileSorted(sorted, p)!, 6));
      expect(before.equals(Buffer.from(xs.buffer))).toBe(true); // left unchanged
      const s = summarizeSorted(sorted.map((x) => x / 3600));
      const mine = summarizeInts(xs, 0, xs.length, 3600);
      expect(mine.median).toBeCloseTo(s.median!, 9);
      expect(mine.p90).toBeCloseTo(s.p90!, 9);
      expect(mine.mean).toBeCloseTo(s.mean!, 6);
      expect([mine.min, mine.max]).toEqual([s.min, s.max]);
    });
  }

  it('reads a sub-range only, and gives nothing for an empty one', () => {
    const xs = Int32Array.from([100, 5, 1, 2, 3, 100]);
    expect(intQuantiles(xs, 1, 5, [0.5])!.q[0]).toBe(2.5);
    expect(intQuantiles(xs, 2, 2, [0.5])).toBeNull();
    expect(summarizeInts(xs, 3, 3).median).toBeNull();
  });

  it('integer histogram matches the generic one, with and without whole-hour edges', () => {
    const xs = ints(20_000, 4, 40_000_000);
    xs[0] = 8760 * 3600;
    xs[1] = 3600;
    const secs = DURATION_EDGES_HOURS.map((h) => h * 3600);
    const generic = histogram(Array.from(xs, (x) => x / 3600), DURATION_EDGES_HOURS);
    expect(histogramInts(xs, 0, xs.length, secs)).toEqual({ ...generic, edges: secs });
    const odd = secs.map((e) => e + 7);
    expect(histogramInts(xs, 0, xs.length, odd)).toEqual(histogram(Array.from(xs), odd));
  });
});

describe('performance per group and overall in one pass', () => {
  const H = 3600_000;
  const cats = buildCategoryIndex([{ id: 1, parentId: null, level: 1, name: '市政' }, { id: 2, parentId: null, level: 1, name: '环境' }]);
  const rows: FactRow[] = Array.from({ length: 400 }, (_, i) => ({
    id: i + 1,
    receivedAt: Date.UTC(2024, 0, 1) + i * H,
    closedAt: i % 11 === 0 ? null : Date.UTC(2024, 0, 1) + i * H + ((i * 7919) % 500) * 60_000,
    firstResponseAt: i % 5 === 0 ? null : Date.UTC(2024, 0, 1) + i * H + ((i * 104729) % 90) * 60_000,
    cat: (i % 2) + 1, satisfaction: i % 3 === 0 ? null : (i % 4) / 4, transfers: i % 6,
    dims: { department: `D${i % 7}` },
  }));
  const { cols, dicts } = columnsFromRows(rows);
  const ctx = { cols, dicts, cats };
  const opts = { rules: { instantMinutes: 5, maxDays: 365 }, limits: { defaultHours: 4, byCategory: { 2: 2 } }, asOfT: cols.t[cols.n - 1] };

  it('gives the same overall and group figures as separate computations', () => {
    const sel = selectRows(ctx, {});
    const gk = groupKeys(ctx, sel, 'department');
    const both = performanceWithOverall(cols, cats, sel, gk, opts);
    expect(both.overall).toEqual(performance(cols, cats, sel, null, opts)[0]);
    expect(both.groups).toEqual(performance(cols, cats, sel, gk, opts));
    expect(both.overall.close.histogram!.counts.reduce((a, b) => a + b, 0)).toBe(both.overall.close.summary.n);
    expect(both.groups.reduce((s, g) => s + g.close.summary.n, 0)).toBe(both.overall.close.summary.n);
  });

  it('hour × weekday in one pass equals the two group keys crossed', () => {
    const sel = selectRows(ctx, {});
    const m = countHourWeekday(ctx, sel);
    expect(m).toEqual(countByKeys2(groupKeys(ctx, sel, 'weekday'), groupKeys(ctx, sel, 'hour')));
    expect(m.reduce((a, b) => a + b, 0)).toBe(400);
    expect(m.filter((x) => x > 0).length).toBeGreaterThan(24);
  });

  it('rows outside a time axis drop out of the groups but not of the overall figures', () => {
    const sel = selectRows(ctx, {});
    const first = Math.floor((Date.UTC(2024, 0, 1) + 8 * H) / 86_400_000);
    const gk = groupKeys(ctx, sel, 'day', { first, last: first + 3 });
    const both = performanceWithOverall(cols, cats, sel, gk, opts);
    expect(both.overall.n).toBe(400);
    expect(both.groups.reduce((s, g) => s + g.n, 0)).toBeLessThan(400);
  });
});
