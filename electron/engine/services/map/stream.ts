/**
 * The map chunk of a new batch built while its rows are written (see services/import/summaries.ts),
 * instead of reading the batch's located records back afterwards.
 */
import type Database from 'better-sqlite3';
import { SqliteMapRepository, type MapRawRow } from '../../db/repos/map-repo';
import { ChunkBuilder, encodeChunk } from './chunk-codec';

export class MapBatchStream {
  private readonly b = new ChunkBuilder();
  private n = 0;
  constructor(private readonly db: Database.Database, readonly batchId: number) {}
  /** One located record as SqliteMapRepository.locatedRows would read it back. */
  add(row: MapRawRow): void { this.b.push(row); this.n++; }
  get rows(): number { return this.n; }
  write(builtAt: number): void {
    const repo = new SqliteMapRepository(this.db);
    const cols = this.b.finish();
    if (cols.n === 0) repo.deleteChunk(this.batchId);
    else repo.writeChunk(this.batchId, cols.n, builtAt, encodeChunk(cols));
  }
}
