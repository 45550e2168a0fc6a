import { ApiError } from '../../../../shared/api/errors';
import { EVIDENCE_COLUMNS } from '../../../../shared/api/areas/evaluation';
import { METRICS, METRIC_IDS } from '../../../../shared/domain/evaluation';
import type { EngineContext } from '../../context';
import { SqliteEvaluationRepository } from '../../db/repos/evaluation-repo';
import { SqliteEvaluationRows } from '../../db/repos/evaluation-rows';
import { rowsToArrowIPC } from '../../services/arrow';
import { parsePeriods } from '../../services/evaluation/compute';
import { evidenceRecords, timeline } from '../../services/evaluation/evidence';
import { builtInDefault, parseSchemeFile, problemsOf, requireScheme, saveScheme, schemeOf } from '../../services/evaluation/schemes';
import { loadRun, paramsOf } from '../../services/evaluation/store';
import type { HandlerGroup } from '../types';
import { startProjectJob } from './jobs';

const repoOf = (ctx: EngineContext) => new SqliteEvaluationRepository(ctx.projects.require().handle.db);
const dbOf = (ctx: EngineContext) => ctx.projects.require().handle.db;

function startRun(ctx: EngineContext, params: ReturnType<typeof paramsOf> & { sourceRunId?: number }): string {
  const { scheme } = requireScheme(repoOf(ctx), params.schemeId);
  const errors = problemsOf(scheme).filter((p) => p.severity === 'error');
  if (errors.length) throw new ApiError('BAD_INPUT', { detail: errors.map((e) => `${e.message.zh} / ${e.message.en}`).join('; ') });
  const periods = parsePeriods(params.periods);
  if ('bad' in periods) throw new ApiError('BAD_INPUT', { detail: `无法识别的期间 / unknown period: ${periods.bad}` });
  return startProjectJob(ctx, 'evaluation.run', params);
}

export const evaluationHandlers: HandlerGroup<
  'evaluation.listSchemes' | 'evaluation.getScheme' | 'evaluation.validateScheme' | 'evaluation.saveScheme' | 'evaluation.deleteScheme'
  | 'evaluation.exportScheme' | 'evaluation.importScheme' | 'evaluation.run' | 'evaluation.rerun' | 'evaluation.listRuns' | 'evaluation.result'
  | 'evaluation.deleteRun' | 'evaluation.evidenceRecords' | 'evaluation.timeline' | 'evaluation.metrics'
> = {
  'evaluation.listSchemes': (_i, ctx) => repoOf(ctx).listSchemes().map((r) => ({
    id: r.id, key: r.key, version: r.version, name: JSON.parse(r.name) as { zh: string; en: string }, createdAt: r.createdAt, versions: r.versions,
  })),
  'evaluation.getScheme': (i, ctx) => {
    const repo = repoOf(ctx);
    const row = i.id !== undefined ? requireScheme(repo, i.id).row : i.key !== undefined ? repo.latestScheme(i.key) : null;
    if (i.key !== undefined && !row) throw new ApiError('BAD_INPUT', { detail: `评估方案 ${i.key} 不存在 / evaluation scheme ${i.key} does not exist` });
    const scheme = row ? schemeOf(row) : builtInDefault();
    return { id: row?.id ?? null, scheme, problems: problemsOf(scheme) };
  },
  'evaluation.validateScheme': (i) => problemsOf(i.scheme),
  'evaluation.saveScheme': (i, ctx) => {
    const out = saveScheme(repoOf(ctx), i.scheme, Date.now());
    ctx.projects.require().audit.append({ at: Date.now(), actor: 'user', action: 'evaluation.saveScheme', detail: { key: out.key, version: out.version } });
    return out;
  },
  'evaluation.deleteScheme': (i, ctx) => {
    const deleted = repoOf(ctx).deleteScheme(i.key, Date.now());
    ctx.projects.require().audit.append({ at: Date.now(), actor: 'user', action: 'evaluation.deleteScheme', detail: { key: i.key, versions: deleted } });
    return { deleted };
  },
  'evaluation.exportScheme': (i, ctx) => {
    const { row, scheme } = requireScheme(repoOf(ctx), i.id);
    return { json: JSON.stringify(scheme, null, 2), fileName: `${row.key}-v${row.version}.scheme.json` };
  },
  'evaluation.importScheme': (i, ctx) => {
    const out = saveScheme(repoOf(ctx), parseSchemeFile(i.json), Date.now());
    ctx.projects.require().audit.append({ at: Date.now(), actor: 'user', action: 'evaluation.importScheme', detail: { key: out.key, version: out.version } });
    return out;
  },
  'evaluation.run': (i, ctx) => ({ jobId: startRun(ctx, i) }),
  'evaluation.rerun': (i, ctx) => {
    const run = repoOf(ctx).getRun(i.runId);
    if (!run) throw new ApiError('BAD_INPUT', { detail: `评估结果 ${i.runId} 不存在 / evaluation run ${i.runId} does not exist` });
    return { jobId: startRun(ctx, { ...paramsOf(run), sourceRunId: run.sourceRunId ?? run.id }) };
  },
  'evaluation.listRuns': (_i, ctx) => repoOf(ctx).listRuns().map((r) => ({
    id: r.id, createdAt: r.createdAt, schemeId: r.schemeId, schemeKey: r.schemeKey, schemeVersion: r.schemeVersion,
    schemeName: JSON.parse(r.schemeName) as { zh: string; en: string }, objectKind: r.objectKind as 'department',
    periods: JSON.parse(r.periodsJson) as string[], resultHash: r.resultHash, sourceRunId: r.sourceRunId,
  })),
  'evaluation.result': (i, ctx) => loadRun(dbOf(ctx), i.runId),
  'evaluation.deleteRun': (i, ctx) => ({ deleted: repoOf(ctx).deleteRun(i.runId) }),
  'evaluation.evidenceRecords': (i, ctx) => {
    const db = dbOf(ctx);
    const rows = evidenceRecords(db, loadRun(db, i.runId), i);
    return rowsToArrowIPC(rows, EVIDENCE_COLUMNS);
  },
  'evaluation.timeline': (i, ctx) => timeline(dbOf(ctx), i.recordId),
  'evaluation.metrics': (_i, ctx) => {
    const rows = new SqliteEvaluationRows(dbOf(ctx));
    const alerts = rows.alerts('department', null, null) !== null;
    const population = rows.population('district').size > 0 || rows.population('street').size > 0;
    const replies = rows.hasReplies();
    return METRIC_IDS.map((id) => {
      const m = METRICS[id];
      const available = (!m.needs.includes('alerts') || alerts) && (!m.needs.includes('population') || population) && (!m.needs.includes('text') || replies);
      return { ...m, params: [...m.params], needs: [...m.needs], available };
    });
  },
};
