/**
 * Counts per local day of a filter's non-time part, over the project's whole time range: every time
 * series (any granularity, any date range, its year-ago and previous-bucket comparisons) is then a
 * sum over this array instead of a pass over the rows. One pass builds it (no per-row keys, Maps or
 * Dates); the last few are kept per loaded data, so the day and month series of one dashboard refresh
 * and the year-ago extension share it.
 */
import type { Filter } from '../../../../shared/model/filter';
import { localDayOfT } from '../../../../shared/domain/stats/dims';
import type { StatsData } from './cache';
import { filterKey, keptPerData, select } from './select';

export interface DayCounts {
  /** Local day number of counts[0]. */
  first: number;
  /** Records per day, first … first + length − 1. */
  counts: Float64Array;
}

/** The filter without its time range. */
export function timeless(f: Filter): Filter {
  const { from: _from, to: _to, ...rest } = f;
  return rest;
}

const kept = new WeakMap<StatsData, Map<string, DayCounts>>();
const KEEP = 4;

function build(data: StatsData, f: Filter): DayCounts {
  const first = localDayOfT(data.minT);
  const counts = new Float64Array(Math.max(0, localDayOfT(data.maxT) - first + 1));
  const len = counts.length;
  const { t, alive, n } = data.cols;
  if (filterKey(f) === filterKey({})) {
    // no condition besides time: straight over the columns, no selection needed
    for (let i = 0; i < n; i++) {
      if (alive[i] === 0) continue;
      const d = localDayOfT(t[i]) - first;
      if (d >= 0 && d < len) counts[d]++;
    }
  } else {
    const sel = select(data, f);
    const rows = sel.rows;
    for (let k = 0; k < sel.n; k++) {
      const d = localDayOfT(t[rows[k]]) - first;
      if (d >= 0 && d < len) counts[d]++;
    }
  }
  return { first, counts };
}

/** Records per local day matching `f` apart from its time range (cached per filter). */
export function dayCounts(data: StatsData, f: Filter): DayCounts {
  const rest = timeless(f);
  return keptPerData(kept, data, filterKey(rest), KEEP, () => build(data, rest));
}

/** Records on days [from, to] (inclusive local day numbers) of a day-count array. */
export function sumDays(dc: DayCounts, from: number, to: number): number {
  const lo = Math.max(0, from - dc.first);
  const hi = Math.min(dc.counts.length - 1, to - dc.first);
  let s = 0;
  for (let i = lo; i <= hi; i++) s += dc.counts[i];
  return s;
}

/** First and last day in [from, to] with any record (null when none). */
export function busyRange(dc: DayCounts, from: number, to: number): { first: number; last: number } | null {
  const lo = Math.max(0, from - dc.first);
  const hi = Math.min(dc.counts.length - 1, to - dc.first);
  let a = lo;
  while (a <= hi && dc.counts[a] === 0) a++;
  if (a > hi) return null;
  let b = hi;
  while (dc.counts[b] === 0) b--;
  return { first: a + dc.first, last: b + dc.first };
}
