import { AlertConfigSchema, type AlertConfig } from '../../../../shared/api/areas/alerts';
import { ApiError } from '../../../../shared/api/errors';
import { dateToDay, dayToDate } from '../../../../shared/domain/surveillance/holidays';
import { SqliteAlertsRepository } from '../../db/repos/alerts-repo';
import { categoryTree, dayRange } from '../../db/repos/alerts-series';
import { rowsToArrowIPC } from '../../services/arrow';
import { DEFAULT_ALERT_CONFIG, readConfig } from '../../services/alerts/config';
import { computeEmerging, computeHotspots, areaGeometry } from '../../services/alerts/hotspots';
import { alertDetail, comment, snooze, toApi, transition } from '../../services/alerts/inbox';
import { alertSeries } from '../../services/alerts/single';
import type { EngineContext } from '../../context';
import type { HandlerGroup } from '../types';
import { startProjectJob } from './jobs';

const db = (ctx: EngineContext) => ctx.projects.require().handle.db;
const repo = (ctx: EngineContext) => new SqliteAlertsRepository(db(ctx));

function audit(ctx: EngineContext, action: string, detail: unknown): void {
  ctx.projects.open?.audit.append({ at: Date.now(), actor: 'user', action, detail });
}

/** Starts an alerts job; announces new medium/high alerts (alert.raised) when a detection run ends. */
function startAlertsJob(ctx: EngineContext, kind: string, params: unknown): string {
  const running = ctx.jobs.running();
  if (running) throw new ApiError('JOB_BUSY', { jobId: running.jobId });
  const jobId = startProjectJob(ctx, kind, params, (status) => {
    if (status !== 'succeeded' || kind !== 'alerts.detect') return;
    const r = ctx.jobs.resultOf(jobId) as { newAlerts?: { id: number; title: string; severity: 'low' | 'medium' | 'high' }[] } | undefined;
    for (const a of r?.newAlerts ?? []) ctx.events.emit('alert.raised', { alertId: String(a.id), title: a.title, severity: a.severity });
  });
  return jobId;
}

export const alertHandlers: HandlerGroup<
  'alerts.list' | 'alerts.get' | 'alerts.series' | 'alerts.transition' | 'alerts.comment' | 'alerts.snooze' | 'alerts.config' | 'alerts.defaultConfig' | 'alerts.setConfig'
  | 'alerts.detect' | 'alerts.backtest' | 'alerts.lastBacktest' | 'alerts.scan' | 'alerts.lastScan' | 'hotspots.compute' | 'hotspots.emerging' | 'hotspots.geometry'
> = {
  'alerts.list': (i, ctx) => {
    const r = repo(ctx);
    const c = readConfig(r);
    const { rows, total } = r.list({
      statuses: i.statuses, sinceDay: i.since === undefined ? undefined : Math.floor((i.since + 28_800_000) / 86_400_000),
      includeSnoozed: i.includeSnoozed ?? false, minScore: i.includeLow ? 0 : c.minScore, now: Date.now(), limit: i.limit ?? 500,
    });
    const tree = categoryTree(db(ctx));
    return { alerts: rows.map((x) => toApi(x, tree)), total, lastRunAt: r.lastRun('detect')?.finishedAt ?? null };
  },
  'alerts.get': (i, ctx) => alertDetail(db(ctx), i.id),
  'alerts.series': (i, ctx) => {
    const r = repo(ctx);
    const a = r.get(i.id);
    if (!a) throw new ApiError('ALERT_NOT_FOUND', { id: i.id });
    const range = dayRange(db(ctx), {});
    const to = Math.min((range?.last ?? a.lastDay) + 1, a.lastDay + 29);
    const from = to - (i.days ?? 120);
    const pts = alertSeries(db(ctx), a, readConfig(r), from, to);
    return rowsToArrowIPC(pts.map((p) => ({ day: dayToDate(p.day), observed: p.observed, expected: p.expected, lower: p.lower, upper: p.upper, p: p.p, alarms: p.alarms.join(',') })),
      [['day', 'utf8'], ['observed', 'float64'], ['expected', 'float64'], ['lower', 'float64'], ['upper', 'float64'], ['p', 'float64'], ['alarms', 'utf8']]);
  },
  'alerts.transition': (i, ctx) => {
    transition(db(ctx), i, Date.now());
    audit(ctx, 'alerts.transition', { id: i.id, to: i.to, department: i.department ?? null });
    return alertDetail(db(ctx), i.id);
  },
  'alerts.comment': (i, ctx) => {
    comment(db(ctx), i.id, i.text, i.actor ?? 'user', Date.now());
    return alertDetail(db(ctx), i.id);
  },
  'alerts.snooze': (i, ctx) => {
    snooze(db(ctx), i.id, i.until, i.actor ?? 'user', Date.now());
    return alertDetail(db(ctx), i.id);
  },
  'alerts.config': (_i, ctx) => readConfig(repo(ctx)),
  'alerts.defaultConfig': () => DEFAULT_ALERT_CONFIG,
  'alerts.setConfig': (i, ctx) => {
    const r = repo(ctx);
    const next: AlertConfig = AlertConfigSchema.parse({ ...readConfig(r), ...i });
    r.setConfig(next);
    audit(ctx, 'alerts.setConfig', i);
    return next;
  },
  'alerts.detect': (i, ctx) => ({
    jobId: startAlertsJob(ctx, 'alerts.detect', { filter: i.filter, fromDay: i.fromDay ? dateToDay(i.fromDay) : undefined, toDay: i.toDay ? dateToDay(i.toDay) + 1 : undefined }),
  }),
  'alerts.backtest': (_i, ctx) => ({ jobId: startAlertsJob(ctx, 'alerts.backtest', {}) }),
  'alerts.lastBacktest': (_i, ctx) => (repo(ctx).lastRun('backtest')?.result as never) ?? null,
  'alerts.scan': (i, ctx) => ({ jobId: startAlertsJob(ctx, 'alerts.scan', i) }),
  'alerts.lastScan': (_i, ctx) => (repo(ctx).lastRun('scan')?.result as never) ?? null,
  'hotspots.compute': (i, ctx) => computeHotspots(db(ctx), i),
  'hotspots.emerging': (i, ctx) => computeEmerging(db(ctx), i),
  'hotspots.geometry': (i, ctx) => areaGeometry(db(ctx), i.level),
};
