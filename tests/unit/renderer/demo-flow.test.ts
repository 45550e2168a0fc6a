import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProjectInfo } from '../../../shared/model/project';

const mock = vi.hoisted(() => {
  const listeners = new Map<string, (d: unknown) => void>();
  return {
    listeners,
    call: vi.fn<(method: string, input: unknown) => Promise<unknown>>(),
    on: vi.fn((event: string, l: (d: unknown) => void) => { listeners.set(event, l); return () => listeners.delete(event); }),
  };
});
vi.mock('../../../renderer/src/platform/select', () => ({ api: { call: mock.call, on: mock.on }, host: 'browser', dialogs: { available: false } }));

const { openDemo, subscribeEngineEvents } = await import('../../../renderer/src/features/start/demo');
const { useSession } = await import('../../../renderer/src/state/session');

const project: ProjectInfo = { path: '/d/demo.minsheng', name: 'demo', schemaVersion: 1, fileSizeBytes: 1, synthetic: true, createdAt: '2024-01-01T00:00:00Z', counts: [] };
const job = (status: 'running' | 'succeeded' | 'failed' | 'cancelled', message: string | null = null) =>
  ({ jobId: 'j1', kind: 'demo.generate', status, done: 10, total: 10, startedAt: 0, finishedAt: 1, message });
const emit = (event: string, data: unknown) => mock.listeners.get(event)?.(data);
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('demo start flow', () => {
  let off: () => void;
  beforeEach(() => {
    useSession.setState({ phase: 'start', project: null, job: null, notice: null, bootError: null });
    mock.call.mockReset();
    off = subscribeEngineEvents();
  });
  afterEach(() => off());

  it('opens an existing demo directly', async () => {
    mock.call.mockResolvedValueOnce({ project, jobId: null });
    await openDemo();
    expect(useSession.getState()).toMatchObject({ phase: 'ready', project });
  });

  it('ignores project.changed while the demo is being opened, then tracks the job to the end', async () => {
    mock.call.mockImplementation(async (method) => {
      if (method === 'project.openDemo') {
        emit('project.changed', { project: { ...project, name: 'half-built' } });
        return { project, jobId: 'j1' };
      }
      if (method === 'project.current') return project;
      throw new Error(`unexpected ${method}`);
    });
    await openDemo();
    expect(useSession.getState().phase).toBe('generating');
    emit('job.progress', { jobId: 'j1', kind: 'demo.generate', done: 500, total: 1000, ratePerSecond: 250, etaSeconds: 2, message: null });
    emit('job.progress', { jobId: 'other', kind: 'x', done: 1, total: 1, ratePerSecond: null, etaSeconds: null, message: null });
    expect(useSession.getState().job).toEqual({ jobId: 'j1', done: 500, total: 1000, ratePerSecond: 250, etaSeconds: 2 });
    emit('job.done', { job: job('succeeded') });
    await flush();
    expect(useSession.getState()).toMatchObject({ phase: 'ready', project, job: null });
  });

  it('a failed job closes the half-built project and keeps the failure notice', async () => {
    mock.call.mockImplementation(async (method) => {
      if (method === 'project.openDemo') return { project, jobId: 'j1' };
      if (method === 'project.close') {
        emit('project.changed', { project }); // late event from the job's end
        return { closed: true };
      }
      throw new Error(`unexpected ${method}`);
    });
    await openDemo();
    emit('job.done', { job: job('failed', 'disk full'), error: { code: 'INTERNAL', message: 'disk full' } });
    await flush();
    const s = useSession.getState();
    expect(mock.call).toHaveBeenCalledWith('project.close', {});
    expect(s.phase).toBe('start');
    expect(s.notice).toEqual({ kind: 'jobFailed', error: { code: 'INTERNAL', message: 'disk full' } });
    emit('project.changed', { project: null });
    expect(useSession.getState().notice).not.toBeNull();
  });

  it('a cancelled job returns to the start page with a notice', async () => {
    mock.call.mockImplementation(async (method) => (method === 'project.openDemo' ? { project, jobId: 'j1' } : { closed: true }));
    await openDemo();
    emit('job.done', { job: job('cancelled') });
    await flush();
    expect(useSession.getState()).toMatchObject({ phase: 'start', notice: { kind: 'jobCancelled' } });
  });
});
