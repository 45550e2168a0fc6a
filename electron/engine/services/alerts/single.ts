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

/** The global filter selecting an alert's records (optionally limited to days [fromDay, toDay)). */
export function alertFilter(a: Pick<AlertRow, 'seriesKey' | 'categoryId' | 'district' | 'street' | 'community' | 'sourceCode'>, fromDay?: number, toDay?: number): Filter {
  const f: Filter = {};
  const term = termOfKey(a.seriesKey);
  if (term) f.q = term;
  if (a.categoryId !== null) f.categories = [a.categoryId];
  if (a.district) f.districts = [a.district];
  if (a.street) f.streets = [a.street];
  if (a.community) f.communities = [a.community];
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
