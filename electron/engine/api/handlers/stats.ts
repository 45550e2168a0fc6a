import type { EngineContext } from '../../context';
import { rowsToArrowIPC } from '../../services/arrow';
import { statsDataAsync, type StatsData } from '../../services/stats/cache';
import { loadStatsInThread } from '../../services/stats/loader';
import { SqliteStatsRepository } from '../../db/repos/stats-repo';
import { backlogQuery, performanceQuery, sourcesQuery } from '../../services/stats/performance';
import { breakdown, categoryTree, cycle, pivot, series } from '../../services/stats/queries';
import { buildXlsx } from '../../services/stats/xlsx';
import { dayStartMs } from '../../../../shared/domain/stats/time';
import type { HandlerGroup } from '../types';
import { startProjectJob } from './jobs';

/**
 * The open project's statistics, loaded in a helper thread when they changed (the engine answers other
 * calls meanwhile); an older project first gets its columns built by a job.
 */
export function projectStats(ctx: EngineContext): Promise<StatsData> {
  const p = ctx.projects.require();
  const startRebuild = () => {
    const running = ctx.jobs.list().find((j) => j.status === 'running');
    return running ? running.jobId : startProjectJob(ctx, 'stats.rebuild', {});
  };
  return statsDataAsync(p.handle.db, startRebuild, () => loadStatsInThread(p.handle.path));
}

/**
 * The statistics columns when they are built, awaited from the helper-thread load (the engine keeps
 * answering meanwhile) — never an inline load on this thread, never a rebuild; null → the caller's SQL.
 */
export async function builtStats(ctx: EngineContext): Promise<StatsData | null> {
  if (new SqliteStatsRepository(ctx.projects.require().handle.db).needsRebuild()) return null;
  try { return await projectStats(ctx); } catch { return null; }
}

export const SERIES_COLUMNS = [
  ['start', 'float64'], ['label', 'utf8'], ['count', 'float64'], ['previous', 'float64'], ['yearAgo', 'float64'], ['movingAverage', 'float64'],
] as const;
export const BACKLOG_COLUMNS = [
  ['start', 'float64'], ['label', 'utf8'], ['received', 'float64'], ['closed', 'float64'], ['backlog', 'float64'], ['overdue', 'float64'],
  ['medianCloseHours', 'float64'], ['onTimeRate', 'float64'], ['satisfactionRate', 'float64'],
] as const;

export const statsHandlers: HandlerGroup<
  'stats.series' | 'stats.cycle' | 'stats.breakdown' | 'stats.categoryTree' | 'stats.pivot' | 'stats.performance' | 'stats.backlog' | 'stats.sources' | 'stats.xlsx'
> = {
  'stats.series': async (i, ctx) => {
    const pts = series(await projectStats(ctx), i.filter, i.granularity, i.maWindow);
    return rowsToArrowIPC(pts.map((p) => ({ ...p, start: dayStartMs(p.start), count: p.value })), SERIES_COLUMNS);
  },
  'stats.cycle': async (i, ctx) => cycle(await projectStats(ctx), i.filter),
  'stats.breakdown': async (i, ctx) => breakdown(await projectStats(ctx), i.filter, i.by, i.limit, i.compare),
  'stats.categoryTree': async (i, ctx) => categoryTree(await projectStats(ctx), i.filter),
  'stats.pivot': async (i, ctx) => pivot(await projectStats(ctx), i.filter, i.rows, i.cols, i.maxRows, i.maxCols, i.compare),
  'stats.performance': async (i, ctx) => performanceQuery(await projectStats(ctx), i.filter, i.by, i.rules, i.limit, i.repeats),
  'stats.backlog': async (i, ctx) => rowsToArrowIPC(backlogQuery(await projectStats(ctx), i.filter, i.granularity, i.rules), BACKLOG_COLUMNS),
  'stats.sources': async (i, ctx) => {
    const data = await projectStats(ctx);
    return sourcesQuery(data, i.filter, data.repo.sourceNames(), i.rules);
  },
  'stats.xlsx': async (i) => {
    const bytes = await buildXlsx(i.sheets);
    return { base64: Buffer.from(bytes).toString('base64'), bytes: bytes.byteLength };
  },
};
