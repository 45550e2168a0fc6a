import { jobErrorText } from '../../../app/errors';
import { currentLocale } from '../../../app/i18n';
import { api } from '../../../platform/select';
import { startWatchedJob } from '../../import/job-watch';
import type { JobRun } from './report-store';

type Update<R> = (f: (r: JobRun<R> | null) => JobRun<R> | null) => void;

/** Starts a report job and mirrors its progress and end into a JobRun (the store's preview or render slot). */
export async function followJob<R>(start: () => Promise<{ jobId: string }>, update: Update<R>): Promise<void> {
  try {
    const { jobId } = await startWatchedJob(start, {
      progress: (p) => update((r) => r && { ...r, done: p.done, total: p.total, phase: p.message }),
      done: (end) => update((r) => {
        if (!r) return r;
        const ok = end.job.status === 'succeeded';
        // A job that ended while its events were lost has no result to show: say so instead of an empty success.
        const lost = ok && end.result === undefined;
        return {
          ...r,
          status: ok && !lost ? 'done' : end.job.status === 'cancelled' ? 'cancelled' : 'failed',
          result: (end.result as R | undefined) ?? null,
          error: end.error ? new Error(jobErrorText(end.error, currentLocale())) : lost ? new Error(end.job.message ?? 'no result') : null,
        };
      }),
    });
    update((r) => r && { ...r, jobId });
  } catch (error) {
    update((r) => r && { ...r, status: 'failed', error });
  }
}

export function cancelJob(run: JobRun<unknown> | null): void {
  if (run?.jobId) void api.call('jobs.cancel', { jobId: run.jobId });
}
