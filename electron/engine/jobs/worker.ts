import { Worker, parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/errors';
import { openConnection } from '../db/connection';
import { loadJobBody } from './bodies';
import type { HelperWorkerData, JobWorkerData, JobWorkerMessage } from './protocol';
import { runHelper } from './helpers';
import type { JobContext } from './types';

/** Worker-thread entry: runs one job body inside one transaction on its own connection. */
async function run(data: JobWorkerData): Promise<void> {
  const post = (m: JobWorkerMessage) => parentPort!.postMessage(m);
  const flag = new Int32Array(data.cancel);
  const body = await loadJobBody(data.kind);
  if (!body) {
    post({ type: 'error', error: new ApiError('INTERNAL', { detail: `unknown job kind ${data.kind}` }).toPayload() });
    return;
  }
  const db = openConnection(data.dbPath);
  // big sorts (index builds over millions of rows) spill to temporary files instead of growing memory
  db.pragma('temp_store = FILE');
  let lastPost = 0;
  const ctx: JobContext = {
    db,
    progress(done, total, message) {
      const t = Date.now();
      if (t - lastPost < data.progressIntervalMs && (total === null || done < total)) return;
      lastPost = t;
      post({ type: 'progress', done, total, message: message ?? null });
    },
    checkCancelled() {
      if (Atomics.load(flag, 0) !== 0) throw new ApiError('CANCELLED');
    },
    now: () => Date.now(),
    spawnHelper: (helper, helperData) => new Worker(data.self.file, {
      workerData: { __entry: data.self.entry, helper, helperData, self: data.self } satisfies HelperWorkerData,
    }),
  };
  try {
    // One transaction for the whole job, held across the body's awaits (streaming readers are async);
    // this connection is used by nothing else, so nothing interleaves.
    // The commit must not wait for a checkpoint of a WAL that may hold gigabytes: report the job done
    // first, then fold the WAL back in (crash-safe; a later open replays it if the process dies first).
    db.pragma('wal_autocheckpoint = 0');
    db.exec('BEGIN IMMEDIATE');
    const result = await body(ctx, data.params as never);
    ctx.checkCancelled();
    db.exec('COMMIT');
    post({ type: 'done', result });
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* a reader holds it back: the next checkpoint finishes it */ }
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    const err = e instanceof ApiError ? e : new ApiError('INTERNAL', { detail: e instanceof Error ? e.message : String(e) });
    post({ type: 'error', error: err.toPayload('en') });
  } finally {
    db.close();
  }
}

if ((workerData as Partial<HelperWorkerData>).helper) void runHelper(workerData as HelperWorkerData, parentPort!);
else void run(workerData as JobWorkerData);
