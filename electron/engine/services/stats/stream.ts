/**
 * The dashboard columns of a new batch built while its rows are written, instead of reading the
 * batch back afterwards (measured at 1M rows: the read-back took ~5 s of the import). Written in
 * parts of PART_ROWS rows as they fill, so memory stays flat for any batch size. Used only when the
 * rows written are the batch's final values (see services/import/summaries.ts).
 */
import type Database from 'better-sqlite3';
import { SqliteStatsWriter } from '../../db/repos/stats-repo';
import { ChunkBuilder } from './chunks';
import { Dictionaries, writeBatchColumns } from './dictionaries';

/** Rows per stored part of a streamed batch (tests lower it with MINSHENG_IMPORT_PART_ROWS). */
export const PART_ROWS = Number(process.env.MINSHENG_IMPORT_PART_ROWS ?? 262_144);

export class StatsBatchStream {
  private readonly w: SqliteStatsWriter;
  private readonly dict: Dictionaries;
  private b: ChunkBuilder | null = new ChunkBuilder();
  private parts = 0;
  constructor(db: Database.Database, readonly batchId: number) {
    this.w = new SqliteStatsWriter(db);
    this.dict = new Dictionaries(this.w);
  }
  /** One record as FACT_SOURCE_COLUMNS (stats-repo.ts) would read it back. */
  add(row: readonly unknown[]): void {
    const b = this.b!;
    b.add(row, this.dict.codeOf);
    if (b.rows >= PART_ROWS) this.flushPart();
  }
  private flushPart(): void {
    if (this.parts === 0) this.w.deleteChunks(this.batchId);
    writeBatchColumns(this.w, this.batchId, this.b!, this.parts++);
    this.b = new ChunkBuilder();
  }
  /** Writes the last part and the new dictionary values (inside the job's transaction); later calls do nothing. */
  write(): void {
    if (!this.b) return;
    // A batch without records (all duplicates) has no column set, as when read back.
    if (this.b.rows > 0) this.flushPart();
    this.b = null;
    this.dict.flush();
  }
  /** Removes the parts written so far and lets the rest go (the builder will read the batch back). */
  discard(): void {
    if (this.parts > 0) this.w.deleteChunks(this.batchId);
    this.b = null;
  }
}
