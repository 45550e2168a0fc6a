/**
 * Builds monitored daily series from the finest cells (leaf category × community × source × day):
 * each series is a category at level 0–3 (0 = all categories) × an area at a level (city, district,
 * street, community) × optionally one hotline source.
 */
import type { DailySeries } from './regression';

export type AreaLevel = 'city' | 'district' | 'street' | 'community';
export const AREA_LEVELS: readonly AreaLevel[] = ['city', 'district', 'street', 'community'];

export interface SeriesLevel {
  category: 0 | 1 | 2 | 3;
  area: AreaLevel;
  bySource?: boolean;
}

/**
 * Default monitored levels: leaf categories by street catch a burst in one or a few communities;
 * level-2 categories by district and level-1 categories city-wide catch broader rises.
 */
export const DEFAULT_LEVELS: readonly SeriesLevel[] = [
  { category: 3, area: 'street' },
  { category: 3, area: 'district' },
  { category: 2, area: 'district' },
  { category: 1, area: 'city' },
];

/** One aggregated cell: categories as [cat1, cat2, cat3] ids (null when unknown). */
export interface Cell {
  cats: readonly [number | null, number | null, number | null];
  district: string | null;
  street: string | null;
  community: string | null;
  source: string;
  day: number;
  count: number;
}

export interface SeriesId {
  level: SeriesLevel;
  categoryId: number | null;
  /** [district, street, community] prefix of the area (empty for the city). */
  area: string[];
  source: string | null;
}

export interface BuiltSeries extends SeriesId, DailySeries {
  key: string;
  total: number;
  counts: Float64Array;
}

const AREA_DEPTH: Record<AreaLevel, number> = { city: 0, district: 1, street: 2, community: 3 };

export function areaDepth(level: AreaLevel): number {
  return AREA_DEPTH[level];
}

export function seriesKey(id: SeriesId): string {
  return `c${id.level.category}:${id.categoryId ?? '*'}|${id.level.area}:${id.area.join('/')}|s:${id.source ?? '*'}`;
}

/** Aggregates cells into series for every level over days [fromDay, toDay). */
export function buildSeries(cells: Iterable<Cell>, levels: readonly SeriesLevel[], fromDay: number, toDay: number): Map<string, BuiltSeries> {
  const out = new Map<string, BuiltSeries>();
  const len = toDay - fromDay;
  for (const c of cells) {
    if (c.day < fromDay || c.day >= toDay) continue;
    const areaFull = [c.district, c.street, c.community];
    for (const level of levels) {
      const categoryId = level.category === 0 ? null : c.cats[level.category - 1];
      if (level.category !== 0 && categoryId === null) continue;
      const depth = AREA_DEPTH[level.area];
      const area = areaFull.slice(0, depth);
      if (area.some((a) => !a)) continue;
      const id: SeriesId = { level, categoryId, area: area as string[], source: level.bySource ? c.source : null };
      const key = seriesKey(id);
      let s = out.get(key);
      if (!s) {
        s = { ...id, key, firstDay: fromDay, counts: new Float64Array(len), total: 0 };
        out.set(key, s);
      }
      s.counts[c.day - fromDay] += c.count;
      s.total += c.count;
    }
  }
  return out;
}

/** Sum of all cells per day (the reference series whose weekday/holiday profile sparse series borrow). */
export function totalSeries(cells: Iterable<Cell>, fromDay: number, toDay: number): DailySeries {
  const counts = new Float64Array(toDay - fromDay);
  for (const c of cells) if (c.day >= fromDay && c.day < toDay) counts[c.day - fromDay] += c.count;
  return { firstDay: fromDay, counts };
}
