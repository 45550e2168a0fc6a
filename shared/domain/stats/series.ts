/** Time-series helpers: moving average, period-over-period and year-over-year comparison. */
import { bucketLabel, prevBucketDay, yearAgoBucketDay, type Granularity } from './time';

/**
 * Trailing moving average over `window` points; null until a full window is available.
 * Null inputs are treated as gaps: a window containing one yields null.
 */
export function movingAverage(values: readonly (number | null)[], window: number): (number | null)[] {
  const w = Math.max(1, Math.floor(window));
  const out: (number | null)[] = new Array(values.length).fill(null);
  let sum = 0;
  let gaps = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) gaps++; else sum += v;
    if (i >= w) {
      const old = values[i - w];
      if (old === null) gaps--; else sum -= old;
    }
    if (i >= w - 1 && gaps === 0) out[i] = sum / w;
  }
  return out;
}

/** Relative change (current − previous) / previous; null when there is no previous value or it is 0. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

/** Default moving-average window per granularity: a week of days, a quarter of weeks, a quarter of months… */
export const DEFAULT_MA_WINDOW: Record<Granularity, number> = { day: 7, week: 4, month: 3, quarter: 2, year: 2 };

export interface SeriesPoint {
  /** First local day of the bucket. */
  start: number;
  label: string;
  value: number;
  /** Value of the previous bucket (null before the first bucket with data known). */
  previous: number | null;
  /** Value of the same bucket a year earlier (null when that bucket is outside the known range). */
  yearAgo: number | null;
  movingAverage: number | null;
}

/**
 * Builds a comparable series from bucket totals. `totals` maps bucket start → value for every bucket
 * that was computed (zeros included); buckets outside it are unknown, so comparisons against them are null.
 */
export function buildSeries(starts: readonly number[], totals: ReadonlyMap<number, number>, g: Granularity, maWindow = DEFAULT_MA_WINDOW[g]): SeriesPoint[] {
  const values = starts.map((s) => totals.get(s) ?? 0);
  const ma = movingAverage(values, maWindow);
  return starts.map((start, i) => ({
    start,
    label: bucketLabel(start, g),
    value: values[i],
    previous: totals.get(prevBucketDay(start, g)) ?? null,
    yearAgo: totals.get(yearAgoBucketDay(start, g)) ?? null,
    movingAverage: ma[i],
  }));
}
