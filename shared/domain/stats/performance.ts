/**
 * Service performance over a selection, overall or per group: time to first response and to close
 * (median, mean, p90, histogram) with exclusions counted, on-time rate, transfers, repeat requests and
 * satisfaction.
 */
import { NULL_I32, NULL_SAT, type CategoryIndex, type FactColumns } from './columns';
import type { GroupKeys } from './dims';
import { limitHoursFor, onTimeRate, emptyExclusions, type DurationRules, type ExclusionCounts, type TimeLimits } from './durations';
import { histogramInts, summarizeInts, DURATION_EDGES_HOURS, type Histogram, type IntRange, type Summary } from './quantiles';
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
const NULL = NULL_I32;

/**
 * Scratch arrays reused from call to call: at 10 M rows a query would otherwise allocate ~120 MB of
 * temporaries, and collecting them costs more than the scan. Nothing returned refers to them.
 */
const SCRATCH: Int32Array[] = [];
function scratch(slot: number, n: number): Int32Array {
  if (!SCRATCH[slot] || SCRATCH[slot].length < n) SCRATCH[slot] = new Int32Array(Math.ceil(n * 1.25));
  return SCRATCH[slot].subarray(0, n);
}

interface DurationGroups { groups: DurationStats[]; overall: DurationStats | null }

function durationStats(col: Int32Array, sel: Selection, keys: Int32Array | null, size: number, rules: DurationRules, kind: 'close' | 'response', edges: readonly number[] | null, withOverall = false): DurationGroups {
  // Classes inline (0 valid, 1 missing, 2 instant, 3 negative, 4 too long): this loop runs over millions of rows.
  const counts = new Int32Array(size * 5);
  const instant = kind === 'close' && rules.instantMinutes > 0 ? rules.instantMinutes * 60 : -1;
  const maxS = rules.maxDays * 86_400;
  const rows = sel.rows;
  const nSel = sel.n;
  // Valid durations (seconds): in selection order first, then grouped by a counting sort.
  const valid = scratch(0, nSel);
  const validGroup = keys === null ? null : scratch(1, nSel);
  let m = 0;
  for (let k = 0; k < nSel; k++) {
    const g = keys === null ? 0 : keys[k];
    if (g < 0) continue;
    const s = col[rows[k]];
    const c = s === NULL ? 1 : s < 0 ? 3 : s > maxS ? 4 : s <= instant ? 2 : 0;
    counts[g * 5 + c]++;
    if (c === 0) {
      valid[m] = s;
      if (validGroup !== null) validGroup[m] = g;
      m++;
    }
  }
  const offsets = new Int32Array(size + 1);
  for (let g = 0; g < size; g++) offsets[g + 1] = offsets[g] + counts[g * 5];
  // min, max, sum per group while placing the values (saves intQuantiles a pass per group)
  const mins = new Float64Array(size).fill(Infinity);
  const maxs = new Float64Array(size).fill(-Infinity);
  const sums = new Float64Array(size);
  let values = valid.subarray(0, m);
  const fill = offsets.slice(0, size);
  if (validGroup !== null) values = scratch(2, m);
  for (let j = 0; j < m; j++) {
    const g = validGroup === null ? 0 : validGroup[j];
    const v = valid[j];
    if (validGroup !== null) values[fill[g]++] = v;
    sums[g] += v;
    if (v < mins[g]) mins[g] = v;
    if (v > maxs[g]) maxs[g] = v;
  }
  const rangeOf = (g: number): IntRange => ({ min: mins[g], max: maxs[g], sum: sums[g] });
  const edgesS = edges ? edges.map((h) => h * 3600) : null;
  // Histograms for the overall sample only (one group without keys, or the union of the groups).
  const stats = (lo: number, hi: number, exclusions: ExclusionCounts, withHistogram: boolean, range: IntRange): DurationStats => {
    const h = edgesS && withHistogram ? histogramInts(values, lo, hi, edgesS) : null;
    return { summary: summarizeInts(values, lo, hi, 3600, range), exclusions, histogram: h && { ...h, edges: [...edges!] } };
  };
  const groups: DurationStats[] = [];
  const all = emptyExclusions();
  for (let g = 0; g < size; g++) {
    const exclusions = emptyExclusions();
    CLASSES.forEach((c, i) => { exclusions[c] = counts[g * 5 + i]; all[c] += counts[g * 5 + i]; });
    groups.push(stats(offsets[g], offsets[g + 1], exclusions, keys === null, rangeOf(g)));
  }
  // The groups' values lie side by side: together they are the overall sample.
  let whole: IntRange = { min: Infinity, max: -Infinity, sum: 0 };
  for (let g = 0; g < size; g++) whole = { min: Math.min(whole.min, mins[g]), max: Math.max(whole.max, maxs[g]), sum: whole.sum + sums[g] };
  return { groups, overall: withOverall ? stats(0, offsets[size], all, true, whole) : null };
}

/**
 * Performance per group (`gk` null → one overall group). Groups with no rows are returned too (n = 0);
 * callers pick the ones they show.
 */
export function performance(cols: FactColumns, cats: CategoryIndex, sel: Selection, gk: GroupKeys | null, opts: PerformanceOptions): PerformanceSummary[] {
  return performanceCore(cols, cats, sel, gk, opts, false).groups;
}

/**
 * Performance per group and overall in one pass (the overall figures equal performance(…, null, …)
 * when every selected row has a group, as with dictionary and category dimensions).
 */
export function performanceWithOverall(cols: FactColumns, cats: CategoryIndex, sel: Selection, gk: GroupKeys, opts: PerformanceOptions): { overall: PerformanceSummary; groups: PerformanceSummary[] } {
  const keys = gk.keys;
  for (let k = 0; k < keys.length; k++) {
    if (keys[k] < 0) return { overall: performance(cols, cats, sel, null, opts)[0], groups: performance(cols, cats, sel, gk, opts) };
  }
  const r = performanceCore(cols, cats, sel, gk, opts, true);
  return { overall: r.overall!, groups: r.groups };
}

const noDurations = (): DurationStats => ({ summary: { n: 0, mean: null, median: null, p90: null, min: null, max: null }, exclusions: emptyExclusions(), histogram: null });

function performanceCore(cols: FactColumns, cats: CategoryIndex, sel: Selection, gk: GroupKeys | null, opts: PerformanceOptions, withOverall: boolean): { groups: PerformanceSummary[]; overall: PerformanceSummary | null } {
  const size = gk ? gk.size : 1;
  const keys = gk ? gk.keys : null;
  const edges = opts.histogramEdgesHours ?? DURATION_EDGES_HOURS;
  const resp = opts.skipResponse
    ? { groups: Array.from({ length: size }, noDurations), overall: noDurations() }
    : durationStats(cols.resp, sel, keys, size, opts.rules, 'response', edges, withOverall);
  const close = durationStats(cols.close, sel, keys, size, opts.rules, 'close', edges, withOverall);
  const limitS = limitTable(cats, opts.limits).map((h) => h * 3600);
  const nLimits = limitS.length;
  const defaultS = opts.limits.defaultHours * 3600;
  // Per group counters, flat: [n, onTime, late, overdueOpen, pending, excluded, transfers, withTransfer, rated, satisfied, satSum, repeat]
  const W = 12;
  const acc = new Float64Array(size * W);
  const instant = opts.rules.instantMinutes > 0 ? opts.rules.instantMinutes * 60 : -1;
  const maxS = opts.rules.maxDays * 86_400;
  const { close: closeCol, t, cat, transfers, sat } = cols;
  const repeat = opts.repeat ?? null;
  const asOfT = opts.asOfT;
  const rows = sel.rows;
  const nSel = sel.n;
  const unrated = NULL_SAT;
  for (let k = 0; k < nSel; k++) {
    const g = keys === null ? 0 : keys[k];
    if (g < 0) continue;
    const i = rows[k];
    const o = g * W;
    acc[o]++;
    const c = closeCol[i];
    const ci = cat[i];
    const limit = ci >= 0 && ci < nLimits ? limitS[ci] : defaultS;
    if (c === NULL) acc[o + ((asOfT - t[i]) > limit ? 3 : 4)]++;
    else if (c < 0 || c > maxS || c <= instant) acc[o + 5]++;
    else acc[o + (c <= limit ? 1 : 2)]++;
    const tr = transfers[i];
    if (tr > 0) { acc[o + 6] += tr; acc[o + 7]++; }
    const sv = sat[i];
    if (sv !== unrated) { acc[o + 8]++; acc[o + 10] += sv; if (sv >= 50) acc[o + 9]++; }
    if (repeat !== null && repeat[i] === 1) acc[o + 11]++;
  }
  const summary = (a: Float64Array, response: DurationStats, closing: DurationStats): PerformanceSummary => {
    const n = a[0];
    const onTime = { onTime: a[1], late: a[2], overdueOpen: a[3], pending: a[4], excluded: a[5] };
    return {
      n, response, close: closing,
      onTime: { ...onTime, rate: onTimeRate(onTime) },
      transfers: { total: a[6], withTransfer: a[7], mean: n ? a[6] / n : null },
      satisfaction: { rated: a[8], satisfied: a[9], rate: a[8] ? a[9] / a[8] : null, mean: a[8] ? a[10] / a[8] / 100 : null },
      repeat: repeat ? { count: a[11], rate: n ? a[11] / n : null } : null,
    };
  };
  const groups: PerformanceSummary[] = [];
  const total = new Float64Array(W);
  for (let g = 0; g < size; g++) {
    const a = acc.subarray(g * W, g * W + W);
    for (let j = 0; j < W; j++) total[j] += a[j];
    groups.push(summary(a, resp.groups[g], close.groups[g]));
  }
  return { groups, overall: withOverall ? summary(total, resp.overall!, close.overall!) : null };
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
