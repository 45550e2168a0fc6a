/**
 * Count regression by iteratively reweighted least squares: Poisson and negative binomial (NB2,
 * variance μ + αμ²) log-linear models with an optional offset. α is estimated by the
 * Cameron–Trivedi moment estimator α̂ = Σ((y−μ)² − y) / Σμ², alternated with IRLS until stable.
 * A small ridge penalty (not on the intercept) keeps sparse designs (a weekday never observed,
 * an all-zero holiday column) finite.
 */

export interface GlmOptions {
  family: 'poisson' | 'negbin';
  /** Ridge penalty on every coefficient but the first (default 1e-4). */
  ridge?: number;
  maxIter?: number;
  tol?: number;
}

export interface GlmFit {
  coef: number[];
  /** NB2 dispersion (0 for Poisson). */
  alpha: number;
  /** Fitted means of the training rows. */
  fitted: Float64Array;
  iterations: number;
  converged: boolean;
  /** Pearson χ² / (n − p): > 1 means over-dispersion relative to the fitted family. */
  dispersion: number;
}

/** Solves the symmetric positive-definite system A x = b (Cholesky); A is p×p row-major. */
export function solveSpd(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k];
      if (i === j) l[i * p + i] = Math.sqrt(Math.max(s, 1e-12));
      else l[i * p + j] = s / l[j * p + j];
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * y[k];
    y[i] = s / l[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * x[k];
    x[i] = s / l[i * p + i];
  }
  return x;
}

function irls(x: readonly number[][], y: ArrayLike<number>, offset: ArrayLike<number> | null, alpha: number, start: number[], opts: GlmOptions) {
  const n = y.length;
  const p = x[0].length;
  const ridge = opts.ridge ?? 1e-4;
  let beta = start.slice();
  const mu = new Float64Array(n);
  let it = 0;
  let converged = false;
  for (; it < (opts.maxIter ?? 50); it++) {
    const xtwx = new Float64Array(p * p);
    const xtwz = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const row = x[i];
      let eta = offset ? offset[i] : 0;
      for (let j = 0; j < p; j++) eta += row[j] * beta[j];
      const m = Math.exp(Math.min(eta, 30));
      mu[i] = m;
      const w = m / (1 + alpha * m);
      const z = eta - (offset ? offset[i] : 0) + (y[i] - m) / m;
      for (let j = 0; j < p; j++) {
        const wr = w * row[j];
        xtwz[j] += wr * z;
        for (let k = 0; k <= j; k++) xtwx[j * p + k] += wr * row[k];
      }
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) xtwx[k * p + j] = xtwx[j * p + k];
    for (let j = 1; j < p; j++) xtwx[j * p + j] += ridge;
    const next = Array.from(solveSpd(xtwx, xtwz, p));
    let delta = 0;
    for (let j = 0; j < p; j++) delta = Math.max(delta, Math.abs(next[j] - beta[j]));
    beta = next;
    if (delta < (opts.tol ?? 1e-8)) { converged = true; it++; break; }
  }
  for (let i = 0; i < n; i++) {
    let eta = offset ? offset[i] : 0;
    for (let j = 0; j < p; j++) eta += x[i][j] * beta[j];
    mu[i] = Math.exp(Math.min(eta, 30));
  }
  return { beta, mu, it, converged };
}

/** Fits log E[y] = offset + X β. X's first column should be the intercept (all ones). */
export function fitGlm(x: readonly number[][], y: ArrayLike<number>, offset: ArrayLike<number> | null, opts: GlmOptions): GlmFit {
  const n = y.length;
  if (n === 0) throw new Error('no observations');
  const p = x[0].length;
  let total = 0;
  let offTotal = 0;
  for (let i = 0; i < n; i++) { total += y[i]; offTotal += offset ? Math.exp(offset[i]) : 1; }
  const start = new Array<number>(p).fill(0);
  start[0] = Math.log(Math.max(total, 0.5) / offTotal);
  let alpha = 0;
  let fit = irls(x, y, offset, alpha, start, opts);
  let iterations = fit.it;
  if (opts.family === 'negbin') {
    for (let round = 0; round < 10; round++) {
      let num = 0;
      let den = 0;
      for (let i = 0; i < n; i++) { num += (y[i] - fit.mu[i]) ** 2 - y[i]; den += fit.mu[i] ** 2; }
      const next = den > 0 ? Math.max(0, num / den) : 0;
      const change = Math.abs(next - alpha);
      alpha = next;
      fit = irls(x, y, offset, alpha, fit.beta, opts);
      iterations += fit.it;
      if (change < 1e-4) break;
    }
  }
  let chi2 = 0;
  for (let i = 0; i < n; i++) chi2 += (y[i] - fit.mu[i]) ** 2 / (fit.mu[i] + alpha * fit.mu[i] ** 2);
  return { coef: fit.beta, alpha, fitted: fit.mu, iterations, converged: fit.converged, dispersion: chi2 / Math.max(1, n - p) };
}

/** exp(offset + x·β). */
export function predictGlm(coef: readonly number[], row: readonly number[], offset = 0): number {
  let eta = offset;
  for (let j = 0; j < coef.length; j++) eta += row[j] * coef[j];
  return Math.exp(Math.min(eta, 30));
}
