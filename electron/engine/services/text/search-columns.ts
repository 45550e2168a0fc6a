/**
 * Counting a text search combined with other filters, and its facets: the matching ids of the FTS
 * postings are looked up in the in-memory statistics columns (services/stats) instead of the wide
 * `records` table (whose rows cost a page read each). Only filters the columns
 * answer exactly as filterToSql are taken (whole-second time bounds, no drawn area); anything else,
 * or columns that do not hold every matching record, returns null and the SQL plans apply.
 */
import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import { msToTCeil, type DictDim } from '../../../../shared/domain/stats/columns';
import type { Facets } from '../../../../shared/api/contract';
import { splitTextQuery, textHits } from '../../db/repos/records-fts';
import { assembleFacets, receivedRange } from '../../db/repos/records-facets';
import type { StatsData } from '../stats/cache';

const LIST_DIMS: Readonly<Record<string, DictDim>> = {
  sources: 'source', districts: 'district', departments: 'department', statuses: 'status',
  streets: 'street', communities: 'community', requestTypes: 'requestType', channels: 'channel',
};

function answerable(rest: Filter): boolean {
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    if (k === 'from' || k === 'to') { if ((v as number) % 1000 !== 0) return false; continue; }
    if (k === 'q' && typeof v === 'string' && v.trim() === '') continue;
    if (k !== 'categories' && !(k in LIST_DIMS)) return false;
  }
  return true;
}

const rowIndexes = new WeakMap<StatsData, Int32Array>();

/** Row of each record id in the columns (-1 when absent). */
function rowIndex(data: StatsData): Int32Array {
  let idx = rowIndexes.get(data);
  if (idx) return idx;
  const { id, n } = data.cols;
  let max = 0;
  for (let i = 0; i < n; i++) if (id[i] > max) max = id[i];
  idx = new Int32Array(max + 1).fill(-1);
  for (let i = 0; i < n; i++) idx[id[i]] = i;
  rowIndexes.set(data, idx);
  return idx;
}

/** Per-row test of `rest` on the columns (rest must be answerable). */
function rowTest(data: StatsData, rest: Filter): (row: number) => boolean {
  const { cols, dicts, cats } = data;
  const checks: { codes: ArrayLike<number>; allow: Uint8Array }[] = [];
  for (const [key, dim] of Object.entries(LIST_DIMS)) {
    const vals = (rest as Record<string, unknown>)[key];
    if (!Array.isArray(vals) || vals.length === 0) continue;
    const wanted = new Set(vals as string[]);
    const allow = new Uint8Array(dicts[dim].length);
    dicts[dim].forEach((v, code) => { if (code > 0 && wanted.has(v)) allow[code] = 1; });
    checks.push({ codes: cols.codes[dim], allow });
  }
  let catAllow: Uint8Array | null = null;
  if (rest.categories?.length) {
    const sel = new Set(rest.categories);
    const [a1, a2, a3] = cats.ancestorAt;
    catAllow = new Uint8Array(a1.length);
    // A record passes when its cat1, cat2 or cat3 is selected: the deepest category or one of its ancestors.
    for (let id = 1; id < a1.length; id++) if (sel.has(id) || sel.has(a1[id]) || sel.has(a2[id]) || sel.has(a3[id])) catAllow[id] = 1;
  }
  const lo = rest.from === undefined ? -Infinity : msToTCeil(rest.from);
  const hi = rest.to === undefined ? Infinity : msToTCeil(rest.to);
  const { t, cat } = cols;
  return (i) => {
    if (t[i] < lo || t[i] >= hi) return false;
    for (const c of checks) if (c.allow[c.codes[i]] !== 1) return false;
    return !catAllow || catAllow[cat[i]] === 1;
  };
}

/**
 * Whether the statistics columns can answer `filter` exactly (with a text query when `needQuery`);
 * callers then fetch the columns (see `handlers/records.ts`) and pass them to the functions below.
 */
export function columnsCanAnswer(filter: Filter, needQuery: boolean): boolean {
  const s = splitTextQuery(filter);
  const rest = s ? s.rest : filter;
  if (needQuery && (!s || Object.keys(s.rest).length === 0)) return false;
  if (!s && filter.q?.trim()) return false; // a query without letters or digits: SQL's LIKE scan
  return answerable(rest);
}

/**
 * Rows (in the columns) of the records matching a column-answerable filter, with or without a text
 * query (`needQuery`: only with one), or null.
 */
function matchingRows(db: Database.Database, data: StatsData, filter: Filter, needQuery: boolean): { data: StatsData; rows: Int32Array } | null {
  if (!columnsCanAnswer(filter, needQuery)) return null;
  const s = splitTextQuery(filter);
  const rest = s ? s.rest : filter;
  const test = rowTest(data, rest);
  if (!s) {
    const rows = new Int32Array(data.cols.n);
    let n = 0;
    for (let i = 0; i < data.cols.n; i++) if (test(i)) rows[n++] = i;
    return { data, rows: rows.subarray(0, n) };
  }
  const ids = textHits(db, s.q, s.match).ids;
  const rowOf = rowIndex(data);
  const rows = new Int32Array(ids.length);
  let n = 0;
  for (const id of ids) {
    const row = id < rowOf.length ? rowOf[id] : -1;
    if (row < 0) return null; // the columns lag behind the text index: leave it to SQL
    if (test(row)) rows[n++] = row;
  }
  return { data, rows: rows.subarray(0, n) };
}

/** Exact count of a text query with column-answerable filters, or null (use the SQL plans). */
export function countFromColumns(db: Database.Database, data: StatsData, filter: Filter): number | null {
  return matchingRows(db, data, filter, true)?.rows.length ?? null;
}

function tallyCodes(codes: ArrayLike<number>, rows: Int32Array, dict: readonly string[]): Map<string, number> {
  const counts = new Int32Array(dict.length);
  for (const i of rows) counts[codes[i]]++;
  const out = new Map<string, number>();
  // Code 0 is the empty value, which SQL leaves out of the groups (NULL).
  for (let c = 1; c < dict.length; c++) if (counts[c] > 0) out.set(dict[c], counts[c]);
  return out;
}

/**
 * The facets of a column-answerable filter, with or without a text query (as records.facets — eight
 * full scans of `records` in SQL, 20 s at 2,000,000 records), from the columns:
 * the groups by dictionary code, categories by the deepest category's ancestors, the exact receipt
 * range from the few records of the first and last second. Null when the SQL plans must answer.
 */
export function facetsFromColumns(db: Database.Database, data: StatsData, filter: Filter): Facets | null {
  const m = matchingRows(db, data, filter, false);
  if (!m) return null;
  const { data: { cols, dicts, cats }, rows } = m;
  const catCounts = new Map<number, number>();
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of rows) {
    for (const at of cats.ancestorAt) {
      const c = at[cols.cat[i]] ?? 0;
      if (c > 0) catCounts.set(c, (catCounts.get(c) ?? 0) + 1);
    }
    if (cols.t[i] < lo) lo = cols.t[i];
    if (cols.t[i] > hi) hi = cols.t[i];
  }
  const edge: number[] = [];
  for (const i of rows) if (cols.t[i] === lo || cols.t[i] === hi) edge.push(cols.id[i]);
  const range = rows.length ? receivedRange(db, edge) : { min: null, max: null };
  return assembleFacets(db, {
    sourceCounts: tallyCodes(cols.codes.source, rows, dicts.source), catCounts,
    districts: tallyCodes(cols.codes.district, rows, dicts.district), departments: tallyCodes(cols.codes.department, rows, dicts.department),
    statuses: tallyCodes(cols.codes.status, rows, dicts.status), min: range.min, max: range.max, total: rows.length,
  });
}
