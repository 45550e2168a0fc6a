import type Database from 'better-sqlite3';
import type { Batch } from '../../../../shared/api/areas/import';

type Db = Database.Database;

/** What writing one row did: the new record's id (> 0), or one of these. */
export const DUPLICATE = 0;
export const UPDATED = -1;

/** The `records` columns an import writes, in the order produced rows carry them. */
export const RECORD_COLS = [
  'batch_id', 'source_code', 'external_id', 'received_at', 'first_response_at', 'closed_at', 'channel', 'request_type',
  'cat1_id', 'cat2_id', 'cat3_id', 'category_original', 'title', 'content', 'address', 'district', 'street', 'community',
  'lon', 'lat', 'crs_original', 'location_status', 'department', 'transfers', 'status', 'status_original', 'reply',
  'satisfaction', 'satisfaction_label', 'caller_hash', 'caller_phone',
] as const;
const UPDATE_COLS = RECORD_COLS.filter((c) => c !== 'source_code' && c !== 'external_id');

/** SQL of the import pipeline: sources, batches, records, rejected rows. */
export class SqliteImportRepository {
  constructor(private readonly db: Db) {}

  ensureSource(code: string, name: string | undefined): void {
    this.db.prepare('INSERT INTO sources(code, name) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET name = CASE WHEN ? IS NOT NULL THEN excluded.name ELSE name END')
      .run(code, name ?? code, name ?? null);
  }

  createBatch(b: { sourceCode: string; fileName: string; sha256: string; fileSize: number; mapping: unknown; readOptions: unknown; startedAt: number }): number {
    return Number(this.db.prepare(`INSERT INTO batches(source_code, file_name, sha256, file_size, mapping_json, read_options_json, started_at, status)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'running')`).run(b.sourceCode, b.fileName, b.sha256, b.fileSize, JSON.stringify(b.mapping), JSON.stringify(b.readOptions), b.startedAt).lastInsertRowid);
  }

  finishBatch(id: number, c: { sha256: string; rowsRead: number; blankRows: number; imported: number; updated: number; duplicates: number; rejected: number; quality: unknown; finishedAt: number; seconds: number }): void {
    this.db.prepare(`UPDATE batches SET sha256 = ?, rows_read = ?, blank_rows = ?, imported = ?, updated = ?, duplicates = ?, rejected = ?, quality_json = ?,
      finished_at = ?, seconds = ?, status = 'done' WHERE id = ?`)
      .run(c.sha256, c.rowsRead, c.blankRows, c.imported, c.updated, c.duplicates, c.rejected, JSON.stringify(c.quality), c.finishedAt, c.seconds, id);
  }

  /** Writer of rows already in RECORD_COLUMNS order (see services/import/produce.ts): the new id, DUPLICATE or UPDATED. */
  valuesWriter(onDuplicate: 'skip' | 'update'): (vals: unknown[]) => number {
    const insert = this.db.prepare(`INSERT INTO records(${RECORD_COLS.join(',')}) VALUES (${RECORD_COLS.map(() => '?').join(',')}) ON CONFLICT(source_code, external_id) DO NOTHING`);
    const update = this.db.prepare(`UPDATE records SET ${UPDATE_COLS.map((c) => `${c} = ?`).join(', ')} WHERE source_code = ? AND external_id = ?`);
    return (vals) => {
      const r = insert.run(vals);
      if (r.changes === 1) return Number(r.lastInsertRowid);
      if (onDuplicate === 'skip') return DUPLICATE;
      update.run([vals[0], ...vals.slice(3), vals[1], vals[2]]);
      return UPDATED;
    };
  }

  rejecter(batchId: number): (rowNumber: number, code: string, params: Record<string, string | number>, raw: string) => void {
    const stmt = this.db.prepare('INSERT INTO rejected_rows(batch_id, row_number, reason_code, reason_params, raw) VALUES (?, ?, ?, ?, ?)');
    return (rowNumber, code, params, raw) => { stmt.run(batchId, rowNumber, code, JSON.stringify(params), raw); };
  }

  /** Repeated identical points of one batch carrying an implausible share of its records (e.g. the city hall). */
  placeholderPoints(batchId: number, minShare: number, minCount: number): { lon: number; lat: number; count: number }[] {
    const total = (this.db.prepare("SELECT count(*) AS n FROM records WHERE batch_id = ? AND location_status = 'coordinates'").get(batchId) as { n: number }).n;
    const threshold = Math.max(minCount, Math.ceil(total * minShare));
    return this.db.prepare(`SELECT round(lon, 5) AS lon, round(lat, 5) AS lat, count(*) AS count FROM records
      WHERE batch_id = ? AND location_status = 'coordinates' GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY count DESC LIMIT 20`).all(batchId, threshold) as { lon: number; lat: number; count: number }[];
  }

  markPlaceholder(batchId: number, p: { lon: number; lat: number }): number {
    return this.db.prepare(`UPDATE records SET location_status = 'placeholder' WHERE batch_id = ? AND location_status = 'coordinates'
      AND round(lon, 5) = ? AND round(lat, 5) = ?`).run(batchId, p.lon, p.lat).changes;
  }

  listBatches(): Batch[] {
    return (this.db.prepare(`SELECT b.id, b.source_code AS sourceCode, s.name AS sourceName, b.file_name AS fileName, b.sha256, b.file_size AS fileSize, b.status,
        b.rows_read AS rowsRead, b.blank_rows AS blankRows, b.imported, b.updated, b.duplicates, b.rejected,
        (SELECT count(*) FROM records r WHERE r.batch_id = b.id) AS records,
        b.started_at AS startedAt, b.finished_at AS finishedAt, b.removed_at AS removedAt, b.seconds, b.synthetic
      FROM batches b LEFT JOIN sources s ON s.code = b.source_code ORDER BY b.id DESC`).all() as (Omit<Batch, 'synthetic'> & { synthetic: number })[])
      .map((b) => ({ ...b, synthetic: b.synthetic === 1 }));
  }

  batchRow(id: number): { batch: Batch; mapping: unknown; readOptions: unknown; quality: unknown } | null {
    const b = this.listBatches().find((x) => x.id === id);
    if (!b) return null;
    const row = this.db.prepare('SELECT mapping_json, read_options_json, quality_json FROM batches WHERE id = ?').get(id) as { mapping_json: string | null; read_options_json: string | null; quality_json: string | null };
    const parse = (s: string | null) => (s ? JSON.parse(s) : null);
    return { batch: b, mapping: parse(row.mapping_json), readOptions: parse(row.read_options_json), quality: parse(row.quality_json) };
  }

  rejectReasonCounts(batchId: number): { code: string; count: number }[] {
    return this.db.prepare('SELECT reason_code AS code, count(*) AS count FROM rejected_rows WHERE batch_id = ? GROUP BY reason_code ORDER BY count DESC').all(batchId) as { code: string; count: number }[];
  }

  rejectedPage(batchId: number, reason: string | undefined, offset: number, limit: number): { rowNumber: number; reasonCode: string; params: string; raw: string }[] {
    return this.db.prepare(`SELECT row_number AS rowNumber, reason_code AS reasonCode, reason_params AS params, raw FROM rejected_rows
      WHERE batch_id = ? AND (? IS NULL OR reason_code = ?) ORDER BY row_number LIMIT ? OFFSET ?`).all(batchId, reason ?? null, reason ?? null, limit, offset) as never;
  }

  *rejectedAll(batchId: number, reason: string | undefined): IterableIterator<{ rowNumber: number; reasonCode: string; params: string; raw: string }> {
    yield* this.db.prepare(`SELECT row_number AS rowNumber, reason_code AS reasonCode, reason_params AS params, raw FROM rejected_rows
      WHERE batch_id = ? AND (? IS NULL OR reason_code = ?) ORDER BY row_number`).iterate(batchId, reason ?? null, reason ?? null) as IterableIterator<never>;
  }

  /** Undo of an import: removes its records and rejected rows, keeps the batch row as history. */
  removeBatch(batchId: number, at: number): { records: number; rejected: number } {
    const records = this.db.prepare('DELETE FROM records WHERE batch_id = ?').run(batchId).changes;
    const rejected = this.db.prepare('DELETE FROM rejected_rows WHERE batch_id = ?').run(batchId).changes;
    this.db.prepare("UPDATE batches SET removed_at = ?, status = 'removed' WHERE id = ?").run(at, batchId);
    return { records, rejected };
  }

  getMeta(key: string): string | null {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  sourcesWithCounts(): { code: string; name: string; kind: string; records: number }[] {
    return this.db.prepare('SELECT s.code, s.name, s.kind, (SELECT count(*) FROM records r WHERE r.source_code = s.code) AS records FROM sources s ORDER BY records DESC, s.code').all() as never;
  }
}
