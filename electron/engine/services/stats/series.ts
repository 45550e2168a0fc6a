/**
 * Volume over time: counts per bucket with previous-bucket, year-ago and moving-average values.
 * Counting starts up to a year before the first bucket (never before the project's first record,
 * where nothing is known), so the first buckets have their comparisons too.
 */
import type { Filter } from '../../../../shared/model/filter';
import { countByKey, groupKeys, localDayOfT } from '../../../../shared/domain/stats/dims';
import { buildSeries, DEFAULT_MA_WINDOW, type SeriesPoint } from '../../../../shared/domain/stats/series';
import { bucketRange, bucketStartDay, dayOf, dayStartMs, yearAgoBucketDay, type Granularity } from '../../../../shared/domain/stats/time';
import type { StatsData } from './cache';
import { busyRange, dayCounts, sumDays } from './days';
import { axisDays, select } from './select';

/** First bucket whose records are counted: a year (or, for days, one day) before `firstBucket`. */
function extendedFirst(data: StatsData, firstBucket: number, g: Granularity): number {
  const knownFrom = bucketStartDay(localDayOfT(data.minT), g);
  return Math.max(knownFrom, Math.min(yearAgoBucketDay(firstBucket, g), firstBucket - (g === 'day' ? 1 : 0)));
}

/** The general route: the rows selected from the start of the extension, keyed by bucket. */
export function seriesByRows(data: StatsData, f: Filter, g: Granularity, maWindow?: number): SeriesPoint[] {
  const sel = select(data, f);
  const days = axisDays(data, f, sel);
  if (!days) return [];
  const firstBucket = bucketStartDay(days.first, g);
  const extFirst = extendedFirst(data, firstBucket, g);
  const ext = extFirst < firstBucket ? select(data, { ...f, from: dayStartMs(extFirst) }) : sel;
  const gk = groupKeys(data, ext, g, { first: Math.min(extFirst, days.first), last: days.last });
  const counts = countByKey(gk);
  const totals = new Map<number, number>();
  for (let b = 0; b < gk.size; b++) totals.set(gk.startDay!(b), counts[b]);
  const starts = [...totals.keys()].filter((s) => s >= firstBucket);
  return buildSeries(starts, totals, g, maWindow ?? DEFAULT_MA_WINDOW[g]);
}

const atDayStart = (ms: number | undefined): boolean => ms === undefined || dayStartMs(dayOf(ms)) === ms;

/**
 * The same answer from the filter's counts per day (days.ts): sums over days instead of a pass over
 * the rows. Used when the filter's time range starts and ends at midnight (the dashboard's ranges).
 */
export function seriesByDays(data: StatsData, f: Filter, g: Granularity, maWindow?: number): SeriesPoint[] {
  const dc = dayCounts(data, f);
  const fromDay = f.from !== undefined ? dayOf(f.from) : -Infinity;
  const lastDay = f.to !== undefined ? dayOf(f.to) - 1 : Infinity;
  const own = f.from === undefined || f.to === undefined ? busyRange(dc, fromDay, lastDay) : null;
  const first = f.from !== undefined ? fromDay : own?.first;
  const last = f.to !== undefined ? lastDay : own?.last;
  if (first === undefined || last === undefined || last < first) return [];
  const firstBucket = bucketStartDay(first, g);
  const extFirst = extendedFirst(data, firstBucket, g);
  // records counted: from the extension's first day (or the filter's start), within the axis
  const countFrom = Math.max(extFirst < firstBucket ? extFirst : fromDay, Math.min(extFirst, first));
  const starts = bucketRange(Math.min(extFirst, first), last, g);
  const totals = new Map<number, number>();
  starts.forEach((s, b) => {
    const end = b + 1 < starts.length ? starts[b + 1] - 1 : last;
    totals.set(s, sumDays(dc, Math.max(s, countFrom), end));
  });
  return buildSeries(starts.filter((s) => s >= firstBucket), totals, g, maWindow ?? DEFAULT_MA_WINDOW[g]);
}

export function series(data: StatsData, f: Filter, g: Granularity, maWindow?: number): SeriesPoint[] {
  return atDayStart(f.from) && atDayStart(f.to) ? seriesByDays(data, f, g, maWindow) : seriesByRows(data, f, g, maWindow);
}
