import type { Dimension } from '../../../../shared/domain/stats/dims';
import { OTHER_KEY } from '../../../../shared/domain/stats/pivot';
import { dayStartMs, nextBucketDay, type Granularity } from '../../../../shared/domain/stats/time';
import { FilterSchema, type Filter } from '../../../../shared/model/filter';
import { useFilters } from '../../state/filters';

/** The global-filter list each dimension narrows (dimensions without one cannot be clicked through). */
const LIST_OF: Partial<Record<Dimension, string>> = {
  source: 'sources', district: 'districts', department: 'departments', status: 'statuses',
  street: 'streets', community: 'communities', channel: 'channels', requestType: 'requestTypes',
};
const TIME_DIMS = new Set<Dimension>(['day', 'week', 'month', 'quarter', 'year']);

/** Filter keys this build's filter schema knows (streets, channels… arrive with the filter extension). */
const supportsKey = (key: string): boolean => key in FilterSchema.shape;

/** True when clicking a group of `dim` can set the global filter. */
export function canLink(dim: Dimension): boolean {
  if (TIME_DIMS.has(dim) || dim.startsWith('category')) return true;
  const key = LIST_OF[dim];
  return key !== undefined && supportsKey(key);
}

/**
 * Linked filtering: a click on a group sets the global filter to it (every view follows). Time
 * buckets set the time range; `startDay` is the bucket's first local day.
 */
export function drillTo(dim: Dimension, key: string, startDay?: number): boolean {
  if (key === OTHER_KEY) return false;
  const s = useFilters.getState();
  if (TIME_DIMS.has(dim) && startDay !== undefined) {
    s.setTimeRange(dayStartMs(startDay), dayStartMs(nextBucketDay(startDay, dim as Granularity)));
    return true;
  }
  if (dim.startsWith('category')) {
    if (!key) return false;
    s.setList('categories', [Number(key)]);
    return true;
  }
  const list = LIST_OF[dim];
  if (!list || !key || !supportsKey(list)) return false;
  s.setList(list as never, [key] as never);
  return true;
}

export type { Filter };
