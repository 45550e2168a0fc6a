import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import { DICT_DIMS, type CategoryNode, type DictDim } from '../../../../shared/domain/stats/columns';
import { textHits, textOnly } from './records-fts';
import { filterToSql } from './filter-sql';

/** Raw record fields the statistics columns are built from, in this order. */
export const FACT_SOURCE_COLUMNS = [
  'id', 'batch_id', 'received_at', 'first_response_at', 'closed_at', 'cat1_id', 'cat2_id', 'cat3_id', 'transfers', 'satisfaction',
  'lon', 'lat', 'caller_hash', 'source_code', 'district', 'street', 'community', 'department', 'status', 'channel', 'request_type', 'category_original',
] as const;
/** Dictionary dimension → records column (same order as the tail of FACT_SOURCE_COLUMNS). */
export const DIM_COLUMNS: Readonly<Record<DictDim, string>> = {
  source: 'source_code', district: 'district', street: 'street', community: 'community', department: 'department',
  status: 'status', channel: 'channel', requestType: 'request_type', categoryOriginal: 'category_original',
};

export interface ChunkBlob { batchId: number; rows: number; data: Buffer }

/**
 * Storage of the dashboard's summary columns (see migration 005). Reads run on the engine's
 * connection; writes run inside record-changing jobs on the job's connection.
 */
export interface StatsRepository {
  generation(): number;
  needsRebuild(): boolean;
  dictionaries(): Record<DictDim, string[]>;
  categories(): CategoryNode[];
  chunks(col: string): ChunkBlob[];
  /** Ids of the records matching a filter (the part of it the columns cannot answer). */
  matchingIds(filter: Filter): Set<number>;
  /** Sizes (bytes) of the summary tables, for reports and the benchmark. */
  storageBytes(): { chunks: number; dict: number };
}

export class SqliteStatsRepository implements StatsRepository {
  constructor(private readonly db: Database.Database) {}

  private state(key: string): number {
    const row = this.db.prepare('SELECT value FROM stats_state WHERE key = ?').get(key) as { value: number } | undefined;
    return row?.value ?? 0;
  }

  generation(): number { return this.state('generation'); }
  needsRebuild(): boolean { return this.state('needs_rebuild') === 1; }

  dictionaries(): Record<DictDim, string[]> {
    const out = Object.fromEntries(DICT_DIMS.map((d) => [d, ['']])) as Record<DictDim, string[]>;
    const rows = this.db.prepare('SELECT dim, code, value FROM stats_dict ORDER BY dim, code').all() as { dim: DictDim; code: number; value: string }[];
    for (const r of rows) if (out[r.dim]) out[r.dim][r.code] = r.value;
    for (const d of DICT_DIMS) for (let i = 0; i < out[d].length; i++) out[d][i] ??= '';
    return out;
  }

  categories(): CategoryNode[] {
    return this.db.prepare('SELECT id, parent_id AS parentId, level, name FROM categories').all() as CategoryNode[];
  }

  chunks(col: string): ChunkBlob[] {
    return (this.db.prepare('SELECT batch_id AS batchId, rows, data FROM stats_chunks WHERE col = ? ORDER BY batch_id, part').all(col) as ChunkBlob[]);
  }

  matchingIds(filter: Filter): Set<number> {
    // A text query alone: the full-text index's hit set, without reading the matching rows of `records`.
    const text = textOnly(filter);
    if (text) return new Set(textHits(this.db, text.q, text.match).ids);
    const { where, params } = filterToSql(filter);
    const ids = new Set<number>();
    for (const v of this.db.prepare(`SELECT r.id FROM records r ${where}`).pluck().iterate(...params)) ids.add(v as number);
    return ids;
  }

  sourceNames(): Map<string, string> {
    const rows = this.db.prepare('SELECT code, name FROM sources').all() as { code: string; name: string }[];
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  storageBytes(): { chunks: number; dict: number } {
    const chunks = (this.db.prepare('SELECT coalesce(sum(length(data)), 0) AS n FROM stats_chunks').get() as { n: number }).n;
    const dict = (this.db.prepare('SELECT coalesce(sum(length(value) + 16), 0) AS n FROM stats_dict').get() as { n: number }).n;
    return { chunks, dict };
  }
}

/** The write side, used by the derived-data builder inside a job's transaction. */
export class SqliteStatsWriter {
  constructor(private readonly db: Database.Database) {}

  /** Raw rows (FACT_SOURCE_COLUMNS order): all records, one batch, or all but one batch. */
  records(scope: { batchId: number } | { exceptBatchId: number } | 'all'): IterableIterator<unknown[]> {
    const cols = FACT_SOURCE_COLUMNS.join(', ');
    if (scope === 'all') return this.db.prepare(`SELECT ${cols} FROM records`).raw().iterate() as IterableIterator<unknown[]>;
    if ('batchId' in scope) return this.db.prepare(`SELECT ${cols} FROM records WHERE batch_id = ?`).raw().iterate(scope.batchId) as IterableIterator<unknown[]>;
    return this.db.prepare(`SELECT ${cols} FROM records WHERE batch_id <> ?`).raw().iterate(scope.exceptBatchId) as IterableIterator<unknown[]>;
  }

  /** Record count of a scope, for progress. */
  count(scope: { batchId: number } | { exceptBatchId: number } | 'all'): number {
    if (scope === 'all') return (this.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    if ('batchId' in scope) return (this.db.prepare('SELECT count(*) AS n FROM records WHERE batch_id = ?').get(scope.batchId) as { n: number }).n;
    return (this.db.prepare('SELECT count(*) AS n FROM records WHERE batch_id <> ?').get(scope.exceptBatchId) as { n: number }).n;
  }

  dictionary(dim: DictDim): Map<string, number> {
    const rows = this.db.prepare('SELECT code, value FROM stats_dict WHERE dim = ?').all(dim) as { code: number; value: string }[];
    return new Map(rows.map((r) => [r.value, r.code]));
  }

  addDictionaryValues(dim: DictDim, entries: readonly [string, number][]): void {
    const stmt = this.db.prepare('INSERT INTO stats_dict(dim, code, value) VALUES (?, ?, ?)');
    for (const [value, code] of entries) stmt.run(dim, code, value);
  }

  /** Batches whose import updated records first imported by an earlier batch. */
  batchUpdatedRows(batchId: number): number {
    return (this.db.prepare('SELECT coalesce(updated, 0) AS n FROM batches WHERE id = ?').get(batchId) as { n: number } | undefined)?.n ?? 0;
  }

  deleteChunks(batchId?: number): void {
    if (batchId === undefined) this.db.prepare('DELETE FROM stats_chunks').run();
    else this.db.prepare('DELETE FROM stats_chunks WHERE batch_id = ?').run(batchId);
  }

  /** One column of one part of a batch (parts concatenate in order). */
  writeChunk(batchId: number, col: string, rows: number, data: Uint8Array, part = 0): void {
    this.db.prepare('INSERT OR REPLACE INTO stats_chunks(batch_id, part, col, rows, data) VALUES (?, ?, ?, ?, ?)').run(batchId, part, col, rows, data);
  }

  needsRebuild(): boolean {
    return (this.db.prepare("SELECT value FROM stats_state WHERE key = 'needs_rebuild'").get() as { value: number } | undefined)?.value === 1;
  }

  /** Marks the columns current: bumps the generation readers compare against. */
  markBuilt(): void {
    this.db.prepare("INSERT INTO stats_state(key, value) VALUES ('generation', 1) ON CONFLICT(key) DO UPDATE SET value = value + 1").run();
    this.db.prepare("DELETE FROM stats_state WHERE key = 'needs_rebuild'").run();
  }
}
