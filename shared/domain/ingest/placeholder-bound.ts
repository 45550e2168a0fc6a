/**
 * A cheap necessary condition for a placeholder point (many records of a batch at one point after
 * rounding to 5 decimals, as the import's SQL check groups them). Keys are `placeholderKey`
 * (coords.ts): each point rounded to 1e-5 degrees in floating point. A point's float-rounded key
 * differs from its exactly rounded value by at most one step per axis, so a group of n exactly
 * rounded points spreads over at most 3 × 3 keys, one of which then holds at least ⌈n / 9⌉ of them.
 * If no key can be that frequent, no group reaches n and the SQL check can be skipped.
 *
 * Key counts are tallied with the Misra–Gries summary (k counters, constant memory for any batch):
 * every key's true count is at most its counter + ⌊n / (k + 1)⌋, and a key without a counter has at
 * most ⌊n / (k + 1)⌋.
 */
export class KeyTally {
  private readonly counts = new Map<number, number>();
  private n = 0;
  constructor(private readonly k = 4096) {}

  add(key: number): void {
    this.n++;
    const c = this.counts.get(key);
    if (c !== undefined) { this.counts.set(key, c + 1); return; }
    if (this.counts.size < this.k) { this.counts.set(key, 1); return; }
    // Full: this key and one count of every other cancel out.
    for (const [kk, cc] of this.counts) {
      if (cc === 1) this.counts.delete(kk); else this.counts.set(kk, cc - 1);
    }
  }

  /** Keys added. */
  get total(): number { return this.n; }

  /** At least the count of the most frequent key. */
  maxBound(): number {
    let m = 0;
    for (const c of this.counts.values()) if (c > m) m = c;
    return m + Math.floor(this.n / (this.k + 1));
  }
}

/** Whether some rounded point may hold at least `threshold` of the tallied points. */
export function placeholderPossible(tally: KeyTally, threshold: number): boolean {
  return tally.maxBound() >= Math.ceil(threshold / 9);
}
