import type { JobBody } from '../types';
import type { RunParams } from '../../services/evaluation/compute';
import { runAndStore, type RunDone } from '../../services/evaluation/store';

/** An evaluation run: reads the records in this worker and stores the result in the job's transaction. */
export const evaluationRunJob: JobBody<RunParams, RunDone> = (ctx, p) =>
  runAndStore(ctx.db, p, ctx.now, (done, total) => { ctx.checkCancelled(); ctx.progress(done, total, 'evaluation'); });
