import type { HandlerGroup } from '../types';

export const auditHandlers: HandlerGroup<'audit.list' | 'audit.actions' | 'audit.verify'> = {
  'audit.list': (i, ctx) => ctx.projects.require().audit.list(i),
  'audit.actions': (_i, ctx) => ctx.projects.require().audit.actions(),
  'audit.verify': (_i, ctx) => ({ ...ctx.projects.require().audit.verify(), checkedAt: Date.now() }),
};
