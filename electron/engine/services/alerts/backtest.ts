/**
 * Backtest: runs the detectors over the whole history (from the first day with a full training
 * window) and scores their signals against the known events — the demo's injected bursts in
 * `demo_events`. Prints per event the delay from its start to the first signal, and the false-alarm
 * rate per 100 series-weeks (series = every monitored series with at least one request).
 */
import type Database from 'better-sqlite3';
import type { BacktestResult } from '../../../../shared/api/areas/alerts';
import { scoreBacktest, type KnownEvent } from '../../../../shared/domain/surveillance/backtest';
import { localDayOf } from '../../../../shared/domain/surveillance/holidays';
import { categoryTree, dayRange, demoEvents } from '../../db/repos/alerts-series';
import { SqliteAlertsRepository } from '../../db/repos/alerts-repo';
import { readConfig } from './config';
import { categoryPath } from './detect-run';
import { evaluateProject } from './evaluate';

export function runBacktest(db: Database.Database, now: number, onProgress?: (done: number, total: number) => void): BacktestResult {
  const t0 = Date.now();
  const repo = new SqliteAlertsRepository(db);
  const c = readConfig(repo);
  const range = dayRange(db, {});
  const tree = categoryTree(db);
  const events: KnownEvent[] = demoEvents(db).map((e) => ({
    id: e.id, categories: categoryPath(tree, e.cat3Id).map((n) => n.id), area: [e.district, e.street, e.community],
    startDay: localDayOf(e.startAt), endDay: localDayOf(e.endAt), label: e.description,
  }));
  if (!range) return { events: [], signals: 0, truePositives: 0, falseAlarms: 0, seriesWeeks: 0, falseAlarmsPer100SeriesWeeks: 0, maxDelayDays: null, series: 0, seconds: 0, byDetector: {} };
  const from = range.first + c.trainingDays + 3;
  const ev = evaluateProject(db, {}, c, from, range.last + 1, onProgress);
  const score = scoreBacktest(ev.signals.map((s) => ({ categoryId: s.series.categoryId, area: s.series.area, firstDay: s.firstDay })), events, ev.seriesWeeks);
  const result: BacktestResult = { ...score, series: ev.series, seconds: (Date.now() - t0) / 1000, byDetector: ev.byDetector };
  repo.saveRun('backtest', now, Date.now(), { from, to: range.last + 1, config: c }, result);
  return result;
}
