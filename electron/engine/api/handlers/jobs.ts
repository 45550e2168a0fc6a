import type { EngineContext } from '../../context';
import type { HandlerGroup } from '../types';

/** Starts a writing job on the open project; announces the refreshed project when it ends. */
export function startProjectJob(ctx: EngineContext, kind: string, params: unknown, onDone?: (status: string) => void): string {
  const project = ctx.projects.require();
  const file = project.handle.path;
  const info = ctx.jobs.start(kind, params, file, (done) => {
    const cur = ctx.projects.open;
    if (!cur || cur.handle.path !== file) return;
    onDone?.(done.status);
    ctx.events.emit('project.changed', { project: ctx.projects.info() });
  });
  return info.jobId;
}

/** Starts demo generation into the open project. */
export function startDemoJob(ctx: EngineContext, records: number, seed: number): string {
  return startProjectJob(ctx, 'demo.generate', { records, seed }, (status) => {
    ctx.projects.open?.audit.append({ at: Date.now(), actor: 'system', action: 'demo.generate', detail: { records, seed, status } });
  });
}

export const jobHandlers: HandlerGroup<'jobs.list' | 'jobs.get' | 'jobs.cancel' | 'demo.generate'> = {
  'jobs.list': (_i, ctx) => ctx.jobs.list(),
  'jobs.get': (i, ctx) => ctx.jobs.get(i.jobId),
  'jobs.cancel': (i, ctx) => ctx.jobs.cancel(i.jobId),
  'demo.generate': (i, ctx) => ({ jobId: startDemoJob(ctx, i.records, i.seed ?? 12345) }),
};
