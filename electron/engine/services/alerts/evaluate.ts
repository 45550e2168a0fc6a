/**
 * Runs the temporal detectors over every monitored series of the project (under a filter) for the
 * days [evalFrom, evalTo): reads the cells once, builds the series of each configured level, borrows
 * the weekday/holiday profile of the city total for sparse series, and collects signals.
 */
import type Database from 'better-sqlite3';
import type { AlertConfig } from '../../../../shared/api/areas/alerts';
import { evaluateSeries, signalsOf, type Signal } from '../../../../shared/domain/surveillance/detect';
import { holidayIndex, type HolidayIndex } from '../../../../shared/domain/surveillance/holidays';
import { profileFrom, type DayProfile } from '../../../../shared/domain/surveillance/regression';
import { buildSeries, totalSeries, type BuiltSeries, type SeriesLevel } from '../../../../shared/domain/surveillance/series';
import type { Filter } from '../../../../shared/model/filter';
import { readCells } from '../../db/repos/alerts-series';
import { detectOptions } from './config';

export interface SeriesSignal extends Signal {
  series: BuiltSeries;
}

export interface Evaluation {
  signals: SeriesSignal[];
  series: number;
  seriesWeeks: number;
  byDetector: Record<string, number>;
}

/** Days of history needed before the first assessed day. */
export function historyDays(c: AlertConfig): number {
  return c.trainingDays + 3 + 14;
}

export function profileCache(total: BuiltSeries | { firstDay: number; counts: ArrayLike<number> }, evalFrom: number, refitEvery: number, guard: number, c: AlertConfig, hol: HolidayIndex): DayProfile {
  const opts = detectOptions(c).baseline;
  const cache = new Map<number, DayProfile>();
  return (day) => {
    const block = evalFrom + Math.floor((day - evalFrom) / refitEvery) * refitEvery;
    let p = cache.get(block);
    if (!p) { p = profileFrom(total, block - guard, opts, hol); cache.set(block, p); }
    return p(day);
  };
}

export function evaluateProject(db: Database.Database, filter: Filter, c: AlertConfig, evalFrom: number, evalTo: number, onProgress?: (done: number, total: number) => void): Evaluation {
  const opts = detectOptions(c);
  const hol = holidayIndex();
  const from = evalFrom - historyDays(c);
  const cells = readCells(db, filter, from, evalTo);
  const total = totalSeries(cells, from, evalTo);
  const series = buildSeries(cells, c.levels as SeriesLevel[], from, evalTo);
  const profile = profileCache(total, evalFrom, opts.refitEvery, opts.baseline.guardDays, c, hol);
  const signals: SeriesSignal[] = [];
  const byDetector: Record<string, number> = {};
  let seriesWeeks = 0;
  let done = 0;
  for (const s of series.values()) {
    if (++done % 500 === 0) onProgress?.(done, series.size);
    seriesWeeks += (evalTo - evalFrom) / 7;
    const results = evaluateSeries(s, evalFrom, evalTo, opts, hol, profile);
    for (const sig of signalsOf(results)) {
      signals.push({ ...sig, series: s });
      for (const d of sig.detectors) byDetector[d] = (byDetector[d] ?? 0) + 1;
    }
  }
  return { signals, series: series.size, seriesWeeks, byDetector };
}
