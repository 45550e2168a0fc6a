import type { JobInfo } from '../../../../shared/model/project';
import { api } from '../../platform/select';
import { useSession } from '../../state/session';

const POLL_MS = 1500;
let pollTimer: ReturnType<typeof setInterval> | null = null;
/**
 * While the demo is being opened or a failed demo is being closed, `project.changed` events
 * describe a half-built project: the start flow decides what to show, not the events.
 */
let quietProjectEvents = 0;

async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  quietProjectEvents++;
  try {
    return await fn();
  } finally {
    quietProjectEvents--;
  }
}

function stopPolling(): void {
  if (pollTimer) clearInterval(pollTimer);
  pollTimer = null;
}

/**
 * Called when the tracked job ends (from a `job.done` event or from polling, whichever is first):
 * opens the finished project, or goes back to the start page with a notice.
 */
export async function finishJob(job: JobInfo, error?: { code: string; message: string }): Promise<void> {
  const s = useSession.getState();
  if (!s.job || s.job.jobId !== job.jobId) return;
  stopPolling();
  if (job.status === 'succeeded') {
    try {
      const project = await api.call('project.current', {});
      useSession.getState().endJob(project);
    } catch (e) {
      useSession.getState().endJob(null, { kind: 'error', error: e });
    }
    return;
  }
  const notice = job.status === 'cancelled'
    ? { kind: 'jobCancelled' as const }
    : { kind: 'jobFailed' as const, error: error ?? { code: 'INTERNAL', message: job.message ?? job.status } };
  // The half-built demo stays open in the engine; close it so the start page is honest.
  await quietly(() => api.call('project.close', {}).catch(() => undefined));
  useSession.getState().endJob(null, notice);
}

/** Follows a job: events give progress, polling `jobs.get` is the fallback if events are lost. */
export function trackJob(jobId: string): void {
  useSession.getState().startJob(jobId);
  stopPolling();
  pollTimer = setInterval(() => {
    const cur = useSession.getState().job;
    if (!cur || cur.jobId !== jobId) {
      stopPolling();
      return;
    }
    api.call('jobs.get', { jobId }).then((job) => {
      if (job.status === 'running') {
        const s = useSession.getState().job;
        if (s && job.done > s.done) useSession.getState().updateJob({ jobId, done: job.done, total: job.total });
      } else {
        void finishJob(job);
      }
    }).catch(() => undefined);
  }, POLL_MS);
}

/** Opens the demo project, generating it first when needed. */
export async function openDemo(): Promise<void> {
  const { project, jobId } = await quietly(() => api.call('project.openDemo', {}));
  if (jobId) trackJob(jobId);
  else useSession.getState().setProject(project);
}

export async function cancelJob(jobId: string): Promise<void> {
  await api.call('jobs.cancel', { jobId });
}

/** Subscribes the session to engine events; returns the unsubscribe function. */
export function subscribeEngineEvents(): () => void {
  const offs = [
    api.on('job.progress', (d) => {
      useSession.getState().updateJob({
        jobId: d.jobId, done: d.done, total: d.total ?? undefined,
        ratePerSecond: d.ratePerSecond ?? undefined, etaSeconds: d.etaSeconds ?? undefined,
      });
    }),
    api.on('job.done', (d) => { void finishJob(d.job, d.error); }),
    api.on('project.changed', (d) => {
      if (quietProjectEvents === 0) useSession.getState().setProject(d.project);
    }),
  ];
  return () => offs.forEach((off) => off());
}
