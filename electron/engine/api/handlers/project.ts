import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../../shared/api/errors';
import type { EngineContext } from '../../context';
import type { HandlerGroup } from '../types';
import { startDemoJob } from './jobs';

export const DEFAULT_DEMO_RECORDS = 200_000;
export const DEMO_SEED = 12345;

function openDemo(ctx: EngineContext, records: number | undefined) {
  const file = path.join(ctx.dataDir, 'demo.minsheng');
  const running = ctx.jobs.running();
  if (running && running.kind === 'demo.generate' && ctx.projects.open?.handle.path === file) {
    return { project: ctx.projects.info(), jobId: running.jobId };
  }
  if (fs.existsSync(file) && records === undefined) {
    try {
      const info = ctx.projects.openFile(file, 'system', 'project.openDemo');
      if (ctx.projects.require().meta.getMeta('demo_records')) return { project: info, jobId: null };
      ctx.projects.close(false);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'PROJECT_LOCKED') throw e;
    }
  }
  if (ctx.projects.open?.handle.path === file) ctx.projects.close(false);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  ctx.projects.create(file, 'system');
  const fallback = Number(process.env.MINSHENG_DEMO_RECORDS) || DEFAULT_DEMO_RECORDS;
  const jobId = startDemoJob(ctx, records ?? fallback, DEMO_SEED);
  return { project: ctx.projects.info(), jobId };
}

export const projectHandlers: HandlerGroup<
  'project.current' | 'project.create' | 'project.open' | 'project.openDemo' | 'project.close' | 'project.info' | 'project.recent' | 'project.forgetRecent'
> = {
  'project.current': (_i, ctx) => (ctx.projects.open ? ctx.projects.info() : null),
  'project.create': (i, ctx) => ctx.projects.create(i.path),
  'project.open': (i, ctx) => ctx.projects.openFile(i.path),
  'project.openDemo': (i, ctx) => openDemo(ctx, i.records),
  'project.close': (_i, ctx) => {
    const running = ctx.jobs.running();
    if (running) throw new ApiError('JOB_BUSY', { jobId: running.jobId });
    return { closed: ctx.projects.close() };
  },
  'project.info': (_i, ctx) => ctx.projects.info(),
  'project.recent': (_i, ctx) => ctx.settings.recent(),
  'project.forgetRecent': (i, ctx) => {
    ctx.settings.forgetRecent(i.path);
    return ctx.settings.recent();
  },
};
