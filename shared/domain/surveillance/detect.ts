/**
 * Runs the temporal detectors over one daily series and turns alarm days into signals.
 *
 * - regression: the count-regression baseline (regression.ts) refitted every `refitEvery` days;
 *   a day alarms when the negative-binomial upper-tail p-value of the day, or of the last
 *   `windowDays` days summed, is below `pAlarm` (Bonferroni over the two), with at least `minCount`
 *   requests and `minRatio` × the expected count in that window.
 * - cusum: upper CUSUM of the regression's standardised residuals (cusum.ts).
 * - ears-c1/c2/c3: EARS (ears.ts) on series whose baseline mean reaches `earsMinMean`.
 * CUSUM and EARS need a dense series (their normal approximations fail on mostly-zero counts):
 * they run only where the expected count is at least `denseMinMean` per day.
 */
import { DEFAULT_CUSUM, standardisedResidual, type CusumOptions } from './cusum';
import { earsC, earsFirstIndex, type EarsMethod } from './ears';
import type { HolidayIndex } from './holidays';
import { negBinSf, normalQuantile } from './math';
import { DEFAULT_BASELINE, fitBaseline, type BaselineModel, type BaselineOptions, type DailySeries, type DayProfile } from './regression';

export type DetectorName = 'regression' | 'cusum' | 'ears-c1' | 'ears-c2' | 'ears-c3';
export const DETECTORS: readonly DetectorName[] = ['regression', 'cusum', 'ears-c1', 'ears-c2', 'ears-c3'];

export interface DetectOptions {
  baseline: BaselineOptions;
  refitEvery: number;
  pAlarm: number;
  minCount: number;
  minRatio: number;
  windowDays: number;
  /** Tail probability of the baseline band's upper edge (0.01 → 99% band). */
  bandTail: number;
  detectors: readonly DetectorName[];
  denseMinMean: number;
  cusum: CusumOptions;
  earsMinSigma: number;
}

export const DEFAULT_DETECT: DetectOptions = {
  baseline: DEFAULT_BASELINE, refitEvery: 7, pAlarm: 1e-5, minCount: 4, minRatio: 2.5, windowDays: 3, bandTail: 0.01,
  detectors: DETECTORS, denseMinMean: 2, cusum: DEFAULT_CUSUM, earsMinSigma: 1,
};

export interface DayResult {
  day: number;
  observed: number;
  expected: number;
  alpha: number;
  /** Smallest p-value of the regression tests (1 when not computed because counts were too low). */
  p: number;
  /** Observed and expected in the window that gave p. */
  windowObserved: number;
  windowExpected: number;
  alarms: DetectorName[];
}

const countAt = (s: DailySeries, day: number): number => {
  const k = day - s.firstDay;
  return k >= 0 && k < s.counts.length ? s.counts[k] : 0;
};

/** NB dispersion of a sum of independent NB2 counts with a common α: α·Σμ²/(Σμ)². */
function sumAlpha(alpha: number, mus: readonly number[]): number {
  const s = mus.reduce((a, b) => a + b, 0);
  return s > 0 ? (alpha * mus.reduce((a, b) => a + b * b, 0)) / (s * s) : alpha;
}

function earsAlarmDays(series: DailySeries, fromDay: number, toDay: number, opts: DetectOptions): Map<number, DetectorName[]> {
  const out = new Map<number, DetectorName[]>();
  const counts = Array.from(series.counts);
  for (const m of ['C1', 'C2', 'C3'] as EarsMethod[]) {
    const name = `ears-${m.toLowerCase()}` as DetectorName;
    if (!opts.detectors.includes(name)) continue;
    const first = series.firstDay + earsFirstIndex(m);
    const range: number[] = [];
    for (let d = Math.max(fromDay, first); d < Math.min(toDay, series.firstDay + counts.length); d++) range.push(d - series.firstDay);
    for (const pt of earsC(counts, { method: m, minSigma: opts.earsMinSigma, c3Variant: 'hutwagner' }, range)) {
      if (!pt.alarm || pt.observed < opts.minCount) continue;
      const day = series.firstDay + pt.t;
      out.set(day, [...(out.get(day) ?? []), name]);
    }
  }
  return out;
}

/** True when the series is dense enough for CUSUM and EARS (mean per day ≥ denseMinMean / 2). */
export function isDense(series: DailySeries, opts: Pick<DetectOptions, 'denseMinMean'>): boolean {
  let t = 0;
  for (let i = 0; i < series.counts.length; i++) t += series.counts[i];
  return t / Math.max(1, series.counts.length) >= opts.denseMinMean / 2;
}

/**
 * Evaluates days [fromDay, toDay) of a series. Sparse series are only evaluated on days whose
 * count or window count reaches `minCount` (no other day can alarm) unless `everyDay` is set;
 * dense series are evaluated every day (CUSUM carries state from day to day).
 */
export function evaluateSeries(series: DailySeries, fromDay: number, toDay: number, opts: DetectOptions, hol: HolidayIndex, profile: DayProfile | null, everyDay = false): DayResult[] {
  const out: DayResult[] = [];
  const w = opts.windowDays;
  const dense = isDense(series, opts);
  const models = new Map<number, BaselineModel>();
  const modelFor = (day: number): BaselineModel => {
    const block = fromDay + Math.floor((day - fromDay) / opts.refitEvery) * opts.refitEvery;
    let m = models.get(block);
    if (!m) { m = fitBaseline(series, block - opts.baseline.guardDays, opts.baseline, hol, profile); models.set(block, m); }
    return m;
  };
  let cus = 0;
  const on = new Set(opts.detectors);
  const earsAlarms = dense ? earsAlarmDays(series, fromDay, toDay, opts) : new Map<number, DetectorName[]>();
  const testable = (o: number, e: number) => o >= opts.minCount && o >= opts.minRatio * e;
  for (let day = fromDay; day < toDay; day++) {
    const y = countAt(series, day);
    let obsW = 0;
    for (let k = 0; k < w; k++) obsW += countAt(series, day - k);
    if (!dense && !everyDay && y < opts.minCount && obsW < opts.minCount) continue;
    const model = modelFor(day);
    const mus: number[] = [];
    for (let k = w - 1; k >= 0; k--) mus.push(model.expected(day - k));
    const mu = mus[mus.length - 1];
    const muW = mus.reduce((a, b) => a + b, 0);
    let p = 1;
    let wo = y;
    let we = mu;
    const alarms: DetectorName[] = [];
    if (on.has('regression') && (testable(y, mu) || testable(obsW, muW))) {
      const p1 = testable(y, mu) ? negBinSf(y, mu, model.alpha) : 1;
      const pw = testable(obsW, muW) ? negBinSf(obsW, muW, sumAlpha(model.alpha, mus)) : 1;
      p = Math.min(1, 2 * Math.min(p1, pw));
      if (pw < p1) { wo = obsW; we = muW; }
      if (p < opts.pAlarm) alarms.push('regression');
    }
    const denseDay = dense && mu >= opts.denseMinMean;
    if (on.has('cusum')) {
      cus = denseDay ? Math.max(0, cus + Math.min(standardisedResidual(y, mu, model.alpha), opts.cusum.cap) - opts.cusum.k) : 0;
      if (cus > opts.cusum.h && y >= opts.minCount) { alarms.push('cusum'); cus = 0; }
    }
    if (denseDay) alarms.push(...(earsAlarms.get(day) ?? []));
    out.push({ day, observed: y, expected: mu, alpha: model.alpha, p, windowObserved: wo, windowExpected: we, alarms });
  }
  return out;
}

/**
 * The baseline band drawn with a series: expected ± z·sd of the day's negative-binomial count,
 * sd = √(μ + αμ²), z the normal quantile at 1 − bandTail (2.326 for the default 99% band), lower
 * edge clipped at 0. A smooth envelope for reading the chart; the alarm decisions use the exact
 * NB tail probabilities (see evaluateSeries), not this band.
 */
export function baselineBand(r: Pick<DayResult, 'expected' | 'alpha'>, opts: Pick<DetectOptions, 'bandTail'> = DEFAULT_DETECT): { lower: number; upper: number } {
  const z = normalQuantile(1 - opts.bandTail);
  const sdv = Math.sqrt(Math.max(0, r.expected + r.alpha * r.expected * r.expected));
  return { lower: Math.max(0, r.expected - z * sdv), upper: r.expected + z * sdv };
}

export interface Signal {
  /** First and last alarm day (local day numbers). */
  firstDay: number;
  lastDay: number;
  detectors: DetectorName[];
  /** Observed / expected in the window of the first alarm. */
  observed: number;
  expected: number;
  /** Smallest regression p-value while the signal lasted. */
  pValue: number;
  /** Alarm days. */
  days: number;
}

/** Alarm days closer than `gapDays` belong to one signal. */
export function signalsOf(results: readonly DayResult[], gapDays = 7): Signal[] {
  const out: Signal[] = [];
  let cur: Signal | null = null;
  for (const r of results) {
    if (!r.alarms.length) continue;
    if (cur && r.day - cur.lastDay <= gapDays) {
      cur.lastDay = r.day;
      cur.days++;
      cur.pValue = Math.min(cur.pValue, r.p);
      for (const d of r.alarms) if (!cur.detectors.includes(d)) cur.detectors.push(d);
      continue;
    }
    cur = { firstDay: r.day, lastDay: r.day, detectors: [...r.alarms], observed: r.windowObserved, expected: r.windowExpected, pValue: r.p, days: 1 };
    out.push(cur);
  }
  return out;
}
