import type { JobBody } from '../types';
import type { PreviewResult, RenderResult, ReportSpec } from '../../../../shared/domain/report/spec';
import { previewReport, renderReport, type RenderParams } from '../../services/report/render';

export const reportPreviewJob: JobBody<{ spec: ReportSpec; appVersion: string }, PreviewResult> = (ctx, p) =>
  previewReport({ db: ctx.db, appVersion: p.appVersion, now: ctx.now, progress: ctx.progress }, p.spec);

export const reportRenderJob: JobBody<RenderParams & { appVersion: string }, RenderResult> = (ctx, p) =>
  renderReport({ db: ctx.db, appVersion: p.appVersion, now: ctx.now, progress: ctx.progress }, p);
