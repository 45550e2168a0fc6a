/**
 * Getis–Ord Gi* (Getis & Ord 1992; Ord & Getis 1995) with each area in its own neighbourhood
 * (w_ii = 1 added to binary weights):
 *   Gi* = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)))
 * with X̄ the mean and S = √(Σx²/n − X̄²). Gi* is a z-score; its normal p-value is two-sided.
 * Pseudo p-values: conditional permutation (x_i stays, the neighbours' values are drawn from the
 * other areas), folded as in PySAL. Benjamini–Hochberg controls the false discovery rate over areas.
 */
import { normalSf } from '../surveillance/math';
import { benjaminiHochberg } from './fdr';
import { Rng, drawOthers, pseudoP } from './prng';
import type { Weights } from './weights';

export interface GiStarOptions { permutations: number; seed: number; fdr: number }
export const DEFAULT_GISTAR: GiStarOptions = { permutations: 999, seed: 1, fdr: 0.05 };

export interface GiStarArea {
  z: number;
  /** Two-sided normal p-value. */
  p: number;
  pseudoP: number;
  /** Benjamini–Hochberg adjusted pseudo p-value. */
  q: number;
  /** hot / cold when q ≤ fdr, otherwise ns. */
  cls: 'hot' | 'cold' | 'ns';
}

function giStarOne(x: ArrayLike<number>, i: number, nb: readonly number[], w: readonly number[], mean: number, s: number): number {
  const n = x.length;
  let sumWx = x[i];
  let sumW = 1;
  let sumW2 = 1;
  for (let k = 0; k < nb.length; k++) { sumWx += w[k] * x[nb[k]]; sumW += w[k]; sumW2 += w[k] * w[k]; }
  const den = s * Math.sqrt((n * sumW2 - sumW * sumW) / (n - 1));
  return den > 0 ? (sumWx - mean * sumW) / den : 0;
}

export function giStar(x: readonly number[], w: Weights, opts: GiStarOptions = DEFAULT_GISTAR): GiStarArea[] {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(Math.max(0, x.reduce((a, b) => a + b * b, 0) / n - mean * mean));
  const zs = x.map((_, i) => giStarOne(x, i, w.neighbours[i], w.weights[i], mean, s));
  const rng = new Rng(opts.seed);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  const pseudo = zs.map((_, i) => {
    const nb = w.neighbours[i];
    const wi = w.weights[i];
    const k = nb.length;
    if (opts.permutations <= 0 || k === 0) return 1;
    // The denominator is the same for every permutation of area i: compare the numerators Σ w x.
    let obs = x[i];
    for (let j = 0; j < k; j++) obs += wi[j] * x[nb[j]];
    const sims = new Float64Array(opts.permutations);
    const drawn = new Int32Array(k);
    for (let r = 0; r < opts.permutations; r++) {
      drawOthers(rng, pool, i, k, drawn);
      let sum = x[i];
      for (let j = 0; j < k; j++) sum += wi[j] * x[drawn[j]];
      sims[r] = sum;
    }
    return pseudoP(obs, sims);
  });
  const analytic = zs.map((z, i) => (w.neighbours[i].length === 0 ? 1 : 2 * normalSf(Math.abs(z))));
  // Without permutations the classes follow the normal p-values of z (as ESRI's hot-spot tools do).
  const q = benjaminiHochberg(opts.permutations > 0 ? pseudo : analytic);
  return zs.map((z, i) => ({ z, p: analytic[i], pseudoP: pseudo[i], q: q[i], cls: q[i] <= opts.fdr ? (z > 0 ? 'hot' : 'cold') : 'ns' }));
}
