/**
 * Keeps the dashboard's summary columns (stats_chunks, one set per import batch) current with the
 * records, inside the transaction of every record-changing job.
 */
import { SqliteStatsWriter } from '../../db/repos/stats-repo';
import type { JobContext } from '../../jobs/types';
import type { DerivedBuilder, RecordsChange } from '../derived';
import { ChunkBuilder } from './chunks';
import { Dictionaries, writeBatchColumns } from './dictionaries';
import { StatsBatchStream } from './stream';

type Scope = { batchId: number } | { exceptBatchId: number } | 'all';

/** Reads the records of `scope` once and writes one chunk set per batch found. */
function buildChunks(ctx: JobContext, w: SqliteStatsWriter, scope: Scope): number {
  const total = w.count(scope);
  const dict = new Dictionaries(w);
  const byBatch = new Map<number, ChunkBuilder>();
  let done = 0;
  for (const r of w.records(scope)) {
    const batch = r[1] as number;
    let b = byBatch.get(batch);
    if (!b) { b = new ChunkBuilder(); byBatch.set(batch, b); }
    b.add(r, dict.codeOf);
    if (++done % 50_000 === 0) {
      ctx.checkCancelled();
      ctx.progress(done, total, 'statistics');
    }
  }
  dict.flush();
  for (const [batchId, b] of byBatch) writeBatchColumns(w, batchId, b);
  return done;
}

/** Applies one records change to the summary columns (a new batch's columns may come built already: see stream.ts). */
export function updateStatsColumns(ctx: JobContext, change: RecordsChange, prepared?: unknown): void {
  const w = new SqliteStatsWriter(ctx.db);
  // Columns never built (a project from an older version) are built whole, whatever the change.
  const whole = w.needsRebuild() || change.kind === 'recategorised' || change.kind === 'rebuilt';
  if (change.kind === 'batch-added' && !whole && prepared instanceof StatsBatchStream && prepared.batchId === change.batchId) {
    prepared.write();
    w.markBuilt();
    return;
  }
  if (change.kind === 'batch-removed') {
    // A batch that updated records of earlier batches owns them now; removing it deletes them, so
    // the earlier batches' chunks (which still hold the old copies) are rebuilt too.
    if (whole || w.batchUpdatedRows(change.batchId) > 0) {
      w.deleteChunks();
      buildChunks(ctx, w, { exceptBatchId: change.batchId });
    } else {
      w.deleteChunks(change.batchId);
    }
  } else if (whole || change.kind !== 'batch-added') {
    w.deleteChunks();
    buildChunks(ctx, w, 'all');
  } else {
    w.deleteChunks(change.batchId);
    buildChunks(ctx, w, { batchId: change.batchId });
  }
  w.markBuilt();
}

export const statsBuilder: DerivedBuilder = { name: 'stats', update: updateStatsColumns };

/** Job body: builds the columns of a project that has records but none yet (opened from an older version). */
export const statsRebuildJob = (ctx: JobContext): { records: number } => {
  const w = new SqliteStatsWriter(ctx.db);
  w.deleteChunks();
  const records = buildChunks(ctx, w, 'all');
  w.markBuilt();
  return { records };
};
