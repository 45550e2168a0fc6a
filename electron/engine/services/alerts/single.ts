/**
 * One alert's own series: the filter that selects its records and its daily counts with the
 * baseline (expected, band) the detectors used.
 */
import type Database from 'better-sqlite3';
import type { AlertConfig } from '../../../../shared/api/areas/alerts';
import { baselineBand, evaluateSeries, type DayResult } from '../../../../shared/domain/surveillance/detect';
import { dayStartMs, holidayIndex } from '../../../../shared/domain/surveillance/holidays';
import { totalSeries } from '../../../../shared/domain/surveillance/series';
import type { Filter } from '../../../../shared/model/filter';
import { readCells } from '../../db/repos/alerts-series';
import type { AlertRow } from '../../db/repos/alerts-repo';
import { detectOptions } from './config';
import { historyDays, profileCache } from './evaluate';
import { termDailyCounts, termOfKey } from './terms';

/** The member areas of a space-time scan cluster as paths [district, street?, community?], or null. */
export function scanAreas(a: Pick<AlertRow, 'detail'>): string[][] | null {
  if (!a.detail) return null;
  try {
    const areas = (JSON.parse(a.detail) as { scan?: { areas?: unknown } }).scan?.areas;
    if (!Array.isArray(areas)) return null;
    const paths = areas.filter((x): x is string => typeof x === 'string' && x.length > 0).map((x) => x.split('/'));
    return paths.length ? paths : null;
  } catch { return null; }
}

const distinct = (paths: string[][], depth: number): string[] | undefined => {
  const names = [...new Set(paths.map((p) => p[depth]).filter((x): x is string => !!x))];
  return names.length ? names : undefined;
};

/**
 * The global filter selecting an alert's records (optionally limited to days [fromDay, toDay)). A scan
 * cluster selects all its member areas, not only its centre.
 */
export function alertFilter(a: Pick<AlertRow, 'seriesKey' | 'categoryId' | 'district' | 'street' | 'community' | 'sourceCode' | 'detail'>, fromDay?: number, toDay?: number): Filter {
  const f: Filter = {};
  const term = termOfKey(a.seriesKey);
  if (term) f.q = term;
  if (a.categoryId !== null) f.categories = [a.categoryId];
  const members = scanAreas(a);
  if (members) {
    for (const [key, depth] of [['districts', 0], ['streets', 1], ['communities', 2]] as const) {
      const names = distinct(members, depth);
      if (names) f[key] = names;
    }
  } else {
    if (a.district) f.districts = [a.district];
    if (a.street) f.streets = [a.street];
    if (a.community) f.communities = [a.community];
  }
  if (a.sourceCode) f.sources = [a.sourceCode];
  if (fromDay !== undefined) f.from = dayStartMs(fromDay);
  if (toDay !== undefined) f.to = dayStartMs(toDay);
  return f;
}

export interface SeriesPoint extends DayResult { lower: number; upper: number }

/** Evaluates an alert's series every day over [fromDay, toDay) with the project's settings. */
export function alertSeries(db: Database.Database, a: AlertRow, c: AlertConfig, fromDay: number, toDay: number): SeriesPoint[] {
  const opts = detectOptions(c);
  const hol = holidayIndex();
  const from = fromDay - historyDays(c);
  const term = termOfKey(a.seriesKey);
  const own = term !== null
    ? { firstDay: from, counts: termDailyCounts(db, {}, [term], from, toDay).get(term) ?? new Float64Array(toDay - from) }
    : totalSeries(readCells(db, alertFilter(a), from, toDay), from, toDay);
  const city = totalSeries(readCells(db, {}, from, toDay), from, toDay);
  const profile = profileCache(city, fromDay, opts.refitEvery, opts.baseline.guardDays, c, hol);
  return evaluateSeries(own, fromDay, toDay, opts, hol, profile, true).map((r) => ({ ...r, ...baselineBand(r, opts) }));
}
