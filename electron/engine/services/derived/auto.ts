import type { EventPayload } from '../../../../shared/api/events';
import type { EngineContext } from '../../context';
import { SqliteDerivedRepository } from '../../db/repos/derived-repo';

export const REFRESH_KIND = 'derived.refresh';

/** True while the open project owes derived data (a large import's index/alerts, or an interrupted refresh). */
export function derivedPending(ctx: Pick<EngineContext, 'projects'>): boolean {
  const cur = ctx.projects.open;
  if (!cur) return false;
  try { return new SqliteDerivedRepository(cur.handle.db).hasPending(); } catch { return false; }
}

const HELD = new WeakSet<Pick<EngineContext, 'projects'>>();

/**
 * Keeps this engine from starting the refresh job on its own (the CLI's `demo --defer-derived`, which
 * leaves the queue for the app to resume when it opens the project); returns the release.
 */
export function holdDerivedRefresh(ctx: EngineContext): () => void {
  HELD.add(ctx);
  return () => HELD.delete(ctx);
}

/** Starts the refresh job when the open project owes derived data and no job is running. */
export function startDerivedRefresh(ctx: EngineContext): string | null {
  const cur = ctx.projects.open;
  if (!cur || HELD.has(ctx) || ctx.jobs.running() || !derivedPending(ctx)) return null;
  const file = cur.handle.path;
  return ctx.jobs.start(REFRESH_KIND, {}, file, () => {
    if (ctx.projects.open?.handle.path === file) ctx.events.emit('project.changed', { project: ctx.projects.info() });
  }).jobId;
}

/**
 * Keeps derived data from staying owed: right after any other job ends (a large import queues the
 * work) and when a project is opened (a crash or cancel left work queued), the refresh job starts.
 * A cancelled or failed refresh is not restarted until the next job or the next opening.
 */
export function installDerivedRefresh(ctx: EngineContext): () => void {
  let openPath: string | null = null;
  const later = () => setImmediate(() => { try { startDerivedRefresh(ctx); } catch { /* another job took the slot: retried when it ends */ } });
  return ctx.events.subscribe((e) => {
    if (e.event === 'job.done') {
      if ((e.data as EventPayload<'job.done'>).job.kind !== REFRESH_KIND) later();
    } else if (e.event === 'project.changed') {
      const p = (e.data as EventPayload<'project.changed'>).project?.path ?? null;
      if (p && p !== openPath) later();
      openPath = p;
    }
  });
}

/** Waits for the refresh job the engine starts after a job (it starts on the next turn); null when none ran. */
export async function waitDerivedRefresh(ctx: EngineContext): Promise<{ status: string; seconds: number } | null> {
  await new Promise((r) => setImmediate(r));
  const job = ctx.jobs.list().find((j) => j.kind === REFRESH_KIND && j.status === 'running');
  if (!job) return null;
  const done = await ctx.jobs.wait(job.jobId);
  return { status: done.status, seconds: ((done.finishedAt ?? Date.now()) - done.startedAt) / 1000 };
}
