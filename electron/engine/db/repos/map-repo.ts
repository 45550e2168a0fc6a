import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import { textHits, textOnly } from './records-fts';
import { filterToSql } from './filter-sql';

/** Columns of a located record the map keeps in memory, in this order (see services/map/chunk-codec.ts). */
export const MAP_DIM_COLUMNS = ['source_code', 'district', 'street', 'community', 'department', 'status', 'request_type', 'channel'] as const;
export type MapDim = typeof MAP_DIM_COLUMNS[number];
/** A record row as read for the map: id, received_at, lon, lat, cat1..3, then MAP_DIM_COLUMNS. */
export type MapRawRow = [number, number, number, number, number | null, number | null, number | null, ...(string | null)[]];

const LOCATED = "lon IS NOT NULL AND lat IS NOT NULL AND location_status IN ('coordinates', 'geocoded')";
const SELECT = `SELECT id, received_at, lon, lat, cat1_id, cat2_id, cat3_id, ${MAP_DIM_COLUMNS.join(', ')} FROM records`;

export interface MapLayerRow { id: number; name: string; kind: string; geometryType: string; features: number; synthetic: boolean; bbox: [number, number, number, number] | null }
export interface MapFeatureRow { id: number; code: string | null; name: string | null; parentCode: string | null; props: string | null; geometry: string }

/** All SQL of the map: located-record chunks, layers for drawing, and the residual filter. */
export class SqliteMapRepository {
  constructor(readonly db: Database.Database) {}

  /** Located records of one batch (or all), as raw arrays in MapRawRow order. */
  locatedRows(batchId: number | null): IterableIterator<MapRawRow> {
    const sql = batchId === null ? `${SELECT} WHERE ${LOCATED}` : `${SELECT} WHERE batch_id = ? AND ${LOCATED}`;
    const stmt = this.db.prepare(sql).raw();
    return (batchId === null ? stmt.iterate() : stmt.iterate(batchId)) as IterableIterator<MapRawRow>;
  }

  /** Located records with id > after, in id order: a page for incremental loading. */
  locatedPage(after: number, limit: number): MapRawRow[] {
    return this.db.prepare(`${SELECT} WHERE id > ? AND ${LOCATED} ORDER BY id LIMIT ?`).raw().all(after, limit) as MapRawRow[];
  }

  locatedCountOfBatch(batchId: number): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM records WHERE batch_id = ? AND ${LOCATED}`).get(batchId) as { n: number }).n;
  }

  batchUpdatedCount(batchId: number): number {
    const r = this.db.prepare('SELECT updated FROM batches WHERE id = ?').get(batchId) as { updated: number } | undefined;
    return r?.updated ?? 0;
  }

  batchIdsWithRecords(): number[] {
    return (this.db.prepare('SELECT id FROM batches WHERE id IN (SELECT DISTINCT batch_id FROM records) ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  }

  /** One part of a batch's chunk (parts concatenate in order). */
  writeChunk(batchId: number, rows: number, builtAt: number, data: Uint8Array, part = 0): void {
    this.db.prepare('INSERT OR REPLACE INTO map_chunks (batch_id, part, rows, built_at, data) VALUES (?, ?, ?, ?, ?)').run(batchId, part, rows, builtAt, data);
  }

  deleteChunk(batchId: number): void {
    this.db.prepare('DELETE FROM map_chunks WHERE batch_id = ?').run(batchId);
  }

  deleteAllChunks(): void {
    this.db.prepare('DELETE FROM map_chunks').run();
  }

  chunkRows(): { batchId: number; rows: number }[] {
    return this.db.prepare('SELECT batch_id AS batchId, sum(rows) AS rows FROM map_chunks GROUP BY batch_id ORDER BY batch_id').all() as { batchId: number; rows: number }[];
  }

  /** Changes whenever a chunk is written or removed. */
  chunkSignature(): string {
    const r = this.db.prepare("SELECT count(*) AS n, coalesce(group_concat(batch_id || '.' || part || ':' || built_at || ':' || rows, ','), '') AS s FROM map_chunks").get() as { n: number; s: string };
    return `${r.n}|${r.s}`;
  }

  readChunks(): Buffer[] {
    return (this.db.prepare('SELECT data FROM map_chunks ORDER BY batch_id, part').all() as { data: Buffer }[]).map((r) => r.data);
  }

  hasRecords(): boolean {
    return this.db.prepare('SELECT 1 FROM records LIMIT 1').get() !== undefined;
  }

  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** Ids of the records matching a filter (used only for filter parts the in-memory index cannot test, e.g. text). */
  matchingIds(filter: Filter): Int32Array {
    // A text query alone: the full-text index's hit set, without reading the matching rows of `records`.
    const text = textOnly(filter);
    if (text) return textHits(this.db, text.q, text.match).ids.slice();
    const { where, params } = filterToSql(filter);
    const ids = this.db.prepare(`SELECT r.id FROM records r ${where}`).pluck().all(...params) as number[];
    return Int32Array.from(ids);
  }

  /** Popup rows of the given records, newest first. */
  recordDetails(ids: readonly number[]): Record<string, unknown>[] {
    if (!ids.length) return [];
    return this.db.prepare(`SELECT r.id, r.external_id AS externalId, r.received_at AS receivedAt, r.status, c.name AS category, r.title, r.content,
        r.address, r.community, r.department
      FROM records r LEFT JOIN categories c ON c.id = coalesce(r.cat3_id, r.cat2_id, r.cat1_id)
      WHERE r.id IN (${ids.map(() => '?').join(',')}) ORDER BY r.received_at DESC, r.id DESC`).all(...ids) as Record<string, unknown>[];
  }

  categoryNames(): Map<number, { name: string; level: number; parentId: number | null }> {
    const rows = this.db.prepare('SELECT id, name, level, parent_id AS parentId FROM categories').all() as { id: number; name: string; level: number; parentId: number | null }[];
    return new Map(rows.map((r) => [r.id, { name: r.name, level: r.level, parentId: r.parentId }]));
  }

  layers(): MapLayerRow[] {
    const rows = this.db.prepare(`SELECT l.id, l.name, l.kind, l.geometry_type AS geometryType, l.synthetic, count(f.id) AS features,
        min(f.min_x) AS x0, min(f.min_y) AS y0, max(f.max_x) AS x1, max(f.max_y) AS y1
      FROM layers l LEFT JOIN features f ON f.layer_id = l.id GROUP BY l.id ORDER BY l.id`).all() as
      { id: number; name: string; kind: string; geometryType: string; synthetic: number; features: number; x0: number | null; y0: number | null; x1: number | null; y1: number | null }[];
    return rows.map((r) => ({
      id: r.id, name: r.name, kind: r.kind, geometryType: r.geometryType, features: r.features, synthetic: r.synthetic === 1,
      bbox: r.x0 === null || r.y0 === null || r.x1 === null || r.y1 === null ? null : [r.x0, r.y0, r.x1, r.y1],
    }));
  }

  layerFeatures(layerId: number): MapFeatureRow[] {
    return this.db.prepare(`SELECT id, code, name, parent_code AS parentCode, props_json AS props, geometry_json AS geometry
      FROM features WHERE layer_id = ? ORDER BY id`).all(layerId) as MapFeatureRow[];
  }

  layerKind(layerId: number): string | null {
    const r = this.db.prepare('SELECT kind FROM layers WHERE id = ?').get(layerId) as { kind: string } | undefined;
    return r?.kind ?? null;
  }
}
