import type { DerivedBuilder } from '../derived';
import type { JobContext } from '../../jobs/types';
import { SqliteMapRepository } from '../../db/repos/map-repo';
import { encodeChunk, rowsToColumns } from './chunk-codec';
import { MapBatchStream } from './stream';

function buildChunk(ctx: JobContext, repo: SqliteMapRepository, batchId: number): void {
  const cols = rowsToColumns(repo.locatedRows(batchId));
  repo.deleteChunk(batchId);
  if (cols.n > 0) repo.writeChunk(batchId, cols.n, ctx.now(), encodeChunk(cols));
}

/**
 * Keeps `map_chunks` (the located records as column blobs, one per batch) current:
 * a new batch gets its chunk; an import that updated existing records also rebuilds the chunks of
 * the batches those records left; a removed batch loses its chunk; recategorised or rebuilt
 * projects get every chunk anew.
 */
export const mapBuilder: DerivedBuilder = {
  name: 'map',
  update(ctx, change, prepared) {
    const repo = new SqliteMapRepository(ctx.db);
    switch (change.kind) {
      case 'batch-added': {
        // Built while the import wrote the rows (only offered when they are the batch's final values).
        if (prepared instanceof MapBatchStream && prepared.batchId === change.batchId) prepared.write();
        else buildChunk(ctx, repo, change.batchId);
        if (repo.batchUpdatedCount(change.batchId) > 0) {
          for (const c of repo.chunkRows()) {
            ctx.checkCancelled();
            if (c.batchId !== change.batchId && repo.locatedCountOfBatch(c.batchId) !== c.rows) buildChunk(ctx, repo, c.batchId);
          }
        }
        break;
      }
      case 'batch-removed':
        repo.deleteChunk(change.batchId);
        break;
      case 'recategorised':
      case 'rebuilt':
        repo.deleteAllChunks();
        for (const id of repo.batchIdsWithRecords()) {
          ctx.checkCancelled();
          buildChunk(ctx, repo, id);
        }
        break;
    }
  },
};
