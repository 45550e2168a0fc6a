import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import { filterToSql } from './filter-sql';
import { memoUntilChange } from './change-memo';
import { RecordsSearch, type SearchTuning } from './records-search';

export interface TextSourceRow {
  id: number;
  batchId: number;
  receivedAt: number;
  title: string | null;
  content: string | null;
  address: string | null;
}

export interface RecordText {
  id: number;
  externalId: string;
  receivedAt: number;
  title: string | null;
  content: string | null;
  address: string | null;
  district: string | null;
  street: string | null;
  status: string | null;
  department: string | null;
  cat1: string | null;
  cat2: string | null;
}

export type WordKind = 'dict' | 'stop' | 'unstop';

const TEXT_COLS = 'r.id, r.batch_id AS batchId, r.received_at AS receivedAt, r.title, r.content, r.address';
const META_VERSION = 'text_version';
const META_STALE = 'text_index_stale';
const META_FTS_BYTES = 'text_fts_bytes';

/** SQL of the text index: the bigram FTS table, vocabulary, word lists, PII counts, index state. */
export class SqliteTextRepository {
  constructor(private readonly db: Database.Database, private readonly tuning?: SearchTuning) {}

  /** Records of one batch (or all), ascending id, `limit` at a time after `afterId`. */
  sourceRows(batchId: number | null, afterId: number, limit: number): TextSourceRow[] {
    return batchId === null
      ? this.db.prepare(`SELECT ${TEXT_COLS} FROM records r WHERE r.id > ? ORDER BY r.id LIMIT ?`).all(afterId, limit) as TextSourceRow[]
      : this.db.prepare(`SELECT ${TEXT_COLS} FROM records r WHERE r.batch_id = ? AND r.id > ? ORDER BY r.id LIMIT ?`).all(batchId, afterId, limit) as TextSourceRow[];
  }

  batchRecordIds(batchId: number): number[] {
    return this.db.prepare('SELECT id FROM records WHERE batch_id = ? ORDER BY id').pluck().all(batchId) as number[];
  }

  ftsInsert(): (id: number, body: string) => void {
    const stmt = this.db.prepare('INSERT INTO text_fts(rowid, body) VALUES (?, ?)');
    return (id, body) => { stmt.run(id, body); };
  }

  ftsDelete(): (id: number) => void {
    const stmt = this.db.prepare('DELETE FROM text_fts WHERE rowid = ?');
    return (id) => { stmt.run(id); };
  }

  ftsClear(): void {
    this.db.exec("INSERT INTO text_fts(text_fts) VALUES ('delete-all')");
  }

  ftsOptimize(): void {
    this.db.exec("INSERT INTO text_fts(text_fts) VALUES ('optimize')");
  }

  /** Bytes of a table or virtual table's storage (dbstat), for reports. */
  tableBytes(prefix: string): number {
    return memoUntilChange(this.db, `tableBytes:${prefix}`, () => this.measureTable(prefix));
  }

  private measureTable(prefix: string): number {
    return (this.db.prepare("SELECT coalesce(sum(pgsize), 0) AS b FROM dbstat WHERE name = ? OR name LIKE ? || '\\_%' ESCAPE '\\'").get(prefix, prefix) as { b: number }).b;
  }

  vocabSize(): number {
    return this.db.prepare('SELECT count(*) FROM text_vocab').pluck().get() as number;
  }

  vocab(): { id: number; term: string; df: number }[] {
    return this.db.prepare('SELECT id, term, df FROM text_vocab ORDER BY id').all() as never;
  }

  saveVocab(added: { id: number; term: string }[], df: ArrayLike<number>, changed: Iterable<number>): void {
    const ins = this.db.prepare('INSERT INTO text_vocab(id, term, df) VALUES (?, ?, 0)');
    for (const a of added) ins.run(a.id, a.term);
    const upd = this.db.prepare('UPDATE text_vocab SET df = ? WHERE id = ?');
    for (const id of changed) upd.run(df[id], id);
  }

  clearVocab(): void {
    this.db.exec('DELETE FROM text_vocab');
  }

  words(kind: WordKind): string[] {
    return this.db.prepare('SELECT word FROM text_words WHERE kind = ? ORDER BY word').pluck().all(kind) as string[];
  }

  setWords(kind: WordKind, words: readonly string[], now: number): void {
    this.db.prepare('DELETE FROM text_words WHERE kind = ?').run(kind);
    const ins = this.db.prepare('INSERT OR IGNORE INTO text_words(word, kind, added_at) VALUES (?, ?, ?)');
    for (const w of words) ins.run(w, kind, now);
  }

  /** Names of loaded layer features (districts, streets, communities, roads) for the segmenter. */
  placeNames(): string[] {
    return this.db.prepare("SELECT DISTINCT f.name FROM features f JOIN layers l ON l.id = f.layer_id WHERE f.name IS NOT NULL AND length(f.name) BETWEEN 2 AND 20").pluck().all() as string[];
  }

  savePii(batchId: number, counts: Map<string, { records: number; hits: number }>): void {
    this.db.prepare('DELETE FROM text_pii WHERE batch_id = ?').run(batchId);
    const ins = this.db.prepare('INSERT INTO text_pii(batch_id, kind, records, hits) VALUES (?, ?, ?, ?)');
    for (const [kind, c] of counts) ins.run(batchId, kind, c.records, c.hits);
  }

  deletePii(batchId: number | null): void {
    if (batchId === null) this.db.exec('DELETE FROM text_pii');
    else this.db.prepare('DELETE FROM text_pii WHERE batch_id = ?').run(batchId);
  }

  piiByBatch(): { batchId: number; fileName: string; kind: string; records: number; hits: number }[] {
    return this.db.prepare(`SELECT p.batch_id AS batchId, b.file_name AS fileName, p.kind, p.records, p.hits
      FROM text_pii p JOIN batches b ON b.id = p.batch_id WHERE b.removed_at IS NULL ORDER BY p.batch_id, p.kind`).all() as never;
  }

  /** Removes derived rows of records about to be deleted. */
  forgetRecords(ids: readonly number[]): void {
    const a = this.db.prepare('DELETE FROM text_suggestions WHERE record_id = ?');
    const b = this.db.prepare('DELETE FROM text_repeat_members WHERE record_id = ?');
    for (const id of ids) { a.run(id); b.run(id); }
  }

  getMeta(key: string): string | null {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  }

  setMeta(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM meta WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Changes whenever the index changes; readers cache decoded chunks per version. */
  version(): string {
    return this.getMeta(META_VERSION) ?? '0';
  }

  bumpVersion(now: number): void {
    this.setMeta(META_VERSION, `${now}-${Math.floor(Math.random() * 1e9)}`);
  }

  /**
   * Size of the full-text index in bytes: stored by the index builder (a dbstat walk over every page
   * of the index, seconds at millions of records, done in the job), measured here only for an index
   * built before that was stored.
   */
  ftsBytes(): number {
    const [version, bytes] = (this.getMeta(META_FTS_BYTES) ?? '').split('|');
    return version === this.version() && bytes ? Number(bytes) : this.tableBytes('text_fts');
  }

  /** Measures and stores the index size for the current index version (inside the builder's job). */
  storeFtsBytes(): void {
    this.setMeta(META_FTS_BYTES, `${this.version()}|${this.measureTable('text_fts')}`);
  }

  isStale(): boolean {
    return this.getMeta(META_STALE) === '1';
  }

  setStale(stale: boolean): void {
    this.setMeta(META_STALE, stale ? '1' : null);
  }

  /** Ids of the records matching a filter (for bitmaps), and the largest record id. */
  filteredIds(filter: Filter): number[] {
    const c = new RecordsSearch(this.db, this.tuning).candidates(filter);
    if (c) return c.exact ? Array.from(c.exact.ids) : this.db.prepare(`SELECT r.id ${c.from}`).pluck().all(...c.params) as number[];
    const { where, params } = filterToSql(filter);
    return this.db.prepare(`SELECT r.id FROM records r ${where}`).pluck().all(...params) as number[];
  }

  maxRecordId(): number {
    return (this.db.prepare('SELECT coalesce(max(id), 0) AS m FROM records').pluck().get() as number);
  }

  recordCount(): number {
    return memoUntilChange(this.db, 'recordCount', () => this.db.prepare('SELECT count(*) FROM records').pluck().get() as number);
  }

  /** Display fields of records by id, in the given order. */
  recordTexts(ids: readonly number[]): RecordText[] {
    if (ids.length === 0) return [];
    const stmt = this.db.prepare(`SELECT r.id, r.external_id AS externalId, r.received_at AS receivedAt, r.title, r.content, r.address,
      r.district, r.street, r.status, r.department, c1.name AS cat1, c2.name AS cat2
      FROM records r LEFT JOIN categories c1 ON c1.id = r.cat1_id LEFT JOIN categories c2 ON c2.id = r.cat2_id WHERE r.id = ?`);
    return ids.map((id) => stmt.get(id) as RecordText | undefined).filter((r): r is RecordText => r !== undefined);
  }

  /** A page of records matching the filter, newest first, with their texts (search results). */
  searchPage(filter: Filter, offset: number, limit: number): RecordText[] {
    const order = 'r.received_at DESC, r.id';
    const fast = new RecordsSearch(this.db, this.tuning).pageIds(filter, order, offset, limit);
    if (fast) return this.recordTexts(fast);
    const { where, params } = filterToSql(filter);
    const ids = this.db.prepare(`SELECT r.id FROM records r ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).pluck().all(...params, limit, offset) as number[];
    return this.recordTexts(ids);
  }
}
