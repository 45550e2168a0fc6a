/**
 * Evidence behind a score: the records of one object in one period of a stored run, each with the
 * role it played in one indicator (counted, flagged, excluded by a rule, not applicable), computed by
 * the same code as the run itself.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../../shared/api/errors';
import type { RunResult } from '../../../../shared/api/areas/evaluation';
import { factsOf, findNode, METRICS, parsePeriod, rowRoles, type RowRole } from '../../../../shared/domain/evaluation';
import { SqliteEvaluationRows, type EvidenceRecord } from '../../db/repos/evaluation-rows';
import { metricContext } from './compute';

export interface EvidenceRow extends EvidenceRecord { responseH: number | null; closeH: number | null; role: RowRole }

const ROLE_ORDER: Record<RowRole, number> = { flag: 0, excluded: 1, ok: 2, na: 3 };

export function evidenceRecords(db: Database.Database, run: RunResult, q: { period: string; object: string; indicatorId: string; roles?: RowRole[]; offset: number; limit: number }): EvidenceRow[] {
  const node = findNode(run.scheme.root, q.indicatorId);
  if (!node || node.kind !== 'indicator') throw new ApiError('BAD_INPUT', { detail: `指标 ${q.indicatorId} 不在方案中 / indicator ${q.indicatorId} is not in the scheme` });
  const period = parsePeriod(q.period);
  if (!period || !run.periods.some((p) => p.label === q.period)) throw new ApiError('BAD_INPUT', { detail: `期间 ${q.period} 不在结果中 / period ${q.period} is not in the run` });
  const repo = new SqliteEvaluationRows(db);
  const text = METRICS[node.metric].needs.includes('text');
  const rows = [...repo.rows(run.objectKind, run.filter, period.from, period.to, { text, object: q.object })];
  const facts = factsOf(rows, run.scheme.exclusions, text);
  const roles = rowRoles(node.metric, node.params, rows, facts, metricContext(run.scheme, run.provenance.asOf));
  const wanted = q.roles?.length ? new Set(q.roles) : null;
  const picked = rows.map((r, i) => ({ r, f: facts[i], role: roles[i] })).filter((x) => !wanted || wanted.has(x.role));
  const dur = (x: (typeof picked)[number]) => x.f.closeSec ?? x.f.responseSec ?? -1;
  picked.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || dur(b) - dur(a) || a.r.id - b.r.id);
  const page = picked.slice(q.offset, q.offset + q.limit);
  const details = new Map(repo.evidence(page.map((x) => x.r.id)).map((d) => [d.id, d]));
  return page.map((x) => ({
    ...details.get(x.r.id)!,
    responseH: x.f.responseSec === null ? null : x.f.responseSec / 3600,
    closeH: x.f.closeSec === null ? null : x.f.closeSec / 3600,
    role: x.role,
  }));
}

export function timeline(db: Database.Database, recordId: number) {
  const r = new SqliteEvaluationRows(db).record(recordId) as null | {
    id: number; externalId: string; sourceCode: string; title: string | null; content: string | null; reply: string | null; address: string | null;
    district: string | null; street: string | null; department: string | null; category: string | null; status: string | null; transfers: number;
    satisfaction: number | null; satisfactionLabel: string | null; batchId: number; receivedAt: number; firstResponseAt: number | null; closedAt: number | null;
  };
  if (!r) throw new ApiError('BAD_INPUT', { detail: `工单 ${recordId} 不存在 / record ${recordId} does not exist` });
  const { receivedAt, firstResponseAt, closedAt, ...rest } = r;
  const ev = (kind: 'received' | 'firstResponse' | 'closed' | 'open', at: number) => ({ kind, at, hoursFromReceipt: (at - receivedAt) / 3_600_000 });
  const events = [ev('received', receivedAt)];
  if (firstResponseAt !== null) events.push(ev('firstResponse', firstResponseAt));
  if (closedAt !== null) events.push(ev('closed', closedAt));
  events.sort((a, b) => a.at - b.at);
  return { ...rest, events };
}
