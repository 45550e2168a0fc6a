/**
 * Follow-up of resolved alerts: once `followUpDays` have passed since resolution (in the data),
 * the alert's series over those days is compared with its baseline. No alarm day and an observed
 * total within the 99% band of the expected total → verified; otherwise → recurred.
 */
import type Database from 'better-sqlite3';
import type { AlertConfig } from '../../../../shared/api/areas/alerts';
import { localDayOf, DAY_MS } from '../../../../shared/domain/surveillance/holidays';
import { negBinQuantile } from '../../../../shared/domain/surveillance/math';
import type { SqliteAlertsRepository } from '../../db/repos/alerts-repo';
import { alertSeries } from './single';

export interface FollowUp { checkedAt: number; outcome: 'verified' | 'recurred' | 'pending'; observed: number; expected: number; upper: number }

export function followUpResolved(db: Database.Database, repo: SqliteAlertsRepository, c: AlertConfig, lastDataDay: number, now: number): number {
  let changed = 0;
  for (const a of repo.byStatus('resolved')) {
    if (a.resolvedAt === null) continue;
    const from = localDayOf(a.resolvedAt);
    const to = from + c.followUpDays;
    if (to > lastDataDay + 1) continue;
    const pts = alertSeries(db, a, c, from, to);
    const observed = pts.reduce((s, p) => s + p.observed, 0);
    const expected = pts.reduce((s, p) => s + p.expected, 0);
    const alpha = pts.length ? pts[pts.length - 1].alpha : 0;
    const upper = negBinQuantile(0.01, expected, alpha / Math.max(1, pts.length));
    const alarmed = pts.some((p) => p.alarms.length > 0);
    const outcome = !alarmed && observed <= upper ? 'verified' : 'recurred';
    const fu: FollowUp = { checkedAt: now, outcome, observed, expected, upper };
    repo.update(a.id, { status: outcome, followup_json: JSON.stringify(fu) }, now);
    repo.addEvent({ alertId: a.id, at: now, actor: 'system', action: 'follow-up', from: 'resolved', to: outcome, note: `${from}..${to - 1}: ${observed} / ${expected.toFixed(1)} (≤ ${upper})` });
    changed++;
  }
  return changed;
}

export const followUpDue = (resolvedAt: number, days: number): number => resolvedAt + days * DAY_MS;
