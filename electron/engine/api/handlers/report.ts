import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../../../../shared/api/errors';
import { ReportTemplateSchema, type ReportTemplate } from '../../../../shared/domain/report/spec';
import { BUILTIN_TEMPLATES, builtinTemplate } from '../../../../shared/domain/report/templates';
import type { EngineContext } from '../../context';
import { SqliteReportRepository, type StoredTemplate } from '../../db/repos/report-repo';
import { printerStatus } from '../../services/report/printer';
import { electronPrinting } from '../../services/report/print-relay';
import type { HandlerGroup } from '../types';
import { startProjectJob } from './jobs';

const repoOf = (ctx: EngineContext) => new SqliteReportRepository(ctx.projects.require().handle.db);
/** PNG bodies up to this size double as their own thumbnail in the basket listing. */
const THUMB_MAX_CHARS = 80_000;

const fromStored = (t: StoredTemplate, builtin: boolean): ReportTemplate =>
  ReportTemplateSchema.parse({ id: t.id, name: t.name, kind: t.kind, spec: t.spec, builtin, modified: builtin, updatedAt: t.updatedAt });

/** Built-ins (the project's edited version when saved) first, then the project's own templates. */
export function listTemplates(repo: SqliteReportRepository): ReportTemplate[] {
  const stored = new Map(repo.templates().map((t) => [t.id, t]));
  const builtins = BUILTIN_TEMPLATES.map((b) => { const s = stored.get(b.id); return s ? fromStored(s, true) : builtinTemplate(b.id)!; });
  const own = [...stored.values()].filter((t) => !builtinTemplate(t.id)).map((t) => fromStored(t, false));
  return [...builtins, ...own];
}

function audit(ctx: EngineContext, action: string, detail: unknown): void {
  ctx.projects.require().audit.append({ at: Date.now(), actor: 'user', action, detail });
}

function requireIdle(ctx: EngineContext): void {
  const running = ctx.jobs.running();
  if (running) throw new ApiError('JOB_BUSY', { jobId: running.jobId });
}

export const reportHandlers: HandlerGroup<
  'report.templates' | 'report.saveTemplate' | 'report.deleteTemplate' | 'report.resetTemplate' | 'report.items' | 'report.item'
  | 'report.addItem' | 'report.removeItem' | 'report.preview' | 'report.render' | 'report.history' | 'report.printerStatus'
> = {
  'report.templates': (_i, ctx) => listTemplates(repoOf(ctx)),
  'report.saveTemplate': (i, ctx) => {
    const repo = repoOf(ctx);
    const builtin = builtinTemplate(i.template.id);
    const t: StoredTemplate = { id: i.template.id, name: i.template.name, kind: builtin?.kind ?? i.template.kind, spec: i.template.spec, updatedAt: Date.now() };
    repo.saveTemplate(t);
    audit(ctx, 'report.saveTemplate', { id: t.id, name: t.name });
    return fromStored(t, builtin !== null);
  },
  'report.deleteTemplate': (i, ctx) => {
    if (builtinTemplate(i.id)) throw new ApiError('REPORT_BUILTIN', { id: i.id });
    const deleted = repoOf(ctx).deleteTemplate(i.id);
    if (deleted) audit(ctx, 'report.deleteTemplate', { id: i.id });
    return { deleted };
  },
  'report.resetTemplate': (i, ctx) => {
    const b = builtinTemplate(i.id);
    if (!b) throw new ApiError('REPORT_NOT_FOUND', { what: 'template', id: i.id });
    if (repoOf(ctx).deleteTemplate(i.id)) audit(ctx, 'report.resetTemplate', { id: i.id });
    return b;
  },
  'report.items': (_i, ctx) => repoOf(ctx).items(),
  'report.item': (i, ctx) => {
    const it = repoOf(ctx).item(i.id);
    if (!it) throw new ApiError('REPORT_NOT_FOUND', { what: 'item', id: i.id });
    return it;
  },
  'report.addItem': (i, ctx) => {
    const id = randomUUID();
    repoOf(ctx).addItem({ ...i, id, createdAt: Date.now() }, i.png.length <= THUMB_MAX_CHARS ? i.png : null);
    audit(ctx, 'report.addItem', { id, title: i.title, kind: i.kind, source: i.source });
    return { id };
  },
  'report.removeItem': (i, ctx) => {
    const removed = repoOf(ctx).removeItem(i.id);
    if (removed) audit(ctx, 'report.removeItem', { id: i.id });
    return { removed };
  },
  'report.preview': (i, ctx) => {
    requireIdle(ctx);
    return { jobId: startProjectJob(ctx, 'report.preview', { spec: i.spec, appVersion: ctx.version }) };
  },
  'report.render': (i, ctx) => {
    requireIdle(ctx);
    if (i.formats.includes('pdf') && !printerStatus(true).pdf) throw new ApiError('PDF_PRINTER_MISSING');
    const params = { ...i, outDir: path.resolve(i.outDir), appVersion: ctx.version, actor: 'user', printVia: electronPrinting() ? 'electron' : 'chromium' };
    return { jobId: startProjectJob(ctx, 'report.render', params) };
  },
  'report.history': (i, ctx) => repoOf(ctx).history(i.limit),
  'report.printerStatus': (_i, ctx) => printerStatus(ctx.settings.locale !== 'en'),
};
