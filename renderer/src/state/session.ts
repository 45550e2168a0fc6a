import { create } from 'zustand';
import type { ProjectInfo } from '../../../shared/model/project';
import { useFilters } from './filters';

/** booting → start (no project) | generating (demo being built) | ready (project open). */
export type Phase = 'booting' | 'start' | 'generating' | 'ready';

export interface JobProgress {
  jobId: string;
  done: number;
  total: number | null;
  ratePerSecond: number | null;
  etaSeconds: number | null;
}

/** Something to tell the user on the start page; localized when rendered. */
export type Notice =
  | { kind: 'error'; error: unknown }
  | { kind: 'jobFailed'; error: { code: string; message: string } }
  | { kind: 'jobCancelled' }
  | { kind: 'autoDemo' };

export interface SessionState {
  phase: Phase;
  project: ProjectInfo | null;
  job: JobProgress | null;
  notice: Notice | null;
  /** Set when even the first calls to the engine failed (e.g. wrong token). */
  bootError: unknown;
  setProject(project: ProjectInfo | null): void;
  startJob(jobId: string): void;
  updateJob(p: Partial<JobProgress> & { jobId: string }): void;
  endJob(project: ProjectInfo | null, notice?: Notice | null): void;
  setNotice(notice: Notice | null): void;
  setBootError(e: unknown): void;
}

export const useSession = create<SessionState>()((set, get) => ({
  phase: 'booting',
  project: null,
  job: null,
  notice: null,
  bootError: null,
  setProject: (project) => {
    if (get().phase === 'generating') return; // the running job decides when the project is ready
    set(project ? { project, phase: 'ready', bootError: null, notice: null } : { project, phase: 'start', bootError: null });
  },
  startJob: (jobId) => set({
    phase: 'generating', project: null, bootError: null,
    job: { jobId, done: 0, total: null, ratePerSecond: null, etaSeconds: null },
  }),
  updateJob: (p) => {
    const job = get().job;
    if (!job || job.jobId !== p.jobId) return;
    const next = { ...job };
    for (const [k, v] of Object.entries(p)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
    set({ job: next });
  },
  endJob: (project, notice = null) => set({ job: null, project, phase: project ? 'ready' : 'start', notice }),
  setNotice: (notice) => set({ notice }),
  setBootError: (e) => set({ bootError: e, phase: 'start' }),
}));

// Category ids, districts etc. belong to one project: another project starts with an empty filter.
useSession.subscribe((s, prev) => {
  if ((s.project?.path ?? null) !== (prev.project?.path ?? null)) useFilters.getState().reset();
});
