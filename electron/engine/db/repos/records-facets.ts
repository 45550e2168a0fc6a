/** Facets of a filter with a text query in one pass over the matching rows (see records-search.ts). */
import type Database from 'better-sqlite3';
import type { Facets } from '../../../../shared/api/contract';
import type { Candidates } from './records-search';

interface FacetRow { s: string; d: string | null; p: string | null; st: string | null; c1: number | null; c2: number | null; c3: number | null; t: number }

function tally<K>(m: Map<K, number>, k: K | null): void {
  if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
}

/** Groups by count, most first (ties by name, as SQL leaves them unordered). */
function groups(m: Map<string, number>): { name: string; count: number }[] {
  return [...m].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The same facets as SqliteRecordsRepository.facets, read from `c`'s rows once. */
export function candidateFacets(db: Database.Database, c: Candidates): Facets {
  const districts = new Map<string, number>();
  const departments = new Map<string, number>();
  const statuses = new Map<string, number>();
  const sourceCounts = new Map<string, number>();
  const catCounts = new Map<number, number>();
  let min: number | null = null;
  let max: number | null = null;
  let total = 0;
  const stmt = db.prepare(`SELECT r.source_code AS s, r.district AS d, r.department AS p, r.status AS st, r.cat1_id AS c1, r.cat2_id AS c2, r.cat3_id AS c3, r.received_at AS t ${c.from}`);
  for (const r of stmt.iterate(...c.params) as IterableIterator<FacetRow>) {
    total++;
    tally(districts, r.d); tally(departments, r.p); tally(statuses, r.st); tally(sourceCounts, r.s);
    tally(catCounts, r.c1); tally(catCounts, r.c2); tally(catCounts, r.c3);
    if (min === null || r.t < min) min = r.t;
    if (max === null || r.t > max) max = r.t;
  }
  return assembleFacets(db, { sourceCounts, catCounts, districts, departments, statuses, min, max, total });
}

/** Tallies of the matching rows (by source code, category id, names) and their receipt range. */
export interface FacetTallies {
  sourceCounts: Map<string, number>;
  catCounts: Map<number, number>;
  districts: Map<string, number>;
  departments: Map<string, number>;
  statuses: Map<string, number>;
  min: number | null;
  max: number | null;
  total: number;
}

/** Facets from tallies: every source and category of the project with its count. */
export function assembleFacets(db: Database.Database, t: FacetTallies): Facets {
  const sources = (db.prepare('SELECT code, name FROM sources').all() as { code: string; name: string }[])
    .map((s) => ({ ...s, count: t.sourceCounts.get(s.code) ?? 0 }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const categories = (db.prepare('SELECT id, parent_id AS parentId, level, name FROM categories ORDER BY code').all() as Omit<Facets['categories'][number], 'count'>[])
    .map((cat) => ({ ...cat, count: t.catCounts.get(cat.id) ?? 0 }));
  return {
    sources, categories, districts: groups(t.districts), departments: groups(t.departments), statuses: groups(t.statuses),
    timeRange: { min: t.min, max: t.max }, total: t.total,
  };
}

/** Earliest and latest receipt (epoch ms) among these records. */
export function receivedRange(db: Database.Database, ids: readonly number[]): { min: number | null; max: number | null } {
  return db.prepare('SELECT min(r.received_at) AS min, max(r.received_at) AS max FROM json_each(?) j CROSS JOIN records r ON r.id = j.value')
    .get(JSON.stringify(ids)) as { min: number | null; max: number | null };
}
