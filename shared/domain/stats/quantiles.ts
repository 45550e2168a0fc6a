/** Location statistics and histograms over numeric samples. */

type Numbers = ArrayLike<number>;

/** Arithmetic mean; null for no values. */
export function mean(xs: Numbers): number | null {
  if (xs.length === 0) return null;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of values already sorted ascending, by linear interpolation between
 * closest ranks (Hyndman & Fan type 7: numpy's and Excel PERCENTILE.INC's default). The median of an
 * even count is the mean of the two middle values.
 */
export function quantileSorted(sorted: Numbers, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Sorts a copy ascending (numeric). */
export function sortedCopy(xs: Numbers): Float64Array {
  return Float64Array.from(xs).sort();
}

export function quantile(xs: Numbers, p: number): number | null {
  return quantileSorted(sortedCopy(xs), p);
}

export function median(xs: Numbers): number | null {
  return quantile(xs, 0.5);
}

export interface Summary {
  n: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
}

/** n, mean, median, 90th percentile, min and max of values sorted ascending. */
export function summarizeSorted(sorted: Numbers): Summary {
  const n = sorted.length;
  return {
    n,
    mean: mean(sorted),
    median: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    min: n ? sorted[0] : null,
    max: n ? sorted[n - 1] : null,
  };
}

export interface Histogram {
  /** Bin edges, length bins + 1; bin i is [edges[i], edges[i+1]) and the last bin also holds its upper edge. */
  edges: number[];
  counts: number[];
  /** Values below the first edge or above the last. */
  below: number;
  above: number;
}

/** Counts values into the bins given by ascending `edges`. */
export function histogram(xs: Numbers, edges: readonly number[]): Histogram {
  const counts = new Array(Math.max(0, edges.length - 1)).fill(0);
  let below = 0;
  let above = 0;
  const last = edges.length - 1;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (x < edges[0]) { below++; continue; }
    if (x > edges[last]) { above++; continue; }
    if (x === edges[last]) { counts[last - 1]++; continue; }
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (edges[mid] <= x) lo = mid; else hi = mid;
    }
    counts[lo]++;
  }
  return { edges: [...edges], counts, below, above };
}

/**
 * histogram() of integers a[lo..hi) (e.g. durations in seconds): same bins and rules. With edges on
 * whole multiples of `unit` (hours: 3600) a lookup table by ⌊x / unit⌋ replaces the binary search.
 */
export function histogramInts(a: Int32Array, lo: number, hi: number, edges: readonly number[], unit = 3600): Histogram {
  const last = edges.length - 1;
  const counts = new Float64Array(Math.max(0, last));
  let below = 0;
  let above = 0;
  const first = edges[0];
  const top = edges[last];
  const lut = edges.every((x) => x % unit === 0) && first >= 0 && top / unit <= 1e6 ? new Int32Array(top / unit + 1) : null;
  if (lut) for (let b = 0, u = 0; u < lut.length; u++) { while (b < last - 1 && edges[b + 1] <= u * unit) b++; lut[u] = b; }
  const e = Float64Array.from(edges);
  for (let i = lo; i < hi; i++) {
    const x = a[i];
    if (x < first) { below++; continue; }
    if (x >= top) { if (x === top) counts[last - 1]++; else above++; continue; }
    if (lut !== null) { counts[lut[(x / unit) | 0]]++; continue; }
    let l = 0;
    let h = last;
    while (h - l > 1) {
      const mid = (l + h) >> 1;
      if (e[mid] <= x) l = mid; else h = mid;
    }
    counts[l]++;
  }
  return { edges: [...edges], counts: Array.from(counts), below, above };
}

/** Hour bins suited to handling times: finer in the first day, then days, then weeks. */
export const DURATION_EDGES_HOURS: readonly number[] = [0, 1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 336, 720, 2160, 8760];

const SORT_BELOW = 4096;

/** Minimum, maximum and sum of integers (callers that already passed over the values give them to intQuantiles). */
export interface IntRange { min: number; max: number; sum: number }

export function intRange(a: Int32Array, lo: number, hi: number): IntRange {
  let min = a[lo];
  let max = min;
  let sum = 0;
  for (let i = lo; i < hi; i++) {
    const v = a[i];
    sum += v;
    if (v < min) min = v; else if (v > max) max = v;
  }
  return { min, max, sum };
}

/**
 * Exact type-7 quantiles (the same numbers as quantileSorted) of the non-negative integers a[lo..hi),
 * in any order and left unchanged, by radix selection: one pass for min / max / sum, one counting the
 * values per high-bits bucket (up to 65,536 buckets), one gathering the few buckets that hold the wanted
 * ranks, which alone are sorted. O(n) whatever the distribution — sorting millions of durations to read
 * two quantiles costs far more, and a fixed-bin histogram would only approximate them.
 */
export function intQuantiles(a: Int32Array, lo: number, hi: number, ps: readonly number[], known?: IntRange): { n: number; sum: number; min: number; max: number; q: number[] } | null {
  const n = hi - lo;
  if (n <= 0) return null;
  const { min, max, sum } = known ?? intRange(a, lo, hi);
  const hs = ps.map((p) => (n - 1) * Math.min(1, Math.max(0, p)));
  const ranks = [...new Set(hs.flatMap((h) => [Math.floor(h), Math.min(n - 1, Math.floor(h) + 1)]))].sort((x, y) => x - y);
  const at = new Map<number, number>();
  if (n <= SORT_BELOW || min === max) {
    const sorted = a.slice(lo, hi).sort();
    for (const r of ranks) at.set(r, sorted[r]);
  } else {
    const span = max - min;
    const want = Math.min(16, Math.max(8, 31 - Math.clz32(n) - 2));
    const shift = Math.max(0, 32 - Math.clz32(span) - want);
    const counts = new Int32Array((span >>> shift) + 1);
    for (let i = lo; i < hi; i++) counts[(a[i] - min) >>> shift]++;
    // bucket of each rank and the rank inside it
    const slotOf = new Int8Array(counts.length).fill(-1);
    const buckets: number[] = [];
    const where: [number, number][] = [];
    let b = 0;
    let before = 0;
    for (const r of ranks) {
      while (before + counts[b] <= r) before += counts[b++];
      if (slotOf[b] < 0) { slotOf[b] = buckets.length; buckets.push(b); }
      where.push([slotOf[b], r - before]);
    }
    const parts = buckets.map((x) => new Int32Array(counts[x]));
    const fill = new Int32Array(buckets.length);
    for (let i = lo; i < hi; i++) {
      const v = a[i];
      const s = slotOf[(v - min) >>> shift];
      if (s >= 0) parts[s][fill[s]++] = v;
    }
    for (const p of parts) p.sort();
    ranks.forEach((r, j) => at.set(r, parts[where[j][0]][where[j][1]]));
  }
  const q = hs.map((h) => {
    const k = Math.floor(h);
    const v = at.get(k)!;
    return h === k ? v : v + (h - k) * (at.get(Math.min(n - 1, k + 1))! - v);
  });
  return { n, sum, min, max, q };
}

/** Summary (in `unit`s, e.g. 3600 for hours) of non-negative integers a[lo..hi), e.g. durations in seconds. */
export function summarizeInts(a: Int32Array, lo = 0, hi = a.length, unit = 1, known?: IntRange): Summary {
  const r = intQuantiles(a, lo, hi, [0.5, 0.9], known);
  if (!r) return { n: 0, mean: null, median: null, p90: null, min: null, max: null };
  return { n: r.n, mean: r.sum / r.n / unit, median: r.q[0] / unit, p90: r.q[1] / unit, min: r.min / unit, max: r.max / unit };
}
