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

/** Hour bins suited to handling times: finer in the first day, then days, then weeks. */
export const DURATION_EDGES_HOURS: readonly number[] = [0, 1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 336, 720, 2160, 8760];

/**
 * Rearranges a[lo..hi] so that a[k] holds the value it would have if sorted, smaller-or-equal
 * values before it and larger-or-equal after (quickselect, median-of-three pivot). O(n) on average —
 * sorting millions of durations just to read two quantiles costs far more.
 */
export function selectKth(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as pivot
    if (a[mid] < a[lo]) { const t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
    if (a[hi] < a[lo]) { const t = a[hi]; a[hi] = a[lo]; a[lo] = t; }
    if (a[hi] < a[mid]) { const t = a[hi]; a[hi] = a[mid]; a[mid] = t; }
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { const t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

/** Type-7 quantile of a[lo..hi) without sorting it (reorders the range). */
export function quantileInPlace(a: Float64Array, p: number, lo = 0, hi = a.length): number | null {
  const n = hi - lo;
  if (n <= 0) return null;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const k = Math.floor(h);
  const v = selectKth(a, lo + k, lo, hi - 1);
  if (k + 1 >= n || h === k) return v;
  let next = Infinity;
  for (let i = lo + k + 1; i < hi; i++) if (a[i] < next) next = a[i];
  return v + (h - k) * (next - v);
}

/** The same numbers as summarizeSorted, for values in any order (the range is reordered). */
export function summarizeInPlace(a: Float64Array, lo = 0, hi = a.length): Summary {
  const n = hi - lo;
  if (n === 0) return { n: 0, mean: null, median: null, p90: null, min: null, max: null };
  let s = 0;
  let mn = Infinity;
  let mx = -Infinity;
  for (let i = lo; i < hi; i++) {
    const v = a[i];
    s += v;
    if (v < mn) mn = v;
    if (v > mx) mx = v;
  }
  const p90 = quantileInPlace(a, 0.9, lo, hi);
  const med = quantileInPlace(a, 0.5, lo, hi);
  return { n, mean: s / n, median: med, p90, min: mn, max: mx };
}
