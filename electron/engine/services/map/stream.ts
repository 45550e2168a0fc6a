/**
 * The map chunk of a new batch built while its rows are written (see services/import/summaries.ts),
 * instead of reading the batch's located records back afterwards.
 */
import type Database from 'better-sqlite3';
import { SqliteMapRepository, type MapRawRow } from '../../db/repos/map-repo';
import { ChunkBuilder, encodeChunk } from './chunk-codec';

export class MapBatchStream {
  private b: ChunkBuilder | null = new ChunkBuilder();
  constructor(private readonly db: Database.Database, readonly batchId: number) {}
  /** One located record as SqliteMapRepository.locatedRows would read it back. */
  add(row: MapRawRow): void { this.b!.push(row); }
  /** Replaces the batch's chunk with this one (inside the job's transaction); later calls do nothing. */
  write(builtAt: number): void {
    const b = this.b;
    if (!b) return;
    this.b = null;
    const repo = new SqliteMapRepository(this.db);
    const cols = b.finish();
    if (cols.n === 0) repo.deleteChunk(this.batchId);
    else repo.writeChunk(this.batchId, cols.n, builtAt, encodeChunk(cols));
  }

  /** Lets the columns go unwritten (the builder will read the batch back). */
  discard(): void { this.b = null; }
}
