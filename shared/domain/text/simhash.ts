/**
 * Near-duplicate texts: 64-bit SimHash over words (two 32-bit halves), found with locality-sensitive
 * banding (4 bands of 16 bits: two hashes within Hamming distance 3 share at least one band) inside
 * a time window, plus exact repeats by the same caller. Clusters come from union-find.
 */

/** FNV-1a 32 with a seed, for the two halves of a term's 64-bit hash. */
export function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 15; h = Math.imul(h, 0x2c1b3c6d) >>> 0; h ^= h >>> 12;
  return h >>> 0;
}

/** SimHash of term ids given per-id hash halves (no allocation per term; `skip` drops stopwords). Null when no term counts. */
export function simhashFromIds(ids: ArrayLike<number>, hi: Uint32Array, lo: Uint32Array, skip?: (id: number) => boolean, v = new Int32Array(64)): [number, number] | null {
  v.fill(0);
  let n = 0;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    if (skip?.(id)) continue;
    n++;
    const h = hi[id];
    const l = lo[id];
    for (let b = 0; b < 32; b++) {
      v[b] += ((h >>> b) & 1) * 2 - 1;
      v[32 + b] += ((l >>> b) & 1) * 2 - 1;
    }
  }
  if (n === 0) return null;
  let a = 0;
  let c = 0;
  for (let b = 0; b < 32; b++) {
    if (v[b] > 0) a |= 1 << b;
    if (v[32 + b] > 0) c |= 1 << b;
  }
  return [a >>> 0, c >>> 0];
}

/** SimHash of a bag of words ([0, 0] for none). */
export function simhashOfTerms(terms: readonly string[]): [number, number] {
  const distinct = [...new Set(terms)];
  const ids = distinct.map((_, i) => i);
  return simhashFromIds(ids, Uint32Array.from(distinct, (t) => hash32(t, 1)), Uint32Array.from(distinct, (t) => hash32(t, 2))) ?? [0, 0];
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function hamming(a: readonly [number, number], b: readonly [number, number]): number {
  return popcount((a[0] ^ b[0]) >>> 0) + popcount((a[1] ^ b[1]) >>> 0);
}

export interface RepeatItem {
  id: number;
  time: number;
  /** Texts are compared only within the same group (e.g. the same street): different places are different problems. */
  group: string;
  hash: readonly [number, number] | null;
  caller: string | null;
}

export class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) { this.parent = Int32Array.from({ length: n }, (_, i) => i); }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) { const next = this.parent[i]; this.parent[i] = r; i = next; }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Links items (by index) of each bucket that are within the window and pass `same`. Items must be sorted by time. */
function linkBuckets(items: readonly RepeatItem[], buckets: Map<string, number[]>, windowMs: number, uf: UnionFind, same: (a: number, b: number) => boolean): void {
  for (const list of buckets.values()) {
    if (list.length < 2) continue;
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j];
        if (items[b].time - items[a].time > windowMs) break;
        if (uf.find(a) !== uf.find(b) && same(a, b)) uf.union(a, b);
      }
    }
  }
}

export interface RepeatOptions {
  windowDays: number;
  /** Maximum Hamming distance of two SimHashes that count as near-identical text. */
  maxDistance?: number;
  /** Also link requests from the same caller (hash) within the window. */
  byCaller?: boolean;
}

/**
 * Groups of repeated requests: indexes into `items` (which must be sorted by time), clusters of two
 * or more, largest first.
 */
export function repeatClusters(items: readonly RepeatItem[], opts: RepeatOptions): number[][] {
  const windowMs = opts.windowDays * 86_400_000;
  const maxD = opts.maxDistance ?? 3;
  const uf = new UnionFind(items.length);
  for (let band = 0; band < 4; band++) {
    const buckets = new Map<string, number[]>();
    items.forEach((it, i) => {
      if (!it.hash) return;
      const half = it.hash[band >> 1];
      const key = `${it.group}\u0001${(half >>> ((band & 1) * 16)) & 0xffff}`;
      const list = buckets.get(key);
      if (list) list.push(i); else buckets.set(key, [i]);
    });
    linkBuckets(items, buckets, windowMs, uf, (a, b) => hamming(items[a].hash as [number, number], items[b].hash as [number, number]) <= maxD);
  }
  if (opts.byCaller !== false) {
    const callers = new Map<string, number[]>();
    items.forEach((it, i) => {
      if (!it.caller) return;
      const list = callers.get(it.caller);
      if (list) list.push(i); else callers.set(it.caller, [i]);
    });
    // The same caller on the same street, or with loosely similar text: one caller's different problems stay apart.
    linkBuckets(items, callers, windowMs, uf, (a, b) => items[a].group === items[b].group
      || (items[a].hash !== null && items[b].hash !== null && hamming(items[a].hash as [number, number], items[b].hash as [number, number]) <= 12));
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < items.length; i++) {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(i); else groups.set(r, [i]);
  }
  return [...groups.values()].filter((g) => g.length > 1).sort((a, b) => b.length - a.length || a[0] - b[0]);
}
