import type Database from 'better-sqlite3';
import type { Facets } from '../../../../shared/api/contract';
import type { Filter } from '../../../../shared/model/filter';
import { filterToSql } from './filter-sql';
import { candidateFacets } from './records-facets';
import { RecordsSearch, type SearchTuning } from './records-search';
import type { RecordPageRow, RecordSortField, RecordsRepository } from './types';

const SORT_COLUMNS: Record<RecordSortField, string> = {
  receivedAt: 'r.received_at', closedAt: 'r.closed_at', district: 'r.district',
  department: 'r.department', status: 'r.status', satisfaction: 'r.satisfaction',
};

const PAGE_COLUMNS = `r.id, r.external_id AS externalId, r.source_code AS sourceCode, r.received_at AS receivedAt, r.closed_at AS closedAt,
  c1.name AS cat1, c2.name AS cat2, c3.name AS cat3, r.district, r.street, r.community, r.department, r.status,
  r.satisfaction, r.title, r.lon, r.lat`;
const CATEGORY_JOINS = `LEFT JOIN categories c1 ON c1.id = r.cat1_id
  LEFT JOIN categories c2 ON c2.id = r.cat2_id
  LEFT JOIN categories c3 ON c3.id = r.cat3_id`;

/** ORDER BY of a records page (ties by id). */
export function pageOrder(sort?: { field: RecordSortField; dir: 'asc' | 'desc' }): string {
  return sort ? `${SORT_COLUMNS[sort.field]} ${sort.dir === 'asc' ? 'ASC' : 'DESC'}, r.id` : 'r.received_at DESC, r.id';
}

/**
 * Records through the global filter. Filters with a text query take the plans of RecordsSearch
 * (the FTS postings instead of reading every matching row); the `plain*` methods are the reference
 * SQL the tests compare them with.
 */
export class SqliteRecordsRepository implements RecordsRepository {
  private readonly search: RecordsSearch;

  constructor(private readonly db: Database.Database, tuning?: SearchTuning) {
    this.search = new RecordsSearch(db, tuning);
  }

  count(filter: Filter): number {
    return this.search.count(filter) ?? this.plainCount(filter);
  }

  facets(filter: Filter): Facets {
    const c = this.search.candidates(filter);
    return c ? candidateFacets(this.db, c) : this.plainFacets(filter);
  }

  page(filter: Filter, offset: number, limit: number, sort?: { field: RecordSortField; dir: 'asc' | 'desc' }): RecordPageRow[] {
    const ids = this.search.pageIds(filter, pageOrder(sort), offset, limit);
    return ids ? this.rowsById(ids) : this.plainPage(filter, offset, limit, sort);
  }

  /** Page rows of these records, in this order. */
  rowsById(ids: readonly number[]): RecordPageRow[] {
    if (ids.length === 0) return [];
    const rows = this.db.prepare(`SELECT ${PAGE_COLUMNS} FROM json_each(?) j CROSS JOIN records r ON r.id = j.value ${CATEGORY_JOINS}`)
      .all(JSON.stringify(ids)) as RecordPageRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is RecordPageRow => r !== undefined);
  }

  plainCount(filter: Filter): number {
    const { where, params } = filterToSql(filter);
    return (this.db.prepare(`SELECT count(*) AS n FROM records r ${where}`).get(...params) as { n: number }).n;
  }

  plainFacets(filter: Filter): Facets {
    const { where, params } = filterToSql(filter);
    const group = (col: string) =>
      this.db.prepare(`SELECT ${col} AS name, count(*) AS count FROM records r ${where} GROUP BY ${col} HAVING ${col} IS NOT NULL ORDER BY count DESC`)
        .all(...params) as { name: string; count: number }[];
    const sources = this.db.prepare(
      `SELECT s.code, s.name, count(r.id) AS count FROM sources s LEFT JOIN records r ON r.source_code = s.code ${where ? where.replace('WHERE', 'AND') : ''} GROUP BY s.code ORDER BY count DESC`,
    ).all(...params) as Facets['sources'];
    const catCounts = new Map<number, number>();
    for (const level of [1, 2, 3]) {
      const rows = this.db.prepare(`SELECT r.cat${level}_id AS id, count(*) AS n FROM records r ${where} GROUP BY r.cat${level}_id`).all(...params) as { id: number | null; n: number }[];
      for (const row of rows) if (row.id !== null) catCounts.set(row.id, row.n);
    }
    const categories = (this.db.prepare('SELECT id, parent_id AS parentId, level, name FROM categories ORDER BY code').all() as Omit<Facets['categories'][number], 'count'>[])
      .map((c) => ({ ...c, count: catCounts.get(c.id) ?? 0 }));
    const range = this.db.prepare(`SELECT min(r.received_at) AS min, max(r.received_at) AS max, count(*) AS total FROM records r ${where}`).get(...params) as { min: number | null; max: number | null; total: number };
    return {
      sources, categories,
      districts: group('r.district'), departments: group('r.department'), statuses: group('r.status'),
      timeRange: { min: range.min, max: range.max }, total: range.total,
    };
  }

  plainPage(filter: Filter, offset: number, limit: number, sort?: { field: RecordSortField; dir: 'asc' | 'desc' }): RecordPageRow[] {
    const { where, params } = filterToSql(filter);
    return this.db.prepare(`SELECT ${PAGE_COLUMNS} FROM records r ${CATEGORY_JOINS} ${where} ORDER BY ${pageOrder(sort)} LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as RecordPageRow[];
  }
}
