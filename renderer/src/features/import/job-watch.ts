import type { EventPayload } from '../../../../shared/api/events';
import type { JobInfo } from '../../../../shared/model/project';
import { api } from '../../platform/select';

export type JobProgressEvent = EventPayload<'job.progress'>;
export interface JobEnd { job: JobInfo; result?: unknown; error?: { code: string; message: string } }

export interface JobHandlers {
  progress(p: JobProgressEvent): void;
  done(end: JobEnd): void;
}

const POLL_MS = 1500;

/**
 * Starts a job and follows it: `job.progress` / `job.done` events, with `jobs.get` polling as the
 * fallback when events are lost. Events are listened to BEFORE the job starts, so a job that ends
 * before `start` resolves is not missed. `done` is called exactly once. Returns the job id and a stop function.
 */
export async function startWatchedJob(start: () => Promise<{ jobId: string }>, h: JobHandlers): Promise<{ jobId: string; stop: () => void }> {
  let jobId: string | null = null;
  let finished = false;
  const early: { kind: 'progress' | 'done'; data: unknown }[] = [];
  let timer: ReturnType<typeof setInterval> | null = null;

  const stop = () => {
    offs.forEach((off) => off());
    if (timer) clearInterval(timer);
    timer = null;
  };
  const finish = (end: JobEnd) => {
    if (finished) return;
    finished = true;
    stop();
    h.done(end);
  };
  let lastDone = -1;
  const onProgress = (d: JobProgressEvent) => {
    if (jobId === null) early.push({ kind: 'progress', data: d });
    else if (d.jobId === jobId && !finished) {
      lastDone = Math.max(lastDone, d.done);
      h.progress(d);
    }
  };
  const onDone = (d: EventPayload<'job.done'>) => {
    if (jobId === null) early.push({ kind: 'done', data: d });
    else if (d.job.jobId === jobId) finish({ job: d.job, result: d.result, error: d.error });
  };
  const offs = [api.on('job.progress', onProgress), api.on('job.done', onDone)];

  let started: { jobId: string };
  try {
    started = await start();
  } catch (e) {
    stop();
    throw e;
  }
  jobId = started.jobId;
  for (const e of early) {
    if (e.kind === 'progress') onProgress(e.data as JobProgressEvent);
    else onDone(e.data as EventPayload<'job.done'>);
  }
  early.length = 0;
  if (!finished) {
    const id = jobId;
    timer = setInterval(() => {
      api.call('jobs.get', { jobId: id }).then((job) => {
        if (finished) return;
        if (job.status !== 'running') finish({ job });
        // Events lost or late: the polled state moves the progress on (without rate and ETA).
        else if (job.done > lastDone) onProgress({ jobId: job.jobId, kind: job.kind, done: job.done, total: job.total, ratePerSecond: null, etaSeconds: null, message: job.message });
      }).catch(() => undefined);
    }, POLL_MS);
  }
  return { jobId, stop };
}
