/**
 * The dashboard columns of a new batch built while its rows are written, instead of reading the
 * batch back afterwards (measured at 1M rows: the read-back took ~5 s of the import). Used only when
 * the rows written are the batch's final values (see services/import/summaries.ts).
 */
import type Database from 'better-sqlite3';
import { SqliteStatsWriter } from '../../db/repos/stats-repo';
import { ChunkBuilder } from './chunks';
import { Dictionaries, writeBatchColumns } from './dictionaries';

export class StatsBatchStream {
  private readonly w: SqliteStatsWriter;
  private readonly dict: Dictionaries;
  private b: ChunkBuilder | null = new ChunkBuilder();
  constructor(db: Database.Database, readonly batchId: number) {
    this.w = new SqliteStatsWriter(db);
    this.dict = new Dictionaries(this.w);
  }
  /** One record as FACT_SOURCE_COLUMNS (stats-repo.ts) would read it back. */
  add(row: readonly unknown[]): void { this.b!.add(row, this.dict.codeOf); }
  /**
   * Replaces the batch's columns with these and adds the new dictionary values (inside the job's
   * transaction), then lets the columns go; later calls do nothing.
   */
  write(): void {
    const b = this.b;
    if (!b) return;
    this.b = null;
    this.w.deleteChunks(this.batchId);
    this.dict.flush();
    // A batch without records (all duplicates) has no column set, as when read back.
    if (b.rows > 0) writeBatchColumns(this.w, this.batchId, b);
  }

  /** Lets the columns go unwritten (the builder will read the batch back). */
  discard(): void { this.b = null; }
}
