/**
 * k-anonymity over quasi-identifiers: records are grouped by the combination of their quasi-identifier
 * values; a group smaller than k singles its members out. Reports the smallest group (size and values)
 * and how many records and groups fall below k.
 */
export interface KAnonymityReport {
  k: number;
  records: number;
  groups: number;
  /** The smallest group's size and its quasi-identifier values (null when there are no records). */
  smallest: { size: number; values: Record<string, string | null> } | null;
  recordsBelowK: number;
  groupsBelowK: number;
}

const SEP = '\u001f';

/** Counts groups incrementally; `add` takes the quasi-identifier values of one record, in a fixed order. */
export class KAnonymityCounter {
  private readonly counts = new Map<string, number>();
  private n = 0;
  constructor(private readonly names: readonly string[]) {}

  /** Adds `count` records (default one) with these values. */
  add(values: readonly (string | number | null | undefined)[], count = 1): void {
    const key = values.map((v) => (v === null || v === undefined ? '\u0000' : String(v))).join(SEP);
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
    this.n += count;
  }

  report(k: number): KAnonymityReport {
    let smallestKey: string | null = null;
    let smallest = Infinity;
    let recordsBelowK = 0;
    let groupsBelowK = 0;
    for (const [key, c] of this.counts) {
      if (c < smallest || (c === smallest && smallestKey !== null && key < smallestKey)) { smallest = c; smallestKey = key; }
      if (c < k) { recordsBelowK += c; groupsBelowK++; }
    }
    const values: Record<string, string | null> = {};
    if (smallestKey !== null) smallestKey.split(SEP).forEach((v, i) => { values[this.names[i]] = v === '\u0000' ? null : v; });
    return {
      k, records: this.n, groups: this.counts.size, recordsBelowK, groupsBelowK,
      smallest: smallestKey === null ? null : { size: smallest, values },
    };
  }
}

/** One-shot check over rows already reduced to their quasi-identifier values. */
export function kAnonymity(names: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>, k: number): KAnonymityReport {
  const c = new KAnonymityCounter(names);
  for (const r of rows) c.add(r);
  return c.report(k);
}
