/** Permutation helper shared by the local statistics (randomness injected as a seeded generator). */
import { Rng } from '../demo/rng';

export { Rng };

/** Draws `k` distinct indices from 0..n−1 excluding `skip`, into `out` (partial Fisher–Yates over `pool`). */
export function drawOthers(rng: Rng, pool: Int32Array, skip: number, k: number, out: Int32Array): void {
  const n = pool.length;
  // pool holds 0..n−1 in some order; move `skip` to the end so it is never drawn.
  const at = pool.indexOf(skip);
  pool[at] = pool[n - 1];
  pool[n - 1] = skip;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.next() * (n - 1 - i));
    const t = pool[i]; pool[i] = pool[j]; pool[j] = t;
    out[i] = pool[i];
  }
}

/** Folded pseudo p-value as PySAL's esda: (min(#sims ≥ observed, #sims < observed) + 1) / (R + 1). */
export function pseudoP(observed: number, sims: Float64Array): number {
  let larger = 0;
  for (const s of sims) if (s >= observed) larger++;
  if (sims.length - larger < larger) larger = sims.length - larger;
  return (larger + 1) / (sims.length + 1);
}
