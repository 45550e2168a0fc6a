/**
 * The map chunk of a new batch built while its rows are written (see services/import/summaries.ts),
 * instead of reading the batch's located records back afterwards; stored in parts as they fill
 * (derived/parts.ts), so memory stays flat for any batch size.
 */
import type Database from 'better-sqlite3';
import { SqliteMapRepository, type MapRawRow } from '../../db/repos/map-repo';
import { PartedBuilder } from '../derived/parts';
import { ChunkBuilder, encodeChunk } from './chunk-codec';

export class MapBatchStream {
  private readonly parts: PartedBuilder<ChunkBuilder>;
  constructor(db: Database.Database, readonly batchId: number, now: () => number) {
    const repo = new SqliteMapRepository(db);
    this.parts = new PartedBuilder(() => new ChunkBuilder(), {
      clear: () => repo.deleteChunk(batchId),
      write: (b, part) => { const cols = b.finish(); repo.writeChunk(batchId, cols.n, now(), encodeChunk(cols), part); },
    });
  }
  /** One located record as SqliteMapRepository.locatedRows would read it back. */
  add(row: MapRawRow): void {
    this.parts.current.push(row);
    this.parts.added();
  }
  /** Writes the last part (inside the job's transaction); a batch without located records has no chunk. Later calls do nothing. */
  write(): void { this.parts.finish(); }
  /** Removes the parts written so far and lets the rest go (the builder will read the batch back). */
  discard(): void { this.parts.discard(); }
}
