/**
 * Global Moran's I (with its expectation, variance under normality and permutation pseudo p-value)
 * and Local Moran's I (Anselin 1995, LISA) with HH/LL/HL/LH classes. Weights are row-standardised
 * by the caller (as GeoDa and PySAL do by default); z_i = x_i − x̄, m2 = Σ z_i² / n.
 *   I = (n / S0) Σ_i Σ_j w_ij z_i z_j / Σ z_i²
 *   I_i = (z_i / m2) Σ_j w_ij z_j
 */
import { normalSf } from '../surveillance/math';
import { benjaminiHochberg } from './fdr';
import { Rng, drawOthers, pseudoP } from './prng';
import type { Weights } from './weights';

export interface GlobalMoran { I: number; expected: number; variance: number; z: number; p: number; pseudoP: number }

function centred(x: readonly number[]): { z: Float64Array; m2: number } {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const z = Float64Array.from(x, (v) => v - mean);
  return { z, m2: z.reduce((a, b) => a + b * b, 0) / n };
}

function moranI(z: ArrayLike<number>, w: Weights, s0: number): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < w.n; i++) {
    den += z[i] * z[i];
    let lag = 0;
    for (let k = 0; k < w.neighbours[i].length; k++) lag += w.weights[i][k] * z[w.neighbours[i][k]];
    num += z[i] * lag;
  }
  return den > 0 ? ((w.n / s0) * num) / den : 0;
}

export function globalMoran(x: readonly number[], w: Weights, permutations = 999, seed = 1): GlobalMoran {
  const n = x.length;
  const { z } = centred(x);
  let s0 = 0;
  let s1 = 0;
  const rowSum = new Float64Array(n);
  const colSum = new Float64Array(n);
  const wij = new Map<string, number>();
  for (let i = 0; i < n; i++) w.neighbours[i].forEach((j, k) => { const v = w.weights[i][k]; s0 += v; rowSum[i] += v; colSum[j] += v; wij.set(`${i},${j}`, v); });
  // S1 = ½ Σ_i Σ_j (w_ij + w_ji)²: every stored (i, j), plus its mirror when (j, i) is not stored.
  for (const [k, v] of wij) { const [i, j] = k.split(',').map(Number); const back = wij.get(`${j},${i}`) ?? 0; s1 += (v + back) ** 2; }
  s1 /= 2;
  for (const [k, v] of wij) { const [i, j] = k.split(',').map(Number); if (!wij.has(`${j},${i}`)) s1 += (v * v) / 2; }
  let s2 = 0;
  for (let i = 0; i < n; i++) s2 += (rowSum[i] + colSum[i]) ** 2;
  const I = moranI(z, w, s0);
  const expected = -1 / (n - 1);
  const variance = (n * n * s1 - n * s2 + 3 * s0 * s0) / ((n * n - 1) * s0 * s0) - expected * expected;
  const zs = (I - expected) / Math.sqrt(variance);
  const rng = new Rng(seed);
  const sims = new Float64Array(permutations);
  const perm = Float64Array.from(z);
  for (let r = 0; r < permutations; r++) {
    for (let i = n - 1; i > 0; i--) { const j = Math.floor(rng.next() * (i + 1)); const t = perm[i]; perm[i] = perm[j]; perm[j] = t; }
    sims[r] = moranI(perm, w, s0);
  }
  return { I, expected, variance, z: zs, p: 2 * normalSf(Math.abs(zs)), pseudoP: permutations > 0 ? pseudoP(I, sims) : NaN };
}

export type LisaClass = 'HH' | 'LL' | 'HL' | 'LH' | 'ns';

export interface LocalMoranArea { I: number; pseudoP: number; q: number; cls: LisaClass; quadrant: Exclude<LisaClass, 'ns'> }

export function localMoran(x: readonly number[], w: Weights, opts: { permutations: number; seed: number; alpha: number; fdr: boolean } = { permutations: 999, seed: 1, alpha: 0.05, fdr: false }): LocalMoranArea[] {
  const n = x.length;
  const { z, m2 } = centred(x);
  const rng = new Rng(opts.seed);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  const lagOf = (i: number) => w.neighbours[i].reduce((s, j, k) => s + w.weights[i][k] * z[j], 0);
  const res = Array.from({ length: n }, (_, i) => {
    const nb = w.neighbours[i];
    const lag = lagOf(i);
    const I = m2 > 0 ? (z[i] / m2) * lag : 0;
    let p = 1;
    if (opts.permutations > 0 && nb.length > 0 && m2 > 0) {
      const sims = new Float64Array(opts.permutations);
      const drawn = new Int32Array(nb.length);
      for (let r = 0; r < opts.permutations; r++) {
        drawOthers(rng, pool, i, nb.length, drawn);
        let l = 0;
        for (let k = 0; k < nb.length; k++) l += w.weights[i][k] * z[drawn[k]];
        sims[r] = (z[i] / m2) * l;
      }
      p = pseudoP(I, sims);
    }
    const quadrant: Exclude<LisaClass, 'ns'> = z[i] >= 0 ? (lag >= 0 ? 'HH' : 'HL') : (lag >= 0 ? 'LH' : 'LL');
    return { I, pseudoP: p, quadrant };
  });
  const q = opts.fdr ? benjaminiHochberg(res.map((r) => r.pseudoP)) : res.map((r) => r.pseudoP);
  return res.map((r, i) => ({ ...r, q: q[i], cls: q[i] <= opts.alpha ? r.quadrant : 'ns' }));
}
