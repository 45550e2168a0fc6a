import { create } from 'zustand';
import type { Filter } from '../../../shared/model/filter';

/** Keys of the filter that hold lists of selected values. */
export type ListKey = 'sources' | 'categories' | 'districts' | 'streets' | 'communities' | 'departments' | 'statuses' | 'requestTypes' | 'channels';

export interface FiltersState {
  /** The one global filter every view reads. Always normalised (no empty lists or strings). */
  filter: Filter;
  setTimeRange(from: number | undefined, to: number | undefined): void;
  setList<K extends ListKey>(key: K, values: NonNullable<Filter[K]>): void;
  setQuery(q: string): void;
  /** Restricts every view to a drawn area (undefined clears it). */
  setArea(area: Filter['area']): void;
  reset(): void;
}

/** Drops empty lists / strings / undefined so that equal filters compare and serialise equally. */
export function normalizeFilter(f: Filter): Filter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') {
      const s = v.trim();
      if (s) out[k] = s.slice(0, 200);
      continue;
    }
    if (Array.isArray(v)) {
      if (v.length) out[k] = [...new Set<unknown>(v)];
      continue;
    }
    out[k] = v;
  }
  if (typeof out.from === 'number' && typeof out.to === 'number' && out.from > out.to) {
    [out.from, out.to] = [out.to, out.from];
  }
  return out as Filter;
}

/** True when the filter selects everything. */
export function isEmptyFilter(f: Filter): boolean {
  return Object.keys(normalizeFilter(f)).length === 0;
}

/** A stable string key for a filter (for effect dependencies and caches). */
export function filterKey(f: Filter): string {
  const n = normalizeFilter(f);
  return JSON.stringify(Object.keys(n).sort().map((k) => [k, n[k as keyof Filter]]));
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Epoch ms of 00:00 Asia/Shanghai on the calendar day `YYYY-MM-DD`. */
export function shanghaiDayStart(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number);
  return Date.UTC(y, m - 1, d) - SHANGHAI_OFFSET_MS;
}

/** Filter bounds for an inclusive range of Shanghai calendar days (`to` is exclusive: next midnight). */
export function dayRangeToFilter(fromDay: string | null, toDay: string | null): { from?: number; to?: number } {
  return {
    from: fromDay ? shanghaiDayStart(fromDay) : undefined,
    to: toDay ? shanghaiDayStart(toDay) + DAY_MS : undefined,
  };
}

/** Inverse of dayRangeToFilter: the Shanghai calendar days (`YYYY-MM-DD`) a filter covers. */
export function filterToDayRange(f: Filter): [string | null, string | null] {
  const day = (ms: number) => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  return [f.from !== undefined ? day(f.from) : null, f.to !== undefined ? day(f.to - 1) : null];
}

export const useFilters = create<FiltersState>()((set) => ({
  filter: {},
  setTimeRange: (from, to) => set((s) => ({ filter: normalizeFilter({ ...s.filter, from, to }) })),
  setList: (key, values) => set((s) => ({ filter: normalizeFilter({ ...s.filter, [key]: values }) })),
  setQuery: (q) => set((s) => ({ filter: normalizeFilter({ ...s.filter, q }) })),
  setArea: (area) => set((s) => ({ filter: normalizeFilter({ ...s.filter, area }) })),
  reset: () => set({ filter: {} }),
}));

/** The current global filter (stable object identity until it changes). */
export function useFilter(): Filter {
  return useFilters((s) => s.filter);
}
