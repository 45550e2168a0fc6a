/**
 * Emerging terms feed the temporal detectors: the text module's emerging terms (rising fastest in the
 * last 4 weeks against the 12 before, as of the end of the assessed days) each become a daily series —
 * the records containing the word — evaluated by the same detectors, baseline and thresholds as the
 * category × area series. Their signals are alerts with series key `term:<word>`.
 */
import type Database from 'better-sqlite3';
import type { AlertConfig } from '../../../../shared/api/areas/alerts';
import { evaluateSeries, signalsOf, type Signal } from '../../../../shared/domain/surveillance/detect';
import { dayStartMs, holidayIndex } from '../../../../shared/domain/surveillance/holidays';
import { totalSeries } from '../../../../shared/domain/surveillance/series';
import type { Filter } from '../../../../shared/model/filter';
import { readCells } from '../../db/repos/alerts-series';
import { emerging } from '../text/analyses';
import { scan, select, termIndex } from '../text/term-index';
import { detectOptions } from './config';
import { historyDays, profileCache } from './evaluate';

export const TERM_KEY = 'term:';
export const termOfKey = (seriesKey: string): string | null => (seriesKey.startsWith(TERM_KEY) ? seriesKey.slice(TERM_KEY.length) : null);

export interface TermSignal extends Signal { term: string }

/** Daily counts of records containing each term, days [fromDay, toDay), under the filter. */
export function termDailyCounts(db: Database.Database, filter: Filter, terms: readonly string[], fromDay: number, toDay: number): Map<string, Float64Array> {
  const idx = termIndex(db);
  const slot = new Int32Array(idx.terms.length).fill(-1);
  const ids = new Map(idx.terms.map((t, i) => [t, i]));
  const watched = terms.filter((t) => ids.has(t));
  watched.forEach((t, k) => { slot[ids.get(t)!] = k; });
  const out = watched.map(() => new Float64Array(toDay - fromDay));
  const seen = new Int32Array(watched.length).fill(-1);
  let rec = 0;
  scan(idx, select(db, filter), (ts, time) => {
    const day = Math.floor((time + 28_800_000) / 86_400_000);
    rec++;
    if (day < fromDay || day >= toDay) return;
    for (let k = 0; k < ts.length; k++) {
      const s = ts[k] < slot.length ? slot[ts[k]] : -1;
      if (s < 0 || seen[s] === rec) continue;
      seen[s] = rec;
      out[s][day - fromDay]++;
    }
  });
  return new Map(watched.map((t, k) => [t, out[k]]));
}

/** Signals of the emerging-term series over [evalFrom, evalTo) with the project's detector settings. */
export function evaluateTerms(db: Database.Database, filter: Filter, c: AlertConfig, evalFrom: number, evalTo: number): { signals: TermSignal[]; series: number } {
  if (c.terms <= 0) return { signals: [], series: 0 };
  const top = emerging(db, { ...filter, to: dayStartMs(evalTo) }, 'week', 4, 12, c.terms).terms.map((t) => t.term);
  if (!top.length) return { signals: [], series: 0 };
  const opts = detectOptions(c);
  const hol = holidayIndex();
  const from = evalFrom - historyDays(c);
  const city = totalSeries(readCells(db, filter, from, evalTo), from, evalTo);
  const profile = profileCache(city, evalFrom, opts.refitEvery, opts.baseline.guardDays, c, hol);
  const counts = termDailyCounts(db, filter, top, from, evalTo);
  const signals: TermSignal[] = [];
  for (const [term, series] of counts) {
    const results = evaluateSeries({ firstDay: from, counts: series }, evalFrom, evalTo, opts, hol, profile);
    for (const s of signalsOf(results)) signals.push({ ...s, term });
  }
  return { signals, series: counts.size };
}
