/**
 * SQL behind the detectors and hot spots: daily cells (leaf category × place × source × local day),
 * the category tree, the demo's injected events, per-area counts and the area polygons of the
 * newest district / street / community layers. Records join areas by their own district / street /
 * community text = feature name (until a record→feature assignment is used here).
 */
import type Database from 'better-sqlite3';
import type { Cell } from '../../../../shared/domain/surveillance/series';
import type { Filter } from '../../../../shared/model/filter';
import { filterToSql } from './filter-sql';

type Db = Database.Database;

/** Local (UTC+8) day number of r.received_at, in SQL. */
export const DAY_SQL = '((r.received_at + 28800000) / 86400000)';

function where(filter: Filter, extra: string[], extraParams: unknown[]): { sql: string; params: unknown[] } {
  const f = filterToSql(filter);
  const parts = [f.where.replace(/^WHERE /, ''), ...extra].filter(Boolean);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params: [...f.params, ...extraParams] };
}

const localDay = (ms: number): number => Math.floor((ms + 28_800_000) / 86_400_000);

export function readCells(db: Db, filter: Filter, fromDay?: number, toDay?: number): Cell[] {
  const extra: string[] = [];
  const ps: unknown[] = [];
  if (fromDay !== undefined) { extra.push('r.received_at >= ?'); ps.push(fromDay * 86_400_000 - 28_800_000); }
  if (toDay !== undefined) { extra.push('r.received_at < ?'); ps.push(toDay * 86_400_000 - 28_800_000); }
  const w = where(filter, extra, ps);
  const rows = db.prepare(`SELECT r.cat1_id, r.cat2_id, r.cat3_id, r.district, r.street, r.community, r.source_code, ${DAY_SQL}, count(*)
    FROM records r ${w.sql} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`).raw().all(...w.params) as [number | null, number | null, number | null, string | null, string | null, string | null, string, number, number][];
  return rows.map((r) => ({ cats: [r[0], r[1], r[2]], district: r[3], street: r[4], community: r[5], source: r[6], day: r[7], count: r[8] }));
}

/** First and last local day with records under the filter. */
export function dayRange(db: Db, filter: Filter): { first: number; last: number } | null {
  const w = where(filter, [], []);
  const r = db.prepare(`SELECT min(r.received_at) AS lo, max(r.received_at) AS hi FROM records r ${w.sql}`).get(...w.params) as { lo: number | null; hi: number | null };
  if (r.lo === null || r.hi === null) return null;
  return { first: localDay(r.lo), last: localDay(r.hi) };
}

/** Local days spanned by one import batch's records. */
export function batchDayRange(db: Db, batchId: number): { first: number; last: number } | null {
  const r = db.prepare('SELECT min(received_at) AS lo, max(received_at) AS hi FROM records WHERE batch_id = ?').get(batchId) as { lo: number | null; hi: number | null };
  if (r.lo === null || r.hi === null) return null;
  return { first: localDay(r.lo), last: localDay(r.hi) };
}

export interface CategoryNode { id: number; parentId: number | null; level: number; name: string }

export function categoryTree(db: Db): Map<number, CategoryNode> {
  const rows = db.prepare('SELECT id, parent_id AS parentId, level, name FROM categories').all() as CategoryNode[];
  return new Map(rows.map((r) => [r.id, r]));
}

export interface DemoEventRow { id: number; cat3Id: number; district: string; street: string; community: string; startAt: number; endAt: number; description: string }

export function demoEvents(db: Db): DemoEventRow[] {
  return db.prepare('SELECT id, cat3_id AS cat3Id, district, street, community, start_at AS startAt, end_at AS endAt, description FROM demo_events ORDER BY start_at').all() as DemoEventRow[];
}

/** Counts per area path at a level under the filter. */
export function areaCounts(db: Db, filter: Filter, depth: 1 | 2 | 3): { path: string[]; count: number }[] {
  const cols = ['r.district', 'r.street', 'r.community'].slice(0, depth);
  const w = where(filter, cols.map((c) => `${c} IS NOT NULL`), []);
  const rows = db.prepare(`SELECT ${cols.join(', ')}, count(*) FROM records r ${w.sql} GROUP BY ${cols.map((_, i) => i + 1).join(', ')}`).raw().all(...w.params) as (string | number)[][];
  return rows.map((r) => ({ path: r.slice(0, depth) as string[], count: r[depth] as number }));
}

/** Daily counts per area path (for emerging hot spots), days [fromDay, toDay). */
export function areaDayCounts(db: Db, filter: Filter, depth: 1 | 2 | 3, fromDay: number, toDay: number): { path: string[]; day: number; count: number }[] {
  const cols = ['r.district', 'r.street', 'r.community'].slice(0, depth);
  const w = where(filter, [...cols.map((c) => `${c} IS NOT NULL`), 'r.received_at >= ?', 'r.received_at < ?'], [fromDay * 86_400_000 - 28_800_000, toDay * 86_400_000 - 28_800_000]);
  const rows = db.prepare(`SELECT ${cols.join(', ')}, ${DAY_SQL}, count(*) FROM records r ${w.sql} GROUP BY ${cols.map((_, i) => i + 1).join(', ')}, ${depth + 1}`).raw().all(...w.params) as (string | number)[][];
  return rows.map((r) => ({ path: r.slice(0, depth) as string[], day: r[depth] as number, count: r[depth + 1] as number }));
}

export interface AreaFeature { name: string; path: string[]; geometry: { type: string; coordinates: unknown } }

/** The newest layer's polygons for district, street and community, with each feature's name path. */
export function areaFeatures(db: Db, depth: 1 | 2 | 3): AreaFeature[] {
  const kinds = ['district', 'street', 'community'];
  const layers = kinds.map((k) => (db.prepare('SELECT max(id) AS id FROM layers WHERE kind = ?').get(k) as { id: number | null }).id);
  const byCode = new Map<string, { name: string; parent: string | null }>();
  const rowsOf = (layerId: number | null) => (layerId === null ? [] : db.prepare('SELECT code, name, parent_code AS parent, geometry_json AS g FROM features WHERE layer_id = ?').all(layerId) as { code: string | null; name: string | null; parent: string | null; g: string }[]);
  for (let k = 0; k < depth - 1; k++) for (const r of rowsOf(layers[k])) if (r.code && r.name) byCode.set(r.code, { name: r.name, parent: r.parent });
  const out: AreaFeature[] = [];
  for (const r of rowsOf(layers[depth - 1])) {
    if (!r.name) continue;
    const path = [r.name];
    let parent = r.parent;
    while (parent && path.length < depth) { const p = byCode.get(parent); if (!p) break; path.unshift(p.name); parent = p.parent; }
    if (path.length !== depth) continue;
    out.push({ name: r.name, path, geometry: JSON.parse(r.g) });
  }
  return out;
}

/** Titles and contents of records selected by a filter (for an alert's keywords), at most `limit`. */
export function textsOf(db: Db, filter: Filter, limit: number): string[] {
  const w = where(filter, [], []);
  return (db.prepare(`SELECT coalesce(r.title, '') || ' ' || coalesce(substr(r.content, 1, 200), '') FROM records r ${w.sql} ORDER BY r.received_at DESC LIMIT ?`).raw().all(...w.params, limit) as string[][]).map((r) => r[0]);
}
