/**
 * Analytic Hierarchy Process (Saaty): priorities from a reciprocal pairwise comparison matrix as its
 * principal right eigenvector, the principal eigenvalue λmax, the consistency index
 * CI = (λmax − n)/(n − 1) and the consistency ratio CR = CI / RI(n). CR > 0.1 means the judgements
 * should be revised.
 */

/** Saaty's random consistency index RI for n = 1…15 (Saaty 1980, The Analytic Hierarchy Process, table 1.7). */
export const SAATY_RI: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];
export const CR_THRESHOLD = 0.1;

export interface AhpResult {
  weights: number[];
  lambdaMax: number;
  ci: number;
  /** null when RI is 0 (n ≤ 2: always consistent) or unknown (n > 15). */
  cr: number | null;
  consistent: boolean;
  iterations: number;
}

export type MatrixProblem = { code: 'notSquare' } | { code: 'nonPositive'; row: number; col: number } | { code: 'notReciprocal'; row: number; col: number };

/** Checks that a matrix is square, positive and reciprocal (a_ji = 1/a_ij, to 1e-6 relative). */
export function checkPairwiseMatrix(m: readonly (readonly number[])[]): MatrixProblem | null {
  const n = m.length;
  if (m.some((r) => r.length !== n)) return { code: 'notSquare' };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!(m[i][j] > 0) || !Number.isFinite(m[i][j])) return { code: 'nonPositive', row: i, col: j };
      if (Math.abs(m[i][j] * m[j][i] - 1) > 1e-6) return { code: 'notReciprocal', row: i, col: j };
    }
  }
  return null;
}

/** A reciprocal matrix from its upper triangle (row-major, i < j): upper[k] = a_ij. */
export function matrixFromUpper(n: number, upper: readonly number[]): number[][] {
  const m: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = upper[k++] ?? 1;
      m[i][j] = v;
      m[j][i] = 1 / v;
    }
  }
  return m;
}

/** The principal eigenvector by power iteration (positive matrices converge; Perron–Frobenius). */
export function ahpWeights(m: readonly (readonly number[])[], tolerance = 1e-12, maxIterations = 1000): AhpResult {
  const n = m.length;
  if (n === 0) return { weights: [], lambdaMax: 0, ci: 0, cr: null, consistent: true, iterations: 0 };
  let w = new Array<number>(n).fill(1 / n);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const next = m.map((row) => row.reduce((s, a, j) => s + a * w[j], 0));
    const sum = next.reduce((s, x) => s + x, 0);
    for (let i = 0; i < n; i++) next[i] /= sum;
    const delta = next.reduce((d, x, i) => Math.max(d, Math.abs(x - w[i])), 0);
    w = next;
    if (delta < tolerance) { iterations++; break; }
  }
  // λmax = mean of (A w)_i / w_i
  const aw = m.map((row) => row.reduce((s, a, j) => s + a * w[j], 0));
  const lambdaMax = aw.reduce((s, x, i) => s + x / w[i], 0) / n;
  const ci = n > 1 ? (lambdaMax - n) / (n - 1) : 0;
  const ri = SAATY_RI[n - 1];
  const cr = ri ? ci / ri : null;
  return { weights: w, lambdaMax, ci, cr, consistent: cr === null || cr <= CR_THRESHOLD, iterations };
}
