/** Runs a scheme version and stores the result with its provenance, inside the caller's transaction. */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../../shared/api/errors';
import type { RunResult } from '../../../../shared/api/areas/evaluation';
import { SqliteAuditRepository } from '../../db/repos/audit-repo';
import { SqliteEvaluationRepository, type RunRow } from '../../db/repos/evaluation-repo';
import { SqliteEvaluationRows } from '../../db/repos/evaluation-rows';
import { computeRun, type RunParams } from './compute';
import { hashOf } from './hash';
import { requireScheme } from './schemes';

export interface RunDone { runId: number; resultHash: string; matchesSource: boolean | null }

export function runAndStore(db: Database.Database, p: RunParams, now: () => number, progress?: (done: number, total: number) => void): RunDone {
  const repo = new SqliteEvaluationRepository(db);
  const { row, scheme } = requireScheme(repo, p.schemeId);
  const t0 = performance.now();
  const run = computeRun(db, scheme, p, progress);
  const seconds = (performance.now() - t0) / 1000;
  const createdAt = now();
  const runId = repo.insertRun({
    schemeId: p.schemeId, objectKind: p.objectKind, periodsJson: JSON.stringify(p.periods), filterJson: JSON.stringify(p.filter),
    sensitivityPercent: p.sensitivityPercent, dataHash: run.provenance.dataHash, resultHash: run.resultHash,
    resultJson: JSON.stringify(run), sourceRunId: p.sourceRunId ?? null, createdAt, seconds,
  });
  const source = p.sourceRunId ? repo.getRun(p.sourceRunId) : null;
  const matchesSource = source ? source.resultHash === run.resultHash : null;
  new SqliteAuditRepository(db).append({ at: createdAt, actor: 'user', action: 'evaluation.run', detail: {
    runId, scheme: row.key, version: row.version, objectKind: p.objectKind, periods: p.periods, resultHash: run.resultHash, sourceRunId: p.sourceRunId ?? null, matchesSource,
  } });
  return { runId, resultHash: run.resultHash, matchesSource };
}

/** The parameters a stored run was made with (to run it again). */
export function paramsOf(run: RunRow): RunParams {
  return {
    schemeId: run.schemeId, objectKind: run.objectKind as RunParams['objectKind'], periods: JSON.parse(run.periodsJson) as string[],
    filter: JSON.parse(run.filterJson) as RunParams['filter'], sensitivityPercent: run.sensitivityPercent,
  };
}

export function loadRun(db: Database.Database, runId: number): RunResult {
  const row = new SqliteEvaluationRepository(db).getRun(runId);
  if (!row) throw new ApiError('BAD_INPUT', { detail: `评估结果 ${runId} 不存在 / evaluation run ${runId} does not exist` });
  const stored = JSON.parse(row.resultJson) as Omit<RunResult, 'id' | 'createdAt' | 'seconds' | 'dataChanged'>;
  const rows = new SqliteEvaluationRows(db);
  const batches = rows.batches();
  const dataChanged = hashOf({ batches, asOf: rows.dataEnd() }) !== row.dataHash;
  return { ...stored, id: row.id, createdAt: row.createdAt, seconds: row.seconds, dataChanged };
}
