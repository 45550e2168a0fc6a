/** Concentration of a distribution of counts: Gini coefficient, Shannon entropy, top-N share. */

/** Gini coefficient of non-negative values (0 = all equal, → 1 = all in one); null for none or all zero. */
export function gini(values: readonly number[]): number | null {
  const xs = values.filter((x) => Number.isFinite(x) && x >= 0).sort((a, b) => a - b);
  const n = xs.length;
  const total = xs.reduce((s, x) => s + x, 0);
  if (n === 0 || total === 0) return null;
  // G = Σ_i (2i − n − 1) x_(i) / (n Σ x), i = 1…n over ascending values
  let acc = 0;
  for (let i = 0; i < n; i++) acc += (2 * (i + 1) - n - 1) * xs[i];
  return acc / (n * total);
}

/** Shannon entropy H = −Σ p ln p (nats) of counts; `normalised` divides by ln(k) for k categories (0..1). */
export function shannonEntropy(counts: readonly number[], normalised = false): number | null {
  const xs = counts.filter((x) => x > 0);
  const total = xs.reduce((s, x) => s + x, 0);
  if (total === 0) return null;
  let h = 0;
  for (const x of xs) { const p = x / total; h -= p * Math.log(p); }
  if (!normalised) return h;
  const k = counts.length;
  return k > 1 ? h / Math.log(k) : 0;
}

/** Share of the total held by the n largest counts. */
export function topShare(counts: readonly number[], n: number): number | null {
  const total = counts.reduce((s, x) => s + x, 0);
  if (total === 0) return null;
  const top = [...counts].sort((a, b) => b - a).slice(0, n).reduce((s, x) => s + x, 0);
  return top / total;
}
