/**
 * EARS C1, C2 and C3 (Hutwagner et al. 2003) with the semantics of `earsC()` in the R package
 * `surveillance` (Salmon, Schumacher & Höhle 2016):
 *
 * - C1: reference values y[t−b … t−1] (b = baseline, default 7); upperbound = mean + zα·max(sd, minSigma).
 * - C2: reference values y[t−b−2 … t−3] (two guard days); same upperbound.
 * - C3: C2 statistics C2ᵢ = (yᵢ − meanᵢ)/max(sdᵢ, minSigma) at t−2 and t−1 enter as
 *   Lᵢ = max(0, C2ᵢ − 1). Variant `surveillance` reproduces the package's code exactly:
 *   upperbound = y_t + max(sd_t, minSigma)·(zα − L_{t−2} − L_{t−1}), floored at 0 (so the alarm
 *   depends only on the two lagged days). Variant `hutwagner` is the published definition:
 *   alarm when Σ_{i=t−2..t} max(0, C2ᵢ − 1) > zα; its upperbound is the y_t at which the sum reaches zα.
 *
 * zα = Φ⁻¹(1 − α); α defaults to 0.001 for C1/C2 and 0.025 for C3, as in the package when alpha is
 * not given. sd is the sample standard deviation (n − 1). With minSigma 0 a flat reference window
 * makes C1/C2's upperbound its mean, and C3's lagged statistics undefined (R: NA), reported here as
 * upperbound NaN and no alarm. Use minSigma > 0 on sparse series.
 */
import { mean, normalQuantile, sd } from './math';

export type EarsMethod = 'C1' | 'C2' | 'C3';

export interface EarsOptions {
  method: EarsMethod;
  baseline?: number;
  minSigma?: number;
  alpha?: number;
  c3Variant?: 'surveillance' | 'hutwagner';
}

export interface EarsPoint {
  /** Index into the observed series. */
  t: number;
  observed: number;
  upperbound: number;
  alarm: boolean;
  /** The method's statistic: C1/C2 z-score, C3 sum (hutwagner) or lagged sum (surveillance). */
  statistic: number;
}

/** First index (0-based) the method can evaluate: R's default range start minus one. */
export function earsFirstIndex(method: EarsMethod, baseline = 7): number {
  return baseline + (method === 'C1' ? 0 : 2) + (method === 'C3' ? 2 : 0);
}

function refWindow(y: ArrayLike<number>, t: number, lagStart: number, baseline: number): number[] {
  const out: number[] = [];
  for (let k = t - lagStart - baseline + 1; k <= t - lagStart; k++) out.push(y[k]);
  return out;
}

/** Runs one EARS method over `range` (default: every index it can evaluate). */
export function earsC(y: ArrayLike<number>, opts: EarsOptions, range?: readonly number[]): EarsPoint[] {
  const baseline = opts.baseline ?? 7;
  const minSigma = opts.minSigma ?? 0;
  if (minSigma < 0) throw new Error('minSigma must be ≥ 0');
  const alpha = opts.alpha ?? (opts.method === 'C3' ? 0.025 : 0.001);
  const z = normalQuantile(1 - alpha);
  const first = earsFirstIndex(opts.method, baseline);
  const ts = range ?? Array.from({ length: Math.max(0, y.length - first) }, (_, i) => first + i);
  const lagStart = opts.method === 'C1' ? 1 : 3;
  const stats = (t: number) => {
    const ref = refWindow(y, t, lagStart, baseline);
    const m = mean(ref);
    const s = Math.max(sd(ref), minSigma);
    return { m, s, c: (y[t] - m) / s };
  };
  return ts.map((t) => {
    if (t < first || t >= y.length) throw new Error(`index ${t} outside the evaluable range ${first}..${y.length - 1}`);
    const cur = stats(t);
    if (opts.method !== 'C3') {
      const ub = cur.m + z * cur.s;
      return { t, observed: y[t], upperbound: ub, alarm: y[t] > ub, statistic: cur.c };
    }
    const l2 = Math.max(0, stats(t - 2).c - 1);
    const l1 = Math.max(0, stats(t - 1).c - 1);
    const lag = l2 + l1;
    if (opts.c3Variant === 'hutwagner') {
      const sum = lag + Math.max(0, cur.c - 1);
      const ub = Math.max(0, cur.m + cur.s * (z - lag + 1));
      return { t, observed: y[t], upperbound: ub, alarm: sum > z, statistic: sum };
    }
    const ub = Math.max(0, y[t] + cur.s * (z - lag));
    return { t, observed: y[t], upperbound: ub, alarm: y[t] > ub, statistic: lag };
  });
}
