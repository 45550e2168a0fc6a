import { useCallback, useEffect, useRef, useState } from 'react';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { projectKey } from '../../state/facets';
import { useSession } from '../../state/session';
import { startWatchedJob, type JobEnd, type JobProgressEvent } from './job-watch';

/** Identifies the open project's current content: changes after every import, removal or re-standardisation. */
export function useProjectKey(): string {
  const project = useSession((s) => s.project);
  return project ? projectKey(project) : '';
}

/** The project's hotline sources with record counts (refreshed when the project changes). */
export function useSources() {
  const key = useProjectKey();
  return useAsync(() => api.call('sources.list', {}), key);
}

export interface JobRun {
  jobId: string | null;
  kind: string;
  progress: JobProgressEvent | null;
  end: JobEnd | null;
  /** Refused to start (thrown by the start call). */
  error: unknown;
}

/**
 * Runs one writing job at a time from a component (remove batch, taxonomy import, crosswalk apply…):
 * progress, outcome, cancel. Stops listening when the component unmounts (the job itself goes on).
 */
export function useJobRunner(onDone?: (end: JobEnd, kind: string) => void) {
  const [run, setRun] = useState<JobRun | null>(null);
  const stopRef = useRef<(() => void) | null>(null);
  const doneRef = useRef(onDone);
  useEffect(() => { doneRef.current = onDone; }, [onDone]);
  useEffect(() => () => stopRef.current?.(), []);

  const start = useCallback(async (kind: string, fn: () => Promise<{ jobId: string }>) => {
    stopRef.current?.();
    setRun({ jobId: null, kind, progress: null, end: null, error: null });
    try {
      const { jobId, stop } = await startWatchedJob(fn, {
        progress: (p) => setRun((r) => (r && r.kind === kind ? { ...r, progress: p } : r)),
        done: (end) => {
          setRun((r) => (r && r.kind === kind ? { ...r, end } : r));
          doneRef.current?.(end, kind);
        },
      });
      stopRef.current = stop;
      setRun((r) => (r && r.kind === kind ? { ...r, jobId } : r));
    } catch (e) {
      setRun((r) => (r && r.kind === kind ? { ...r, error: e } : r));
    }
  }, []);

  const cancel = useCallback(async () => {
    if (run?.jobId) await api.call('jobs.cancel', { jobId: run.jobId }).catch(() => undefined);
  }, [run?.jobId]);

  const running = run !== null && run.end === null && run.error == null;
  return { run, running, start, cancel, clear: () => setRun(null) };
}
