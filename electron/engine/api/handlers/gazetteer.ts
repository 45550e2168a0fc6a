import { ApiError } from '../../../../shared/api/errors';
import { gazetteerContext, importDivisions, setGazetteer } from '../../services/layers/gazetteer';
import type { EngineContext } from '../../context';
import type { HandlerGroup } from '../types';

const db = (ctx: EngineContext) => ctx.projects.require().handle.db;

/** Settings are written outside jobs: refuse while a job holds the project. */
function idle(ctx: EngineContext): void {
  const running = ctx.jobs.running();
  if (running) throw new ApiError('JOB_BUSY', { jobId: running.jobId });
}

function audit(ctx: EngineContext, action: string, detail: unknown): void {
  ctx.projects.open?.audit.append({ at: Date.now(), actor: 'user', action, detail });
}

export const gazetteerHandlers: HandlerGroup<'gazetteer.get' | 'gazetteer.regions' | 'gazetteer.set' | 'gazetteer.importList'> = {
  'gazetteer.get': (_i, ctx) => gazetteerContext(db(ctx)).state,
  'gazetteer.regions': (_i, ctx) => gazetteerContext(db(ctx)).index.regions(),
  'gazetteer.set': (i, ctx) => {
    idle(ctx);
    const state = setGazetteer(db(ctx), { region: i.region, clearUserList: i.clearUserList });
    audit(ctx, 'gazetteer.set', i);
    return state;
  },
  'gazetteer.importList': (i, ctx) => {
    idle(ctx);
    const r = importDivisions(db(ctx), i.path, i.mode, Date.now());
    audit(ctx, 'gazetteer.importList', { path: i.path, mode: i.mode, imported: r.imported, problems: r.problems.length });
    return r;
  },
};
