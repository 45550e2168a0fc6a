/**
 * The dashboard columns of a new batch built while its rows are written, instead of reading the
 * batch back afterwards (measured at 1M rows: the read-back took ~5 s of the import). Written in
 * parts as they fill (derived/parts.ts), so memory stays flat for any batch size. Used only when the
 * rows written are the batch's final values (see services/import/summaries.ts).
 */
import type Database from 'better-sqlite3';
import { SqliteStatsWriter } from '../../db/repos/stats-repo';
import { PartedBuilder } from '../derived/parts';
import { ChunkBuilder } from './chunks';
import { Dictionaries, writeBatchColumns } from './dictionaries';

export class StatsBatchStream {
  private readonly dict: Dictionaries;
  private readonly parts: PartedBuilder<ChunkBuilder>;
  constructor(db: Database.Database, readonly batchId: number) {
    const w = new SqliteStatsWriter(db);
    this.dict = new Dictionaries(w);
    this.parts = new PartedBuilder(() => new ChunkBuilder(), {
      clear: () => w.deleteChunks(batchId),
      write: (b, part) => writeBatchColumns(w, batchId, b, part),
    });
  }
  /** One record as FACT_SOURCE_COLUMNS (stats-repo.ts) would read it back. */
  add(row: readonly unknown[]): void {
    this.parts.current.add(row, this.dict.codeOf);
    this.parts.added();
  }
  /** Writes the last part and the new dictionary values (inside the job's transaction); later calls do nothing. */
  write(): void {
    // A batch without records (all duplicates) has no column set, as when read back.
    if (this.parts.finish()) this.dict.flush();
  }
  /** Removes the parts written so far and lets the rest go (the builder will read the batch back). */
  discard(): void { this.parts.discard(); }
}
