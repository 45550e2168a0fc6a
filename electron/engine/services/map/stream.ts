/**
 * The map chunk of a new batch built while its rows are written (see services/import/summaries.ts),
 * instead of reading the batch's located records back afterwards; stored in parts of PART_ROWS
 * located records as they fill, so memory stays flat for any batch size.
 */
import type Database from 'better-sqlite3';
import { SqliteMapRepository, type MapRawRow } from '../../db/repos/map-repo';
import { PART_ROWS } from '../stats/stream';
import { ChunkBuilder, encodeChunk } from './chunk-codec';

export class MapBatchStream {
  private readonly repo: SqliteMapRepository;
  private b: ChunkBuilder | null = new ChunkBuilder();
  private parts = 0;
  constructor(db: Database.Database, readonly batchId: number, private readonly now: () => number) {
    this.repo = new SqliteMapRepository(db);
  }
  /** One located record as SqliteMapRepository.locatedRows would read it back. */
  add(row: MapRawRow): void {
    const b = this.b!;
    b.push(row);
    if (b.rows >= PART_ROWS) this.flushPart();
  }
  private flushPart(): void {
    if (this.parts === 0) this.repo.deleteChunk(this.batchId);
    const cols = this.b!.finish();
    this.repo.writeChunk(this.batchId, cols.n, this.now(), encodeChunk(cols), this.parts++);
    this.b = new ChunkBuilder();
  }
  /** Writes the last part (inside the job's transaction); later calls do nothing. */
  write(): void {
    if (!this.b) return;
    if (this.b.rows > 0) this.flushPart();
    else if (this.parts === 0) this.repo.deleteChunk(this.batchId);
    this.b = null;
  }
  /** Removes the parts written so far and lets the rest go (the builder will read the batch back). */
  discard(): void {
    if (this.parts > 0) this.repo.deleteChunk(this.batchId);
    this.b = null;
  }
}
