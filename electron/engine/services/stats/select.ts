/** Selecting the rows of a filter (columns first, SQL for the rest) and the comparison periods. */
import type { Filter } from '../../../../shared/model/filter';
import { dayRange, isTimeDim, type Dimension } from '../../../../shared/domain/stats/dims';
import { residualFilter, selectRows, type Selection, type SelectOptions } from '../../../../shared/domain/stats/select';
import { dayOf, dayStartMs, yearAgoBucketDay } from '../../../../shared/domain/stats/time';
import type { StatsData } from './cache';

/** A stable key of a filter (keys sorted), for the caches. */
export const filterKey = (f: Filter): string => JSON.stringify(Object.keys(f).sort().map((k) => [k, f[k as keyof Filter]]));
const residualCache = new WeakMap<StatsData, { key: string; ids: Set<number> }>();

/** Ids matching the part of the filter the columns cannot answer (text search…), cached per filter. */
function residualIds(data: StatsData, f: Filter): Set<number> | null {
  const rest = residualFilter(f);
  if (!rest) return null;
  const key = filterKey(rest);
  const hit = residualCache.get(data);
  if (hit && hit.key === key) return hit.ids;
  const ids = data.repo.matchingIds(rest);
  residualCache.set(data, { key, ids });
  return ids;
}

/** Recent selections per loaded data: one dashboard refresh asks ~11 queries of the same filter. */
const selectionCache = new WeakMap<StatsData, Map<string, Selection>>();
const SELECTIONS_KEPT = 8;

/** The value kept under `key` for `data` (most recent first), else `make()` kept among the last `keep`. */
export function keptPerData<T>(store: WeakMap<StatsData, Map<string, T>>, data: StatsData, key: string, keep: number, make: () => T): T {
  let cache = store.get(data);
  if (!cache) { cache = new Map(); store.set(data, cache); }
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const made = make();
  cache.set(key, made);
  if (cache.size > keep) cache.delete(cache.keys().next().value as string);
  return made;
}

export function select(data: StatsData, f: Filter, opts: Omit<SelectOptions, 'ids'> = {}): Selection {
  const key = `${filterKey(f)}|${opts.from ?? ''}|${opts.to ?? ''}`;
  return keptPerData(selectionCache, data, key, SELECTIONS_KEPT, () => selectRows(data, f, { ...opts, ids: residualIds(data, f) }));
}

export type Compare = 'previous' | 'yoy';

/** The comparison period of a filter with a closed time range: the one just before, or a year earlier. */
export function comparePeriod(f: Filter, compare: Compare): { from: number; to: number } | null {
  if (f.from === undefined || f.to === undefined) return null;
  if (compare === 'previous') return { from: f.from - (f.to - f.from), to: f.from };
  const shift = (ms: number) => {
    const d = dayOf(ms);
    return dayStartMs(yearAgoBucketDay(d, 'day')) + (ms - dayStartMs(d));
  };
  return { from: shift(f.from), to: shift(f.to) };
}

/** Comparisons only make sense along dimensions whose groups exist in both periods. */
export const comparable = (d: Dimension): boolean => !isTimeDim(d);

/** Days a time axis covers: the filter's range when it has one, else the selection's. */
export function axisDays(data: StatsData, f: Filter, sel: Selection): { first: number; last: number } | null {
  const own = dayRange(data, sel);
  const first = f.from !== undefined ? dayOf(f.from) : own?.first;
  const last = f.to !== undefined ? dayOf(f.to - 1) : own?.last;
  if (first === undefined || last === undefined || last < first) return null;
  return { first, last };
}
