/** Dimensions the dashboard groups by, and the per-row group keys of a selection. */
import { DICT_DIMS, T_EPOCH_MS, type DictDim } from './columns';
import type { SelectContext, Selection } from './select';
import { bucketLabel, dayOf, dayToBucketIndex, GRANULARITIES, TZ_OFFSET_MS, type Granularity } from './time';

export const CATEGORY_DIMS = ['category1', 'category2', 'category3'] as const;
export const CYCLE_DIMS = ['hour', 'weekday'] as const;
export const DIMENSIONS = [...DICT_DIMS, ...CATEGORY_DIMS, ...GRANULARITIES, ...CYCLE_DIMS] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const isTimeDim = (d: Dimension): d is Granularity => (GRANULARITIES as readonly string[]).includes(d);
const isDictDim = (d: Dimension): d is DictDim => (DICT_DIMS as readonly string[]).includes(d);

export interface GroupKeys {
  /** Group index of each selected row (parallel to selection.rows). */
  keys: Int32Array;
  /** Number of groups (indices 0 … size−1). */
  size: number;
  /** Stable key of a group: the text value, the category id, the bucket label, the hour / weekday number. */
  key(g: number): string;
  /** Display name (category names, bucket labels; '' for empty values). */
  label(g: number): string;
  /** For time dimensions: the group's first local day. */
  startDay?(g: number): number;
}

/** Seconds since T_EPOCH → local day number, without going through ms for every row. */
const EPOCH_SHIFT_S = (T_EPOCH_MS + TZ_OFFSET_MS) / 1000;
export const localDayOfT = (t: number): number => Math.floor((t + EPOCH_SHIFT_S) / 86_400);

/** First and last local day over the selection (null when empty). */
export function dayRange(ctx: SelectContext, sel: Selection): { first: number; last: number } | null {
  if (sel.n === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  const { t } = ctx.cols;
  for (let k = 0; k < sel.n; k++) {
    const v = t[sel.rows[k]];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { first: localDayOfT(lo), last: localDayOfT(hi) };
}

/**
 * Group keys of each selected row along `dim`. Time dimensions bucket over `days` (default: the
 * selection's own range) so that empty buckets in between still get an index.
 */
export function groupKeys(ctx: SelectContext, sel: Selection, dim: Dimension, days?: { first: number; last: number } | null): GroupKeys {
  const { cols, dicts, cats } = ctx;
  const keys = new Int32Array(sel.n);
  const rows = sel.rows;
  if (isDictDim(dim)) {
    const codes = cols.codes[dim];
    for (let k = 0; k < sel.n; k++) keys[k] = codes[rows[k]];
    const dict = dicts[dim];
    return { keys, size: dict.length, key: (g) => dict[g] ?? '', label: (g) => dict[g] ?? '' };
  }
  if (dim === 'category1' || dim === 'category2' || dim === 'category3') {
    const at = cats.ancestorAt[Number(dim.slice(-1)) - 1];
    for (let k = 0; k < sel.n; k++) keys[k] = at[cols.cat[rows[k]]] ?? 0;
    return { keys, size: at.length, key: (g) => (g === 0 ? '' : String(g)), label: (g) => cats.nodes.get(g)?.name ?? '' };
  }
  if (dim === 'hour' || dim === 'weekday') {
    const t = cols.t;
    for (let k = 0; k < sel.n; k++) {
      const s = t[rows[k]] + EPOCH_SHIFT_S;
      keys[k] = dim === 'hour' ? Math.floor((((s % 86_400) + 86_400) % 86_400) / 3600) : ((((Math.floor(s / 86_400) + 3) % 7) + 7) % 7);
    }
    return { keys, size: dim === 'hour' ? 24 : 7, key: String, label: String };
  }
  const range = days ?? dayRange(ctx, sel) ?? { first: dayOf(Date.now()), last: dayOf(Date.now()) };
  const { starts, index } = dayToBucketIndex(range.first, range.last, dim);
  const t = cols.t;
  for (let k = 0; k < sel.n; k++) {
    const off = localDayOfT(t[rows[k]]) - range.first;
    keys[k] = off < 0 || off >= index.length ? -1 : index[off];
  }
  const labels = starts.map((s) => bucketLabel(s, dim));
  return { keys, size: starts.length, key: (g) => labels[g], label: (g) => labels[g], startDay: (g) => starts[g] };
}

/** Counts per weekday (0 = Monday) × local hour, flat [weekday × 24 + hour]: groupKeys' two keys in one pass. */
export function countHourWeekday(ctx: SelectContext, sel: Selection): Float64Array {
  const out = new Float64Array(7 * 24);
  const { t } = ctx.cols;
  const rows = sel.rows;
  const shift = EPOCH_SHIFT_S;
  for (let k = 0; k < sel.n; k++) {
    const s = t[rows[k]] + shift;
    const day = Math.floor(s / 86_400);
    out[((((day + 3) % 7) + 7) % 7) * 24 + Math.floor((s - day * 86_400) / 3600)]++;
  }
  return out;
}

/** Counts per group (rows with key −1 — outside a time range — are skipped). */
export function countByKey(gk: GroupKeys): Float64Array {
  const counts = new Float64Array(gk.size);
  const keys = gk.keys;
  for (let k = 0; k < keys.length; k++) if (keys[k] >= 0) counts[keys[k]]++;
  return counts;
}

/** Counts per pair of groups, as a flat matrix a × b. */
export function countByKeys2(a: GroupKeys, b: GroupKeys): Float64Array {
  const m = new Float64Array(a.size * b.size);
  for (let k = 0; k < a.keys.length; k++) {
    const x = a.keys[k];
    const y = b.keys[k];
    if (x >= 0 && y >= 0) m[x * b.size + y]++;
  }
  return m;
}
