/**
 * Service performance over a selection, overall or per group: time to first response and to close
 * (median, mean, p90, histogram) with exclusions counted, on-time rate, transfers, repeat requests and
 * satisfaction.
 */
import { NULL_I32, NULL_SAT, type CategoryIndex, type FactColumns } from './columns';
import type { GroupKeys } from './dims';
import { limitHoursFor, onTimeRate, emptyExclusions, type DurationRules, type ExclusionCounts, type TimeLimits } from './durations';
import { histogram, summarizeInPlace, DURATION_EDGES_HOURS, type Histogram, type Summary } from './quantiles';
import type { Selection } from './select';

export interface PerformanceOptions {
  rules: DurationRules;
  limits: TimeLimits;
  /** "Now" for open requests, as a stored time (seconds since T_EPOCH): usually the latest receipt in the project. */
  asOfT: number;
  /** Repeat flags per row (see repeatFlags), when the caller wants the repeat-request rate. */
  repeat?: Uint8Array;
  histogramEdgesHours?: readonly number[];
  /** Skip the response-time quantiles (callers that only chart closing times). */
  skipResponse?: boolean;
}

export interface DurationStats { summary: Summary; exclusions: ExclusionCounts; histogram: Histogram | null }

export interface PerformanceSummary {
  n: number;
  /** Hours. */
  response: DurationStats;
  close: DurationStats;
  onTime: { onTime: number; late: number; overdueOpen: number; pending: number; excluded: number; rate: number | null };
  transfers: { total: number; withTransfer: number; mean: number | null };
  satisfaction: { rated: number; satisfied: number; rate: number | null; mean: number | null };
  repeat: { count: number; rate: number | null } | null;
}

/** Per-leaf-category time limit table (hours). */
export function limitTable(cats: CategoryIndex, limits: TimeLimits): Float64Array {
  const size = cats.ancestorAt[0].length;
  const out = new Float64Array(size).fill(limits.defaultHours);
  for (let id = 1; id < size; id++) {
    out[id] = limitHoursFor(limits, [cats.ancestorAt[0][id] || null, cats.ancestorAt[1][id] || null, cats.ancestorAt[2][id] || null]);
  }
  return out;
}

const CLASSES = ['valid', 'missing', 'instant', 'negative', 'tooLong'] as const;

function durationStats(col: Int32Array, sel: Selection, keys: Int32Array | null, size: number, rules: DurationRules, kind: 'close' | 'response', edges: readonly number[] | null): DurationStats[] {
  // Classes inline (0 valid, 1 missing, 2 instant, 3 negative, 4 too long): this loop runs over millions of rows.
  const counts = new Int32Array(size * 5);
  const cls = new Uint8Array(sel.n);
  const instant = kind === 'close' && rules.instantMinutes > 0 ? rules.instantMinutes * 60 : -1;
  const maxS = rules.maxDays * 86_400;
  const rows = sel.rows;
  for (let k = 0; k < sel.n; k++) {
    const g = keys ? keys[k] : 0;
    if (g < 0) { cls[k] = 9; continue; }
    const s = col[rows[k]];
    const c = s === NULL_I32 ? 1 : s < 0 ? 3 : s > maxS ? 4 : s <= instant ? 2 : 0;
    cls[k] = c;
    counts[g * 5 + c]++;
  }
  const offsets = new Int32Array(size + 1);
  for (let g = 0; g < size; g++) offsets[g + 1] = offsets[g] + counts[g * 5];
  const fill = offsets.slice(0, size);
  const values = new Float64Array(offsets[size]);
  for (let k = 0; k < sel.n; k++) {
    if (cls[k] !== 0) continue;
    values[fill[keys ? keys[k] : 0]++] = col[rows[k]] / 3600;
  }
  const out: DurationStats[] = [];
  for (let g = 0; g < size; g++) {
    const exclusions = emptyExclusions();
    CLASSES.forEach((c, i) => { exclusions[c] = counts[g * 5 + i]; });
    const lo = offsets[g];
    const hi = offsets[g + 1];
    out.push({
      summary: summarizeInPlace(values, lo, hi), exclusions,
      histogram: edges ? histogram(values.subarray(lo, hi), edges) : null,
    });
  }
  return out;
}

/**
 * Performance per group (`gk` null → one overall group). Groups with no rows are returned too (n = 0);
 * callers pick the ones they show.
 */
export function performance(cols: FactColumns, cats: CategoryIndex, sel: Selection, gk: GroupKeys | null, opts: PerformanceOptions): PerformanceSummary[] {
  const size = gk ? gk.size : 1;
  const keys = gk ? gk.keys : null;
  const edges = opts.histogramEdgesHours ?? DURATION_EDGES_HOURS;
  const resp = opts.skipResponse
    ? Array.from({ length: size }, () => ({ summary: { n: 0, mean: null, median: null, p90: null, min: null, max: null }, exclusions: emptyExclusions(), histogram: null }))
    : durationStats(cols.resp, sel, keys, size, opts.rules, 'response', gk ? null : edges);
  const close = durationStats(cols.close, sel, keys, size, opts.rules, 'close', gk ? null : edges);
  const limits = limitTable(cats, opts.limits);
  // Per group counters, flat: [n, onTime, late, overdueOpen, pending, excluded, transfers, withTransfer, rated, satisfied, satSum, repeat]
  const W = 12;
  const acc = new Float64Array(size * W);
  const instant = opts.rules.instantMinutes > 0 ? opts.rules.instantMinutes * 60 : -1;
  const maxS = opts.rules.maxDays * 86_400;
  const { close: closeCol, t, cat, transfers, sat } = cols;
  const repeat = opts.repeat;
  for (let k = 0; k < sel.n; k++) {
    const g = keys ? keys[k] : 0;
    if (g < 0) continue;
    const i = sel.rows[k];
    const o = g * W;
    acc[o]++;
    const c = closeCol[i];
    const limit = (limits[cat[i]] ?? opts.limits.defaultHours) * 3600;
    if (c === NULL_I32) acc[o + ((opts.asOfT - t[i]) > limit ? 3 : 4)]++;
    else if (c < 0 || c > maxS || c <= instant) acc[o + 5]++;
    else acc[o + (c <= limit ? 1 : 2)]++;
    const tr = transfers[i];
    acc[o + 6] += tr;
    if (tr > 0) acc[o + 7]++;
    const sv = sat[i];
    if (sv !== NULL_SAT) { acc[o + 8]++; acc[o + 10] += sv; if (sv >= 50) acc[o + 9]++; }
    if (repeat && repeat[i] === 1) acc[o + 11]++;
  }
  const out: PerformanceSummary[] = [];
  for (let g = 0; g < size; g++) {
    const a = acc.subarray(g * W, g * W + W);
    const n = a[0];
    const onTime = { onTime: a[1], late: a[2], overdueOpen: a[3], pending: a[4], excluded: a[5] };
    out.push({
      n,
      response: resp[g],
      close: close[g],
      onTime: { ...onTime, rate: onTimeRate(onTime) },
      transfers: { total: a[6], withTransfer: a[7], mean: n ? a[6] / n : null },
      satisfaction: { rated: a[8], satisfied: a[9], rate: a[8] ? a[9] / a[8] : null, mean: a[8] ? a[10] / a[8] / 100 : null },
      repeat: repeat ? { count: a[11], rate: n ? a[11] / n : null } : null,
    });
  }
  return out;
}

/** Stable LSD radix sort of row indices by an unsigned 32-bit key (two 16-bit passes). */
function radixByKey(idx: Uint32Array, key: (i: number) => number): Uint32Array {
  let src: Uint32Array = idx;
  let dst: Uint32Array = new Uint32Array(idx.length);
  for (const shift of [0, 16]) {
    const count = new Uint32Array(65_537);
    for (let k = 0; k < src.length; k++) count[((key(src[k]) >>> shift) & 0xffff) + 1]++;
    for (let b = 0; b < 65_536; b++) count[b + 1] += count[b];
    for (let k = 0; k < src.length; k++) dst[count[(key(src[k]) >>> shift) & 0xffff]++] = src[k];
    [src, dst] = [dst, src];
  }
  return src;
}

/**
 * Repeat requests: a row is a repeat when the same caller made a request in the same category
 * (deepest level) within the previous `windowDays` days. Rows without a caller are never repeats.
 */
export function repeatFlags(cols: FactColumns, windowDays = 30): Uint8Array {
  const n = cols.n;
  const out = new Uint8Array(n);
  const caller = cols.caller;
  if (!caller || n === 0) return out;
  let m = 0;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) if (cols.alive[i] === 1 && caller[i] !== 0) idx[m++] = i;
  const byCaller = radixByKey(idx.subarray(0, m), (i) => caller[i] >>> 0);
  const { t, cat } = cols;
  const window = windowDays * 86_400;
  for (let a = 0; a < m;) {
    let b = a + 1;
    while (b < m && caller[byCaller[b]] === caller[byCaller[a]]) b++;
    if (b - a > 1) {
      const run = Array.from(byCaller.subarray(a, b)).sort((x, y) => t[x] - t[y] || x - y);
      for (let j = 1; j < run.length; j++) {
        const i = run[j];
        for (let q = j - 1; q >= 0 && t[i] - t[run[q]] <= window; q--) {
          if (cat[run[q]] === cat[i]) { out[i] = 1; break; }
        }
      }
    }
    a = b;
  }
  return out;
}
