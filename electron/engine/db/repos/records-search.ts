/**
 * Fast plans for filters with a text query (`q`). The plain SQL of filterToSql answers `q` with
 * `r.id IN (FTS postings)`, which makes SQLite look up every matching row of the wide `records`
 * table — seconds for common terms at 2,000,000 records. Here the postings are read once per query
 * (records-fts.ts, cached) and each question picks a cheaper driver:
 * - q alone: the posting list is the answer (count without touching `records`);
 * - q with an indexed filter (dates, districts, departments, sources): that filter's ids, listed
 *   through its index, tested against the postings bitset — unless there are too many of them;
 * - otherwise the postings joined to `records` with the other filter's WHERE;
 * - pages in receipt order: a walk down the receipt-time index testing the bitset (and the other
 *   filter), stopped after a budget of rows so that a sparse match falls back to sorting the matches.
 * Results are exactly those of the plain SQL (tests/contract/records-search.test.ts compares them).
 */
import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import { filterToSql } from './filter-sql';
import { cachedIdSet, hasHit, idsFromJson, splitTextQuery, textHits, usedKeys, withBudget, TEXT_HIT_FUNCTION, type IdSet } from './records-fts';

/** Rows of `records r` a plan reads, as FROM … [WHERE …] selecting exactly the rows matching the filter. */
export interface Candidates {
  from: string;
  params: unknown[];
  /** The matching ids when they are known (q alone, or listed through the other filter's index). */
  exact: IdSet | null;
}

/** Filter keys with an index on `records` (the other filter is listed through it). */
const INDEXED = new Set(['from', 'to', 'districts', 'departments', 'sources']);
const JOIN = 'FROM json_each(?) j CROSS JOIN records r ON r.id = j.value';

/** Cost knobs of the plans (tests force each plan with extreme values). */
export interface SearchTuning {
  /** Rows of the other filter listed before giving up on intersecting in memory: max(restMin, matches × restPerHit). */
  restMin: number;
  restPerHit: number;
  /** Index rows the ordered walk may test per matching record (instead of looking each one up). */
  walkPerHit: number;
}

export const DEFAULT_TUNING: SearchTuning = { restMin: 20_000, restPerHit: 4, walkPerHit: 8 };

export class RecordsSearch {
  constructor(private readonly db: Database.Database, private readonly tuning: SearchTuning = DEFAULT_TUNING) {}

  private recordCount(): number {
    return (this.db.prepare('SELECT max(id) FROM records').pluck().get() as number | null) ?? 0;
  }

  /** Ids matching `rest` and the postings, ascending, or null when `rest` has more than `limit` records. */
  private intersection(rest: Filter, hits: IdSet, limit: number): Int32Array | null {
    const { where, params } = filterToSql(rest);
    const ids = idsFromJson(this.db.prepare(`SELECT json_group_array(id) FROM (SELECT r.id FROM records r ${where} LIMIT ?)`).pluck().get(...params, limit + 1) as string);
    if (ids.length > limit) return null;
    return ids.filter((id) => hasHit(hits.bits, id));
  }

  /**
   * The rows matching a filter with a text query; null when the filter has no FTS-answerable query
   * (the plain SQL applies).
   */
  candidates(f: Filter): Candidates | null {
    const s = splitTextQuery(f);
    if (!s) return null;
    const hits = textHits(this.db, s.q, s.match);
    const keys = usedKeys(s.rest);
    if (keys.length === 0) return { from: JOIN, params: [hits.json()], exact: hits };
    if (keys.some((k) => INDEXED.has(k))) {
      const limit = Math.max(this.tuning.restMin, hits.ids.length * this.tuning.restPerHit);
      const both = cachedIdSet(this.db, `f\u0000${limit}\u0000${JSON.stringify(f)}`, () => this.intersection(s.rest, hits, limit));
      if (both) return { from: JOIN, params: [both.json()], exact: both };
    }
    const { where, params } = filterToSql(s.rest);
    return { from: `${JOIN} ${where}`, params: [hits.json(), ...params], exact: null };
  }

  /** Exact count of a filter with a text query, or null for the plain SQL path. */
  count(f: Filter): number | null {
    const c = this.candidates(f);
    if (!c) return null;
    return c.exact ? c.exact.ids.length : this.db.prepare(`SELECT count(*) ${c.from}`).pluck().get(...c.params) as number;
  }

  /**
   * Ids of one page of a filter with a text query in the given order (an ORDER BY over `records r`
   * ending in r.id), or null for the plain SQL path.
   */
  pageIds(f: Filter, order: string, offset: number, limit: number): number[] | null {
    const c = this.candidates(f);
    if (!c) return null;
    if (/^r\.received_at (ASC|DESC), r\.id$/.test(order)) {
      const s = splitTextQuery(f);
      const walked = c.exact ? this.walk({}, c.exact, order, offset, limit)
        : s ? this.walk(s.rest, textHits(this.db, s.q, s.match), order, offset, limit) : null;
      if (walked) return walked;
    }
    return this.db.prepare(`SELECT r.id ${c.from} ORDER BY ${order} LIMIT ? OFFSET ?`).pluck().all(...c.params, limit, offset) as number[];
  }

  /**
   * The page read in order from the receipt-time index, testing each row against `set` (and `rest`);
   * null when it would test more rows than `walkPerHit` per id of the set.
   */
  private walk(rest: Filter, set: IdSet, order: string, offset: number, limit: number): number[] | null {
    const n = set.ids.length;
    if (n === 0) return [];
    const budget = n * this.tuning.walkPerHit;
    if (((offset + limit) * this.recordCount()) / n > budget) return null;
    // The bitset test comes first so that SQLite reads the table only for rows that match the text.
    const { where, params } = filterToSql(rest);
    const sql = `SELECT r.id FROM records r INDEXED BY records_received WHERE ${TEXT_HIT_FUNCTION}(?, r.id) = 1 ${where.replace('WHERE', 'AND')} ORDER BY ${order} LIMIT ? OFFSET ?`;
    return withBudget(this.db, budget, () => this.db.prepare(sql).pluck().all(set.handle, ...params, limit, offset) as number[]);
  }
}
