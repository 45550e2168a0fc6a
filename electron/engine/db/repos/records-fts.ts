/**
 * The text-search part of the global filter answered from the FTS index alone: the ids of the records
 * matching `q` (bigram FTS postings ∪ the record whose ticket number is exactly `q`), as a sorted id
 * list and a bitset, cached per query and text-index version. Search paths (records-search.ts) use it
 * to count without touching the wide `records` table and to test rows with `ms_text_hit(handle, id)`.
 */
import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import { ftsMatchExpression } from '../../../../shared/domain/text/fts-query';

export const TEXT_HIT_FUNCTION = 'ms_text_hit';

/** A set of record ids usable in SQL through `ms_text_hit(handle, r.id)`. */
export interface IdSet {
  handle: number;
  /** Record ids, ascending. */
  ids: Int32Array;
  bits: Uint32Array;
  /** The ids as a JSON array (for `json_each`), built on first use. */
  json(): string;
}

/** A filter's text query with an FTS expression, and the rest of the filter; null when the plain SQL path applies. */
export function splitTextQuery(f: Filter): { q: string; match: string; rest: Filter } | null {
  const q = f.q?.trim();
  if (!q) return null;
  const match = ftsMatchExpression(q);
  if (!match) return null;
  const rest: Filter = { ...f };
  delete rest.q;
  return { q, match, rest };
}

/** The keys of a filter that constrain anything (set, and not an empty list). */
export const usedKeys = (f: Filter): string[] => Object.entries(f).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)).map(([k]) => k);

/** splitTextQuery when the text query is the filter's only constraint, else null. */
export function textOnly(f: Filter): { q: string; match: string } | null {
  const s = splitTextQuery(f);
  return s && usedKeys(s.rest).length === 0 ? s : null;
}

export function hasHit(bits: Uint32Array, id: number): boolean {
  return id >= 0 && id >>> 5 < bits.length && (bits[id >>> 5] & (1 << (id & 31))) !== 0;
}

interface HitState {
  /** Recent id sets (or "too large to list": null) by text-index version and key, oldest first. */
  cache: Map<string, IdSet | null>;
  bits: Map<number, Uint32Array>;
  /** Remaining `ms_text_hit` calls before the statement is aborted (see withBudget), or null. */
  budget: number | null;
}

const states = new WeakMap<Database.Database, HitState>();
let nextHandle = 1;
const KEPT = 12;

/** Thrown inside SQLite when a bounded scan ran out of budget. */
export const BUDGET_EXHAUSTED = 'ms_text_hit budget exhausted';

function stateOf(db: Database.Database): HitState {
  let st = states.get(db);
  if (st) return st;
  const state: HitState = { cache: new Map(), bits: new Map(), budget: null };
  db.function(TEXT_HIT_FUNCTION, { deterministic: true }, (handle: unknown, id: unknown) => {
    const bits = state.bits.get(handle as number);
    if (!bits) throw new Error('text search hits expired');
    if (state.budget !== null && --state.budget < 0) throw new Error(BUDGET_EXHAUSTED);
    return hasHit(bits, Number(id)) ? 1 : 0;
  });
  st = state;
  states.set(db, st);
  return st;
}

/**
 * Runs `fn` allowing at most `calls` evaluations of `ms_text_hit`; returns null when the budget ran
 * out (the caller then takes another plan).
 */
export function withBudget<T>(db: Database.Database, calls: number, fn: () => T): T | null {
  const st = stateOf(db);
  st.budget = calls;
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && e.message.includes(BUDGET_EXHAUSTED)) return null;
    throw e;
  } finally {
    st.budget = null;
  }
}

function idSet(st: HitState, ids: Int32Array, jsonText: string | null): IdSet {
  const max = ids.length ? ids[ids.length - 1] : 0;
  const bits = new Uint32Array((max >>> 5) + 1);
  for (const id of ids) bits[id >>> 5] |= 1 << (id & 31);
  const handle = nextHandle++;
  st.bits.set(handle, bits);
  let json = jsonText;
  return { handle, ids, bits, json: () => (json ??= `[${ids.join(',')}]`) };
}

/** Ascending ids from a JSON array of integers (SQLite's json_group_array: one value, not a row per id). */
export function idsFromJson(text: string | null | undefined): Int32Array {
  const ids = Int32Array.from(JSON.parse(text ?? '[]') as number[]);
  for (let i = 1; i < ids.length; i++) if (ids[i] < ids[i - 1]) return ids.sort();
  return ids;
}

/**
 * A cached id set of the connection for the current text-index version (bumped by every job that
 * changes records): `compute` gives the ascending ids, or null when there are too many to list.
 */
export function cachedIdSet(db: Database.Database, key: string, compute: () => Int32Array | { ids: Int32Array; json: string } | null): IdSet | null {
  const st = stateOf(db);
  const version = (db.prepare("SELECT value FROM meta WHERE key = 'text_version'").pluck().get() as string | undefined) ?? '0';
  const full = `${version}\u0000${key}`;
  if (st.cache.has(full)) {
    const hit = st.cache.get(full) ?? null;
    st.cache.delete(full);
    st.cache.set(full, hit);
    return hit;
  }
  const got = compute();
  const fresh = got && (got instanceof Int32Array ? idSet(st, got, null) : idSet(st, got.ids, got.json));
  st.cache.set(full, fresh);
  while (st.cache.size > KEPT) {
    const [oldKey, old] = st.cache.entries().next().value as [string, IdSet | null];
    st.cache.delete(oldKey);
    if (old) st.bits.delete(old.handle);
  }
  return fresh;
}

/**
 * The records matching a text query `q` (its FTS expression `match`): the FTS postings and the
 * records whose ticket number is exactly `q`, as filterToSql's q part selects them. The postings come
 * back as one JSON value (reading 300,000 rowids as rows costs several times more).
 */
export function textHits(db: Database.Database, q: string, match: string): IdSet {
  return cachedIdSet(db, `q\u0000${q}`, () => {
    const json = db.prepare('SELECT json_group_array(rowid) FROM (SELECT rowid FROM text_fts WHERE text_fts MATCH ? ORDER BY rowid)').pluck().get(match) as string;
    const fts = idsFromJson(json);
    const ext = (db.prepare('SELECT id FROM records WHERE source_code IN (SELECT code FROM sources) AND external_id = ?').pluck().all(q) as number[])
      .filter((id) => !hasHitIn(fts, id));
    if (ext.length === 0) return { ids: fts, json };
    const ids = new Int32Array(fts.length + ext.length);
    ids.set(fts);
    ids.set(ext, fts.length);
    return ids.sort();
  }) as IdSet;
}

function hasHitIn(sorted: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === id) return true;
    if (sorted[mid] < id) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}

/** Drops the connection's cached id sets (benchmarks measure the first search of a query). */
export function forgetIdSets(db: Database.Database): void {
  const st = states.get(db);
  if (!st) return;
  st.cache.clear();
  st.bits.clear();
}
