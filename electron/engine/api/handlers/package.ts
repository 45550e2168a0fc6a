import path from 'node:path';
import fs from 'node:fs';
import { ApiError } from '../../../../shared/api/errors';
import type { EngineContext } from '../../context';
import type { HandlerGroup } from '../types';
import { startProjectJob } from './jobs';
import { previewPackage } from '../../services/package/preview';
import { inspectPackage } from '../../services/package/manifest';
import type { PackageExportParams } from '../../services/package/export';

function requireIdle(ctx: EngineContext): void {
  const running = ctx.jobs.running();
  if (running) throw new ApiError('JOB_BUSY', { jobId: running.jobId });
}

export const packageHandlers: HandlerGroup<'package.preview' | 'package.export' | 'package.inspect' | 'package.import'> = {
  'package.preview': (i, ctx) => previewPackage(ctx.projects.require().handle.db, i.filter, i.settings, i.sample),
  'package.export': (i, ctx) => {
    const info = ctx.projects.info();
    requireIdle(ctx);
    const outDir = path.resolve(i.outDir);
    if (fs.existsSync(outDir) && (!fs.statSync(outDir).isDirectory() || fs.readdirSync(outDir).length > 0)) throw new ApiError('PACKAGE_OUT_NOT_EMPTY', { path: outDir });
    const params: PackageExportParams = { ...i, outDir, appVersion: ctx.version, projectName: info.name };
    return { jobId: startProjectJob(ctx, 'package.export', params) };
  },
  'package.inspect': (i) => inspectPackage(i.dir),
  'package.import': (i, ctx) => {
    ctx.projects.require();
    requireIdle(ctx);
    const dir = path.resolve(i.dir);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ApiError('FILE_NOT_FOUND', { path: dir });
    return { jobId: startProjectJob(ctx, 'package.import', { dir }) };
  },
};
