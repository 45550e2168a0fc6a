/**
 * The count-regression baseline of a daily series:
 *   log μ_d = β0 + β1·trend + Σ γ_w·[weekday(d) = w] + δ_h·holiday(d) + δ_m·makeup(d)
 * with Poisson or negative-binomial errors, fitted on a trailing training window that ends
 * `guardDays` before the day assessed (so a starting outbreak does not inflate its own baseline).
 *
 * Sparse series (training mean below `denseMean` per day) cannot carry their own weekday and holiday
 * effects; they borrow them from a dense reference series (e.g. the city total) as an offset
 * ("profile") and fit only β0 (and β1 when the window holds at least `trendMinTotal` counts).
 */
import { fitGlm, predictGlm } from './glm';
import type { HolidayIndex } from './holidays';
import { weekdayOf } from './holidays';

export interface BaselineOptions {
  trainingDays: number;
  guardDays: number;
  family: 'poisson' | 'negbin';
  trend: boolean;
  dayOfWeek: boolean;
  holidays: boolean;
  /** Series with a training mean below this (per day) use the borrowed profile. */
  denseMean: number;
  /** Minimum counts in the window for a trend term on sparse series. */
  trendMinTotal: number;
  /** Lower bound of the expected daily count, as counts per training window (0.5 = half a count). */
  floorPerWindow: number;
}

export const DEFAULT_BASELINE: BaselineOptions = {
  trainingDays: 84, guardDays: 3, family: 'negbin', trend: true, dayOfWeek: true, holidays: true,
  denseMean: 3, trendMinTotal: 30, floorPerWindow: 0.5,
};

/** A daily series: counts[i] belongs to local day number firstDay + i. */
export interface DailySeries {
  firstDay: number;
  counts: ArrayLike<number>;
}

export interface BaselineModel {
  kind: 'full' | 'profile' | 'flat';
  coef: number[];
  alpha: number;
  /** Training window [fromDay, toDay) actually used. */
  fromDay: number;
  toDay: number;
  /** Expected count on a day. */
  expected(day: number): number;
}

/** The covariates of one day; the reference day t0 centres the trend (in years). */
export function designRow(day: number, t0: number, o: Pick<BaselineOptions, 'trend' | 'dayOfWeek' | 'holidays'>, hol: HolidayIndex): number[] {
  const row = [1];
  if (o.trend) row.push((day - t0) / 365);
  if (o.dayOfWeek) {
    const w = weekdayOf(day);
    for (let k = 1; k <= 6; k++) row.push(w === k ? 1 : 0);
  }
  if (o.holidays) {
    const t = hol.typeOf(day);
    row.push(t === 'holiday' ? 1 : 0, t === 'makeup' ? 1 : 0);
  }
  return row;
}

/** Relative day effect (weekday × holiday) borrowed by sparse series; mean 1 over a typical week. */
export type DayProfile = (day: number) => number;

/** Fits the full model to a dense series and returns its weekday/holiday profile. */
export function profileFrom(series: DailySeries, toDay: number, opts: BaselineOptions, hol: HolidayIndex): DayProfile {
  const m = fitBaseline(series, toDay, { ...opts, denseMean: 0 }, hol, null);
  if (m.kind !== 'full') return () => 1;
  const t0 = m.toDay;
  const coefNoTrend = opts.trend ? [0, ...m.coef.slice(2)] : [0, ...m.coef.slice(1)];
  const noTrend = { ...opts, trend: false };
  let week = 0;
  for (let d = t0; d < t0 + 7; d++) week += predictGlm(coefNoTrend, designRow(d, t0, noTrend, hol));
  const norm = week / 7 || 1;
  return (day) => predictGlm(coefNoTrend, designRow(day, t0, noTrend, hol)) / norm;
}

/** Fits the baseline on [toDay − trainingDays, toDay) of `series` (days outside the series count 0). */
export function fitBaseline(series: DailySeries, toDay: number, opts: BaselineOptions, hol: HolidayIndex, profile: DayProfile | null): BaselineModel {
  const fromDay = Math.max(series.firstDay, toDay - opts.trainingDays);
  const n = toDay - fromDay;
  const floor = opts.floorPerWindow / Math.max(1, opts.trainingDays);
  const flat = (rate: number): BaselineModel => ({ kind: 'flat', coef: [Math.log(rate)], alpha: 0, fromDay, toDay, expected: () => rate });
  if (n <= 0) return flat(floor);
  const y = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const k = fromDay + i - series.firstDay;
    y[i] = k >= 0 && k < series.counts.length ? series.counts[k] : 0;
    total += y[i];
  }
  const meanRate = total / n;
  if (total === 0) return flat(floor);
  const t0 = toDay;
  if (meanRate >= opts.denseMean && n >= 28) {
    const x = Array.from({ length: n }, (_, i) => designRow(fromDay + i, t0, opts, hol));
    const fit = fitGlm(x, y, null, { family: opts.family });
    return {
      kind: 'full', coef: fit.coef, alpha: fit.alpha, fromDay, toDay,
      expected: (day) => Math.max(floor, predictGlm(fit.coef, designRow(day, t0, opts, hol))),
    };
  }
  const prof = profile ?? (() => 1);
  const useTrend = opts.trend && total >= opts.trendMinTotal && n >= 28;
  const off = new Float64Array(n);
  for (let i = 0; i < n; i++) off[i] = Math.log(Math.max(1e-6, prof(fromDay + i)));
  const row = (day: number) => (useTrend ? [1, (day - t0) / 365] : [1]);
  const fit = fitGlm(Array.from({ length: n }, (_, i) => row(fromDay + i)), y, off, { family: opts.family });
  return {
    kind: 'profile', coef: fit.coef, alpha: fit.alpha, fromDay, toDay,
    expected: (day) => Math.max(floor, predictGlm(fit.coef, row(day), Math.log(Math.max(1e-6, prof(day))))),
  };
}
