/**
 * Benjamini–Hochberg false discovery rate: adjusted p-values (q-values) and the discoveries at level q.
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const n = p.length;
  const order = p.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const adj = new Array<number>(n);
  let running = 1;
  for (let k = n - 1; k >= 0; k--) {
    const [v, i] = order[k];
    running = Math.min(running, (v * n) / (k + 1));
    adj[i] = Math.min(1, running);
  }
  return adj;
}

export function significantFdr(p: readonly number[], q = 0.05): boolean[] {
  return benjaminiHochberg(p).map((v) => v <= q);
}
