import { nextRate, type RateState } from './rate';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApiError } from '../../../shared/api/errors';
import type { JobInfo } from '../../../shared/model/project';
import type { EventBus } from '../events';
import type { HelperWorkerData, JobWorkerData, JobWorkerMessage } from './protocol';
import { devWorkerBundle } from './dev-worker';

interface RunningJob {
  info: JobInfo;
  worker: Worker | null;
  cancel: Int32Array;
  rate: RateState;
  result?: unknown;
  promise: Promise<JobInfo>;
}

/** Where the worker entry lives: the bundled .cjs next to the bundle, or the TypeScript source in development. */
function workerSpec(): { file: string; entry?: string } {
  if (process.env.MINSHENG_WORKER_PATH) return { file: process.env.MINSHENG_WORKER_PATH };
  if (typeof __filename !== 'undefined' && __filename.endsWith('.cjs')) {
    return { file: path.join(path.dirname(__filename), 'worker.cjs') };
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, 'worker.cjs');
  if (fs.existsSync(built)) return { file: built };
  const bundled = process.env.MINSHENG_TSX_WORKER === '1' ? null : devWorkerBundle(path.join(here, 'worker.ts'), path.resolve(here, '../../..'));
  if (bundled) return { file: bundled };
  return { file: path.join(here, 'ts-worker-boot.mjs'), entry: pathToFileURL(path.join(here, 'worker.ts')).href };
}

/** Starts a helper thread (jobs/helpers.ts) from the engine itself, e.g. to load data off this thread. */
export function startHelperThread(helper: string, helperData: unknown): Worker {
  const spec = workerSpec();
  return new Worker(spec.file, { workerData: { __entry: spec.entry, helper, helperData, self: spec } satisfies HelperWorkerData });
}

let seq = 0;

/**
 * Runs long work off the request path in worker threads, one writing job at a time per project.
 * Each job is one transaction: cancelled or failed jobs leave the project unchanged.
 */
export class JobRunner {
  private readonly jobs = new Map<string, RunningJob>();
  constructor(private readonly events: EventBus, private readonly opts: { progressIntervalMs?: number; keepFinished?: number } = {}) {}

  list(): JobInfo[] {
    return [...this.jobs.values()].map((j) => ({ ...j.info }));
  }

  get(jobId: string): JobInfo {
    const j = this.jobs.get(jobId);
    if (!j) throw new ApiError('JOB_NOT_FOUND', { jobId });
    return { ...j.info };
  }

  running(): JobInfo | null {
    for (const j of this.jobs.values()) if (j.info.status === 'running') return { ...j.info };
    return null;
  }

  /** Resolves when the job has finished (whatever its status). */
  wait(jobId: string): Promise<JobInfo> {
    const j = this.jobs.get(jobId);
    if (!j) return Promise.reject(new ApiError('JOB_NOT_FOUND', { jobId }));
    return j.promise;
  }

  resultOf(jobId: string): unknown {
    return this.jobs.get(jobId)?.result;
  }

  start(kind: string, params: unknown, dbPath: string, onDone?: (info: JobInfo, result: unknown) => void): JobInfo {
    const busy = this.running();
    if (busy) throw new ApiError('JOB_BUSY', { jobId: busy.jobId });
    const jobId = `job-${Date.now().toString(36)}-${(++seq).toString(36)}`;
    const cancelBuf = new SharedArrayBuffer(4);
    const spec = workerSpec();
    const data: JobWorkerData = {
      __entry: spec.entry, jobId, kind, params, dbPath, cancel: cancelBuf,
      progressIntervalMs: this.opts.progressIntervalMs ?? 200, self: { file: spec.file, entry: spec.entry },
    };
    const info: JobInfo = { jobId, kind, status: 'running', done: 0, total: null, startedAt: Date.now(), finishedAt: null, message: null };
    let resolve!: (i: JobInfo) => void;
    const promise = new Promise<JobInfo>((r) => { resolve = r; });
    const job: RunningJob = { info, worker: null, cancel: new Int32Array(cancelBuf), rate: { at: info.startedAt, done: 0, total: null, rate: null }, promise };
    this.jobs.set(jobId, job);
    this.prune();
    const worker = new Worker(spec.file, { workerData: data });
    job.worker = worker;
    let finished = false;
    const finish = (status: JobInfo['status'], result?: unknown, error?: { code: string; message: string }) => {
      if (finished) return;
      finished = true;
      job.info = { ...job.info, status, finishedAt: Date.now(), message: error?.message ?? job.info.message };
      job.result = result;
      job.worker = null;
      this.events.emit('job.done', { job: { ...job.info }, result, error });
      try { onDone?.({ ...job.info }, result); } finally { resolve({ ...job.info }); }
    };
    worker.on('message', (m: JobWorkerMessage) => {
      if (m.type === 'progress') this.onProgress(job, m.done, m.total, m.message);
      else if (m.type === 'done') finish('succeeded', m.result);
      else if (m.type === 'error') {
        const cancelled = m.error.code === 'CANCELLED';
        finish(cancelled ? 'cancelled' : 'failed', undefined, { code: m.error.code, message: m.error.message });
      }
    });
    worker.on('error', (e) => finish('failed', undefined, { code: 'INTERNAL', message: e.message }));
    worker.on('exit', (code) => {
      if (!finished) finish(Atomics.load(job.cancel, 0) ? 'cancelled' : 'failed', undefined, { code: 'INTERNAL', message: `worker exited with code ${code}` });
    });
    return { ...info };
  }

  cancel(jobId: string): JobInfo {
    const j = this.jobs.get(jobId);
    if (!j) throw new ApiError('JOB_NOT_FOUND', { jobId });
    if (j.info.status === 'running') Atomics.store(j.cancel, 0, 1);
    return { ...j.info };
  }

  /** Cancels everything and waits for the workers to roll back and exit. */
  async shutdown(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.info.status === 'running');
    for (const j of running) Atomics.store(j.cancel, 0, 1);
    await Promise.all(running.map((j) => j.promise));
  }

  private onProgress(job: RunningJob, done: number, total: number | null, message: string | null): void {
    job.rate = nextRate(job.rate, done, total, Date.now());
    const rate = job.rate.rate;
    job.info = { ...job.info, done, total, message };
    const eta = rate && total !== null && rate > 0 ? Math.max(0, (total - done) / rate) : null;
    this.events.emit('job.progress', {
      jobId: job.info.jobId, kind: job.info.kind, done, total, ratePerSecond: rate, etaSeconds: eta, message,
    });
  }

  private prune(): void {
    const keep = this.opts.keepFinished ?? 50;
    const finished = [...this.jobs.values()].filter((j) => j.info.status !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - keep))) this.jobs.delete(j.info.jobId);
  }
}
