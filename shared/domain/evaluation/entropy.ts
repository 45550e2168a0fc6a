/**
 * Entropy weight method: criteria whose values differ more between objects carry more information
 * and get more weight. With p_ij = x_ij / Σ_i x_ij over non-negative (normalised) values,
 * e_j = −(1/ln m) Σ_i p_ij ln p_ij (0·ln 0 = 0), d_j = 1 − e_j and w_j = d_j / Σ d_j.
 * Missing values (null) are left out of their column; a column with fewer than two values, or all
 * zero, has e_j = 1 (no information).
 */
export interface EntropyResult {
  weights: number[];
  entropy: number[];
  divergence: number[];
}

export function entropyWeights(matrix: readonly (readonly (number | null)[])[], columns: number): EntropyResult {
  const entropy: number[] = [];
  for (let j = 0; j < columns; j++) {
    const col: number[] = [];
    for (const row of matrix) { const v = row[j]; if (v !== null && v !== undefined && Number.isFinite(v)) col.push(Math.max(0, v)); }
    const m = col.length;
    const sum = col.reduce((s, x) => s + x, 0);
    if (m < 2 || sum <= 0) { entropy.push(1); continue; }
    let h = 0;
    for (const x of col) { const p = x / sum; if (p > 0) h -= p * Math.log(p); }
    entropy.push(h / Math.log(m));
  }
  const divergence = entropy.map((e) => Math.max(0, 1 - e));
  const total = divergence.reduce((s, d) => s + d, 0);
  const weights = total > 0 ? divergence.map((d) => d / total) : divergence.map(() => (columns ? 1 / columns : 0));
  return { weights, entropy, divergence };
}
