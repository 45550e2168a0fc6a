import type { JobBody } from '../types';

/**
 * A diagnostic job used by tests and benchmarks of the runner: writes `rows` settings rows in
 * batches, optionally failing after `failAfter` rows, so cancel/failure rollback can be observed.
 */
export const sleepJob: JobBody<{ rows: number; failAfter?: number; batchDelayMs?: number }, { written: number }> = (ctx, p) => {
  const ins = ctx.db.prepare('INSERT INTO settings(key, value) VALUES (?, ?)');
  let written = 0;
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < p.rows; i++) {
    if (i % 100 === 0) {
      ctx.checkCancelled();
      ctx.progress(i, p.rows);
      if (p.batchDelayMs) Atomics.wait(wait, 0, 0, p.batchDelayMs);
    }
    if (p.failAfter !== undefined && i === p.failAfter) throw new Error(`requested failure after ${i} rows`);
    ins.run(`test.${i}`, String(ctx.now()));
    written++;
  }
  ctx.progress(p.rows, p.rows);
  return { written };
};
