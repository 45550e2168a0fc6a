import { describe, expect, it } from 'vitest';
import { histogram, mean, median, quantile, summarizeSorted } from '../../../../shared/domain/stats/quantiles';
import { movingAverage, relativeChange, buildSeries } from '../../../../shared/domain/stats/series';
import { classifyDuration, limitHoursFor, onTimeOutcome, onTimeRate, partitionDurations } from '../../../../shared/domain/stats/durations';
import { buildPivot, colShares, rankWithChange, rowShares, OTHER_KEY } from '../../../../shared/domain/stats/pivot';
import { parseDay } from '../../../../shared/domain/stats/time';

describe('location statistics', () => {
  it('median, mean and the 90th percentile by linear interpolation (numpy / PERCENTILE.INC)', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mean([1, 2, 3, 10])).toBe(4);
    // sorted 1..10: h = 9 × 0.9 = 8.1 → 9 + 0.1 × (10 − 9)
    expect(quantile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.9)).toBeCloseTo(9.1, 12);
    expect(quantile([7], 0.9)).toBe(7);
    expect(median([])).toBeNull();
    expect(summarizeSorted([1, 2, 4])).toEqual({ n: 3, mean: 7 / 3, median: 2, p90: 3.6, min: 1, max: 4 });
  });

  it('counts a histogram into half-open bins, the last one closed', () => {
    const h = histogram([-1, 0, 0.5, 1, 2, 3, 3, 4], [0, 1, 2, 3]);
    expect(h.counts).toEqual([2, 1, 3]);
    expect(h.below).toBe(1);
    expect(h.above).toBe(1);
  });
});

describe('series', () => {
  it('moving average waits for a full window and stops at gaps', () => {
    expect(movingAverage([1, 2, 3, 4, 5], 3)).toEqual([null, null, 2, 3, 4]);
    expect(movingAverage([1, null, 3, 4, 5, 6], 2)).toEqual([null, null, null, 3.5, 4.5, 5.5]);
  });

  it('relative change is null without a base', () => {
    expect(relativeChange(15, 10)).toBe(0.5);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(5, null)).toBeNull();
  });

  it('compares with the previous bucket and the same month a year earlier', () => {
    const jan23 = parseDay('2023-01-01'); const jan24 = parseDay('2024-01-01'); const feb24 = parseDay('2024-02-01');
    const totals = new Map([[jan23, 40], [jan24, 50], [feb24, 60]]);
    const s = buildSeries([jan24, feb24], totals, 'month', 2);
    expect(s.map((p) => p.label)).toEqual(['2024-01', '2024-02']);
    expect(s[0]).toMatchObject({ value: 50, yearAgo: 40, previous: null, movingAverage: null });
    expect(s[1]).toMatchObject({ value: 60, previous: 50, yearAgo: null, movingAverage: 55 });
  });
});

describe('durations: exclusions and on-time', () => {
  const rules = { instantMinutes: 5, maxDays: 365 };
  it('sets aside instant closures and impossible durations, and counts them', () => {
    expect(classifyDuration(300, rules, 'close')).toBe('instant');
    expect(classifyDuration(301, rules, 'close')).toBe('valid');
    expect(classifyDuration(300, rules, 'response')).toBe('valid');
    expect(classifyDuration(-1, rules, 'close')).toBe('negative');
    expect(classifyDuration(366 * 86400, rules, 'close')).toBe('tooLong');
    expect(classifyDuration(null, rules, 'close')).toBe('missing');
    const p = partitionDurations([60, 3600, -5, null, 7200, 400 * 86400], rules, 'close');
    expect(p.values).toEqual([3600, 7200]);
    expect(p.counts).toEqual({ valid: 2, missing: 1, instant: 1, negative: 1, tooLong: 1 });
    expect(median(p.values)).toBe(5400);
  });

  it('applies the deepest category limit and rates on time / late / overdue', () => {
    const limits = { defaultHours: 72, byCategory: { '1': 24, '12': 8 } };
    expect(limitHoursFor(limits, [1, 12, 123])).toBe(8);
    expect(limitHoursFor(limits, [1, 13, null])).toBe(24);
    expect(limitHoursFor(limits, [2, null, null])).toBe(72);
    const H = 3600;
    const outcomes = [
      onTimeOutcome(7 * H, 0, 8, rules), onTimeOutcome(9 * H, 0, 8, rules), onTimeOutcome(null, 10 * H, 8, rules),
      onTimeOutcome(null, 2 * H, 8, rules), onTimeOutcome(60, 0, 8, rules),
    ];
    expect(outcomes).toEqual(['onTime', 'late', 'overdueOpen', 'pending', 'excluded']);
    expect(onTimeRate({ onTime: 1, late: 1, overdueOpen: 1 })).toBeCloseTo(1 / 3, 12);
    expect(onTimeRate({ onTime: 0, late: 0, overdueOpen: 0 })).toBeNull();
  });
});

describe('shares, change and pivot', () => {
  it('ranks with share and change', () => {
    const r = rankWithChange([{ key: 'a', count: 10, previous: 20 }, { key: 'b', count: 30, previous: null }]);
    expect(r.map((x) => x.key)).toEqual(['b', 'a']);
    expect(r[1]).toMatchObject({ share: 0.25, delta: -10, change: -0.5 });
    expect(r[0]).toMatchObject({ share: 0.75, delta: null, change: null });
  });

  it('cross-tabulates with totals and merges the tail into Other', () => {
    const cells = [
      { row: 'x', col: 'p', count: 5, previous: 1 }, { row: 'x', col: 'q', count: 1, previous: 0 },
      { row: 'y', col: 'p', count: 2, previous: 2 }, { row: 'z', col: 'q', count: 1, previous: 0 },
    ];
    const t = buildPivot(cells, { maxRows: 2, maxCols: 5, hasPrevious: true });
    expect(t.rows.map((r) => r.key)).toEqual(['x', OTHER_KEY]);
    expect(t.cols.map((c) => c.key)).toEqual(['p', 'q']);
    expect(t.counts).toEqual([[5, 1], [2, 1]]);
    expect(t.previous).toEqual([[1, 0], [2, 0]]);
    expect(t.total).toBe(9);
    expect(t.otherRows).toBe(2);
    expect(rowShares([[1, 3], [0, 0]])).toEqual([[0.25, 0.75], [0, 0]]);
    expect(colShares([[1, 3], [1, 1]])).toEqual([[0.5, 0.75], [0.5, 0.25]]);
    const ordered = buildPivot(cells, { maxRows: 5, maxCols: 5, colOrder: ['q', 'p'], hasPrevious: false });
    expect(ordered.cols.map((c) => c.key)).toEqual(['q', 'p']);
    expect(ordered.previous).toBeNull();
  });
});
