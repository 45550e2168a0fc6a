/**
 * Row selection over FactColumns: the global filter compiled to lookup tables, then one pass that
 * returns the indices of matching rows.
 */
import type { Filter } from '../../model/filter';
import { pointInArea } from '../geo/area';
import { msToTCeil, type CategoryIndex, type Dictionaries, type DictDim, type FactColumns } from './columns';

/** Filter keys answered from the columns; any other key is answered by the engine (SQL) as a set of ids. */
const LIST_DIMS: Readonly<Record<string, DictDim>> = {
  sources: 'source', districts: 'district', departments: 'department', statuses: 'status',
  streets: 'street', communities: 'community', requestTypes: 'requestType', channels: 'channel',
};
const NATIVE_KEYS = new Set(['from', 'to', 'categories', 'area', ...Object.keys(LIST_DIMS)]);

/** The part of a filter the columns cannot answer (text search, areas…), or null when there is none. */
export function residualFilter(f: Filter): Filter | null {
  const rest: Record<string, unknown> = {};
  let any = false;
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || NATIVE_KEYS.has(k)) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    rest[k] = v;
    any = true;
  }
  return any ? (rest as Filter) : null;
}

export interface Selection {
  /** Indices of matching rows, ascending. */
  rows: Uint32Array;
  /** Number of matching rows (rows.length). */
  n: number;
}

export interface SelectContext {
  cols: FactColumns;
  dicts: Dictionaries;
  cats: CategoryIndex;
}

/** Extra conditions the caller adds to the filter (e.g. "only this category" for a drill-down). */
export interface SelectOptions {
  /** Overrides the filter's time range, in epoch ms ([from, to)). */
  from?: number;
  to?: number;
  /** Only rows whose record id is in this set (the engine's answer to the residual filter). */
  ids?: ReadonlySet<number> | null;
}

function allowTable(dict: readonly string[], values: readonly string[]): Uint8Array {
  const allow = new Uint8Array(dict.length);
  const wanted = new Set(values);
  dict.forEach((v, code) => { if (code > 0 && wanted.has(v)) allow[code] = 1; });
  return allow;
}

/** Leaf-category table: a row passes when its category or any ancestor is selected (as the SQL filter does). */
function categoryTable(cats: CategoryIndex, selected: readonly number[]): Uint8Array {
  const size = cats.ancestorAt[0].length;
  const allow = new Uint8Array(size);
  const sel = new Set(selected);
  for (let id = 1; id < size; id++) {
    if (sel.has(id) || sel.has(cats.ancestorAt[0][id]) || sel.has(cats.ancestorAt[1][id]) || sel.has(cats.ancestorAt[2][id])) allow[id] = 1;
  }
  return allow;
}

/** Indices of the rows matching the native part of `f` (and `opts`). */
export function selectRows(ctx: SelectContext, f: Filter, opts: SelectOptions = {}): Selection {
  const { cols, dicts } = ctx;
  const fromMs = opts.from ?? f.from;
  const toMs = opts.to ?? f.to;
  const lo = fromMs === undefined ? -Infinity : msToTCeil(fromMs);
  const hi = toMs === undefined ? Infinity : msToTCeil(toMs);
  const checks: { codes: Uint16Array | Int32Array; allow: Uint8Array }[] = [];
  const fr = f as Record<string, unknown>;
  for (const [key, dim] of Object.entries(LIST_DIMS)) {
    const vals = fr[key];
    if (Array.isArray(vals) && vals.length) checks.push({ codes: cols.codes[dim], allow: allowTable(dicts[dim], vals as string[]) });
  }
  const catAllow = f.categories?.length ? categoryTable(ctx.cats, f.categories) : null;
  const ids = opts.ids ?? null;
  const area = f.area ?? null;
  // Area filters read coordinates (loaded on first use); records without them drop out, as in SQL.
  const lon = area ? cols.lon : undefined;
  const lat = area ? cols.lat : undefined;
  const { t, alive, cat, id } = cols;
  const out = new Uint32Array(cols.n);
  let k = 0;
  const nc = checks.length;
  outer: for (let i = 0; i < cols.n; i++) {
    if (alive[i] === 0) continue;
    const ti = t[i];
    if (ti < lo || ti >= hi) continue;
    for (let c = 0; c < nc; c++) if (checks[c].allow[checks[c].codes[i]] !== 1) continue outer;
    if (catAllow && catAllow[cat[i]] !== 1) continue;
    if (ids && !ids.has(id[i])) continue;
    if (area && (lon === undefined || lat === undefined || Number.isNaN(lon[i]) || Number.isNaN(lat[i]) || !pointInArea(lon[i], lat[i], area))) continue;
    out[k++] = i;
  }
  // A small selection is copied out, so that cached selections do not each hold a full-size buffer.
  return { rows: k < cols.n / 2 ? out.slice(0, k) : out.subarray(0, k), n: k };
}
