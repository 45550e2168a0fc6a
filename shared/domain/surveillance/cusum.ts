/**
 * One-sided upper CUSUM (Page 1954) on standardised residuals z_t = (y_t − μ_t)/√(μ_t + αμ_t²):
 *   S_t = max(0, S_{t−1} + z_t − k), alarm when S_t > h, after which S restarts at 0 (as the
 *   `surveillance` package's `cusum()` with reset). Defaults k = 0.5 (tuned to a one-sd shift) and
 *   h = 5 (in-control average run length in the hundreds of days for roughly normal residuals).
 */

export interface CusumOptions {
  k: number;
  h: number;
  /** Residuals are capped at this value so one odd day cannot alarm alone (default 4). */
  cap: number;
}

export const DEFAULT_CUSUM: CusumOptions = { k: 0.5, h: 5, cap: 4 };

export function standardisedResidual(y: number, mu: number, alpha: number): number {
  const v = mu + alpha * mu * mu;
  return v > 0 ? (y - mu) / Math.sqrt(v) : 0;
}

export interface CusumPoint { s: number; alarm: boolean }

/** Runs the CUSUM over residuals; `start` continues a running statistic. */
export function cusum(residuals: ArrayLike<number>, opts: CusumOptions = DEFAULT_CUSUM, start = 0): CusumPoint[] {
  const out: CusumPoint[] = [];
  let s = start;
  for (let i = 0; i < residuals.length; i++) {
    s = Math.max(0, s + Math.min(residuals[i], opts.cap) - opts.k);
    const alarm = s > opts.h;
    out.push({ s, alarm });
    if (alarm) s = 0;
  }
  return out;
}
