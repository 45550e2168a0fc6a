/**
 * SQL of data packages: the records of a selection in package column form, the batches and sources
 * they came from, and the package batches a receiving project creates. Taxonomy and layers are in
 * package-taxonomy.ts and package-layers.ts.
 */
import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import type { PackageRecord } from '../../../../shared/domain/anonymise/columns';
import { filterToSql } from './filter-sql';
import { RECORD_COLS } from './import-repo';

type Db = Database.Database;

/** A record as selected for a package, plus what the anonymiser may need but the package never holds. */
export type SourceRow = Omit<PackageRecord, 'synthetic'> & { synthetic: boolean | number; community_fid: number | null };

const SELECT = `SELECT r.source_code, r.external_id, r.received_at, r.first_response_at, r.closed_at, r.channel, r.request_type,
  c1.code AS cat1_code, c1.name AS cat1_name, c2.code AS cat2_code, c2.name AS cat2_name, c3.code AS cat3_code, c3.name AS cat3_name,
  r.category_original, r.title, r.content, r.address, r.district, r.street, r.community, r.lon, r.lat, r.crs_original, r.location_status,
  r.department, r.transfers, r.status, r.status_original, r.reply, r.satisfaction, r.satisfaction_label, r.caller_hash, r.caller_phone,
  r.batch_id AS origin_batch, r.synthetic`;

export interface BatchProvenance {
  id: number; sourceCode: string; fileName: string; sha256: string | null; fileSize: number | null;
  startedAt: number; finishedAt: number | null; synthetic: boolean; mapping: unknown;
}

export class SqlitePackageRepository {
  constructor(private readonly db: Db) {}

  count(filter: Filter): number {
    const { where, params } = filterToSql(filter);
    return (this.db.prepare(`SELECT count(*) AS n FROM records r ${where}`).get(...params) as { n: number }).n;
  }

  /**
   * The selection in id order (newest first with `newest`); `communities` adds the community polygon each
   * record was assigned to; `textless` leaves the free-text columns out (for checks that never read them).
   */
  rows(filter: Filter, opts: { communities?: boolean; limit?: number; newest?: boolean; textless?: boolean } = {}): IterableIterator<SourceRow> {
    const { where, params } = filterToSql(filter);
    const geo = opts.communities ? 'g.community_fid' : 'NULL';
    const join = opts.communities ? 'LEFT JOIN record_geo g ON g.record_id = r.id' : '';
    const limit = opts.limit ? `LIMIT ${Math.floor(opts.limit)}` : '';
    const select = opts.textless ? SELECT.replace(/r\.(title|content|address|reply)\b/g, 'NULL AS $1') : SELECT;
    return this.db.prepare(`${select}, ${geo} AS community_fid FROM records r
      LEFT JOIN categories c1 ON c1.id = r.cat1_id LEFT JOIN categories c2 ON c2.id = r.cat2_id LEFT JOIN categories c3 ON c3.id = r.cat3_id
      ${join} ${where} ORDER BY ${opts.newest ? 'r.received_at DESC, r.id' : 'r.id'} ${limit}`).iterate(...params) as IterableIterator<SourceRow>;
  }

  batches(ids: readonly number[]): BatchProvenance[] {
    if (ids.length === 0) return [];
    const rows = this.db.prepare(`SELECT id, source_code AS sourceCode, file_name AS fileName, sha256, file_size AS fileSize, started_at AS startedAt,
      finished_at AS finishedAt, synthetic, mapping_json FROM batches WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`).all(...ids) as
      (Omit<BatchProvenance, 'synthetic' | 'mapping'> & { synthetic: number; mapping_json: string | null })[];
    return rows.map(({ mapping_json, ...b }) => ({ ...b, synthetic: b.synthetic === 1, mapping: mapping_json ? JSON.parse(mapping_json) : null }));
  }

  sources(codes: readonly string[]): { code: string; name: string; kind: string }[] {
    if (codes.length === 0) return [];
    return this.db.prepare(`SELECT code, name, kind FROM sources WHERE code IN (${codes.map(() => '?').join(',')}) ORDER BY code`).all(...codes) as never;
  }

  ensureSource(s: { code: string; name: string; kind: string }): void {
    this.db.prepare('INSERT INTO sources(code, name, kind) VALUES (?, ?, ?) ON CONFLICT(code) DO NOTHING').run(s.code, s.name, s.kind);
  }

  /** A batch for the records of one source arriving in a package; its provenance goes in mapping_json. */
  createBatch(b: { sourceCode: string; fileName: string; sha256: string; fileSize: number; provenance: unknown; startedAt: number; synthetic: boolean }): number {
    return Number(this.db.prepare(`INSERT INTO batches(source_code, file_name, sha256, file_size, mapping_json, read_options_json, started_at, status, synthetic)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?)`)
      .run(b.sourceCode, b.fileName, b.sha256, b.fileSize, JSON.stringify({ package: b.provenance }), JSON.stringify({ format: 'minsheng-package' }), b.startedAt, b.synthetic ? 1 : 0).lastInsertRowid);
  }

  finishBatch(id: number, c: { rowsRead: number; imported: number; duplicates: number; finishedAt: number; seconds: number }): void {
    this.db.prepare(`UPDATE batches SET rows_read = ?, imported = ?, duplicates = ?, finished_at = ?, seconds = ?, status = 'done' WHERE id = ?`)
      .run(c.rowsRead, c.imported, c.duplicates, c.finishedAt, c.seconds, id);
  }

  /** Inserts records given in RECORD_COLS order plus `synthetic`; false when (source, external id) already exists. */
  recordWriter(): (vals: unknown[]) => boolean {
    const cols = [...RECORD_COLS, 'synthetic'];
    const stmt = this.db.prepare(`INSERT INTO records(${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')}) ON CONFLICT(source_code, external_id) DO NOTHING`);
    return (vals) => stmt.run(vals).changes === 1;
  }
}
