/**
 * TOPSIS (Hwang & Yoon 1981): vector-normalise each criterion r_ij = x_ij / sqrt(Σ_i x_ij²), weight
 * it v_ij = w_j r_ij, take the ideal best (max for benefit, min for cost criteria) and worst, and rank by
 * closeness C_i = D_i⁻ / (D_i⁺ + D_i⁻). Missing values (null) are skipped: an object's distances use
 * the criteria it has.
 */
export interface TopsisResult {
  closeness: (number | null)[];
  dPlus: (number | null)[];
  dMinus: (number | null)[];
  idealBest: number[];
  idealWorst: number[];
}

export function topsis(matrix: readonly (readonly (number | null)[])[], weights: readonly number[], benefit: readonly boolean[] = weights.map(() => true)): TopsisResult {
  const n = weights.length;
  const norms = new Array<number>(n).fill(0);
  for (const row of matrix) for (let j = 0; j < n; j++) { const x = row[j]; if (x !== null) norms[j] += x * x; }
  for (let j = 0; j < n; j++) norms[j] = Math.sqrt(norms[j]);
  const v = matrix.map((row) => row.map((x, j) => (x === null ? null : norms[j] > 0 ? (weights[j] * x) / norms[j] : 0)));
  const idealBest: number[] = [];
  const idealWorst: number[] = [];
  for (let j = 0; j < n; j++) {
    const col = v.map((r) => r[j]).filter((x): x is number => x !== null);
    const hi = col.length ? Math.max(...col) : 0;
    const lo = col.length ? Math.min(...col) : 0;
    idealBest.push(benefit[j] ? hi : lo);
    idealWorst.push(benefit[j] ? lo : hi);
  }
  const dPlus: (number | null)[] = [];
  const dMinus: (number | null)[] = [];
  const closeness: (number | null)[] = [];
  for (const row of v) {
    let p = 0; let q = 0; let any = false;
    for (let j = 0; j < n; j++) {
      const x = row[j];
      if (x === null) continue;
      any = true;
      p += (x - idealBest[j]) ** 2;
      q += (x - idealWorst[j]) ** 2;
    }
    if (!any) { dPlus.push(null); dMinus.push(null); closeness.push(null); continue; }
    const dp = Math.sqrt(p); const dm = Math.sqrt(q);
    dPlus.push(dp); dMinus.push(dm);
    closeness.push(dp + dm > 0 ? dm / (dp + dm) : 1);
  }
  return { closeness, dPlus, dMinus, idealBest, idealWorst };
}
