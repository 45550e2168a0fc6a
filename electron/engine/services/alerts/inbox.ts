/**
 * The inbox and the workflow: alerts as the API shows them (names, dates), an alert's detail
 * (trail, comments, group, filter, keywords, follow-up) and the status transitions, each timestamped
 * and attributed in alert_events.
 */
import type Database from 'better-sqlite3';
import { ALERT_TRANSITIONS, type Alert, type AlertDetail, type AlertStatus } from '../../../../shared/api/areas/alerts';
import { ApiError } from '../../../../shared/api/errors';
import { dayToDate } from '../../../../shared/domain/surveillance/holidays';
import { categoryTree, type CategoryNode } from '../../db/repos/alerts-series';
import { SqliteAlertsRepository, type AlertRow } from '../../db/repos/alerts-repo';
import { categoryPath } from './detect-run';
import { alertKeywords } from './keywords';
import { termOfKey } from './terms';
import { alertFilter, scanAreas } from './single';

export function toApi(r: AlertRow, tree: ReadonlyMap<number, CategoryNode>): Alert {
  const path = categoryPath(tree, r.categoryId);
  return {
    id: r.id, seriesKey: r.seriesKey, term: termOfKey(r.seriesKey), detectors: r.detectors.split(',').filter(Boolean) as Alert['detectors'],
    categoryLevel: r.categoryLevel, categoryId: r.categoryId, categoryName: path.length ? path[path.length - 1].name : null,
    categoryPath: path.map((n) => n.name), areaLevel: r.areaLevel as Alert['areaLevel'],
    area: [r.district, r.street, r.community].filter((x): x is string => Boolean(x)), sourceCode: r.sourceCode,
    firstDay: dayToDate(r.firstDay), lastDay: dayToDate(r.lastDay), observed: r.observed, expected: r.expected,
    pValue: r.pValue, recurrenceDays: r.recurrenceDays, score: r.score, severity: r.severity as Alert['severity'],
    groupId: r.groupId, groupSize: r.groupSize, status: r.status as AlertStatus, department: r.department, dueAt: r.dueAt,
    snoozedUntil: r.snoozedUntil, createdAt: r.createdAt, updatedAt: r.updatedAt,
  };
}

function require(repo: SqliteAlertsRepository, id: number): AlertRow {
  const r = repo.get(id);
  if (!r) throw new ApiError('ALERT_NOT_FOUND', { id });
  return r;
}

export function alertDetail(db: Database.Database, id: number): AlertDetail {
  const repo = new SqliteAlertsRepository(db);
  const r = require(repo, id);
  const tree = categoryTree(db);
  const during = alertFilter(r, r.firstDay - 2, r.lastDay + 1);
  const before = alertFilter(r, r.firstDay - 90, r.firstDay - 2);
  return {
    alert: toApi(r, tree),
    events: repo.events(id) as AlertDetail['events'],
    comments: repo.comments(id),
    group: r.groupId === null ? [] : repo.group(r.groupId).filter((g) => g.id !== id).map((g) => toApi(g, tree)),
    filter: during,
    areas: scanAreas(r) ?? [[r.district, r.street, r.community].filter((x): x is string => !!x)].filter((p) => p.length > 0),
    keywords: alertKeywords(db, during, before),
    followUp: r.followup ? JSON.parse(r.followup) : null,
    allowed: [...ALERT_TRANSITIONS[r.status as AlertStatus]].filter((s) => s !== 'verified' && s !== 'recurred'),
  };
}

export interface TransitionInput { id: number; to: AlertStatus; note?: string; department?: string; dueAt?: number; actor?: string }

export function transition(db: Database.Database, i: TransitionInput, now: number): void {
  const repo = new SqliteAlertsRepository(db);
  const r = require(repo, i.id);
  const from = r.status as AlertStatus;
  if (!ALERT_TRANSITIONS[from].includes(i.to)) throw new ApiError('ALERT_BAD_TRANSITION', { from, to: i.to });
  if (i.to === 'assigned' && !i.department?.trim()) throw new ApiError('ALERT_NEEDS_DEPARTMENT');
  const fields: Record<string, unknown> = { status: i.to };
  if (i.to === 'assigned') { fields.department = i.department!.trim(); fields.due_at = i.dueAt ?? null; }
  if (i.to === 'resolved') fields.resolved_at = now;
  repo.update(i.id, fields, now);
  repo.addEvent({ alertId: i.id, at: now, actor: i.actor ?? 'user', action: 'transition', from, to: i.to, note: i.note ?? null, department: i.department ?? null, dueAt: i.dueAt ?? null });
}

export function comment(db: Database.Database, id: number, text: string, actor: string, now: number): void {
  const repo = new SqliteAlertsRepository(db);
  require(repo, id);
  repo.addComment(id, now, actor, text);
}

export function snooze(db: Database.Database, id: number, until: number | null, actor: string, now: number): void {
  const repo = new SqliteAlertsRepository(db);
  const r = require(repo, id);
  repo.update(id, { snoozed_until: until }, now);
  repo.addEvent({ alertId: id, at: now, actor, action: 'snooze', from: r.status, to: r.status, note: until === null ? null : new Date(until).toISOString() });
}
