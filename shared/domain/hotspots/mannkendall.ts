/**
 * Mann–Kendall trend test: S = Σ_{i<j} sign(x_j − x_i), Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)]/18
 * over tie groups t, continuity-corrected z = (S ∓ 1)/√Var, two-sided normal p-value.
 */
import { normalSf } from '../surveillance/math';

export interface MannKendall { s: number; variance: number; z: number; p: number; tau: number }

export function mannKendall(x: readonly number[]): MannKendall {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) s += Math.sign(x[j] - x[i]);
  const ties = new Map<number, number>();
  for (const v of x) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) if (t > 1) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = variance > 0 ? (s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0) : 0;
  return { s, variance, z, p: variance > 0 ? 2 * normalSf(Math.abs(z)) : 1, tau: n > 1 ? s / ((n * (n - 1)) / 2) : 0 };
}
