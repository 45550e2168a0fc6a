/**
 * A detection run: evaluates the monitored series over the days asked, stores signals as alerts
 * (figures refreshed, workflow kept), scores and groups them, and checks resolved alerts' follow-up.
 */
import type Database from 'better-sqlite3';
import { groupSignals, severityLevel, severityScore, type Groupable } from '../../../../shared/domain/surveillance/severity';
import type { Filter } from '../../../../shared/model/filter';
import { SqliteAlertsRepository, type NewSignal } from '../../db/repos/alerts-repo';
import { categoryTree, dayRange, type CategoryNode } from '../../db/repos/alerts-series';
import { readConfig } from './config';
import { evaluateProject } from './evaluate';
import { followUpResolved } from './followup';
import { TERM_KEY, evaluateTerms, termOfKey } from './terms';

export interface DetectParams { filter?: Filter; fromDay?: number; toDay?: number }
export interface DetectResult { series: number; signals: number; created: number; newAlerts: { id: number; severity: string; title: string }[]; followedUp: number; fromDay: number | null; toDay: number | null; seconds: number }

export function categoryPath(tree: ReadonlyMap<number, CategoryNode>, id: number | null): CategoryNode[] {
  const out: CategoryNode[] = [];
  let cur = id === null ? undefined : tree.get(id);
  while (cur) { out.unshift(cur); cur = cur.parentId === null ? undefined : tree.get(cur.parentId); }
  return out;
}

/** Re-groups the alerts of the last weeks (ids of group heads written to group_id). */
export function regroup(repo: SqliteAlertsRepository, tree: ReadonlyMap<number, CategoryNode>, sinceDay: number): void {
  const rows = repo.since(sinceDay);
  const items: Groupable[] = rows.map((r) => ({
    catPath: categoryPath(tree, r.categoryId).map((n) => n.id),
    area: [r.district, r.street, r.community].filter((x): x is string => Boolean(x)),
    firstDay: r.firstDay, score: r.score,
  }));
  const g = groupSignals(items);
  const heads = new Map<number, number>();
  rows.forEach((r, i) => { const cur = heads.get(g[i]); if (cur === undefined || r.score > rows.find((x) => x.id === cur)!.score) heads.set(g[i], r.id); });
  repo.setGroups(new Map(rows.map((r, i) => [r.id, heads.get(g[i])!])));
}

export function runDetection(db: Database.Database, now: number, p: DetectParams, onProgress?: (done: number, total: number) => void): DetectResult {
  const t0 = Date.now();
  const repo = new SqliteAlertsRepository(db);
  const c = readConfig(repo);
  const filter = p.filter ?? {};
  const range = dayRange(db, filter);
  if (!range) return { series: 0, signals: 0, created: 0, newAlerts: [], followedUp: 0, fromDay: null, toDay: null, seconds: 0 };
  const earliest = range.first + c.trainingDays + 3;
  const fromDay = Math.max(earliest, p.fromDay ?? range.last - 6);
  const toDay = Math.min(range.last + 1, p.toDay ?? range.last + 1);
  const tree = categoryTree(db);
  const ev = fromDay < toDay ? evaluateProject(db, filter, c, fromDay, toDay, onProgress) : { signals: [], series: 0, seriesWeeks: 0, byDetector: {} };
  const terms = fromDay < toDay ? evaluateTerms(db, filter, c, fromDay, toDay) : { signals: [], series: 0 };
  const all = [...ev.signals.map((s) => ({ ...s, key: s.series.key })), ...terms.signals.map((s) => ({ ...s, key: `${TERM_KEY}${s.term}` }))];
  const sorted = all.sort((a, b) => a.firstDay - b.firstDay);
  const seen = new Map<string, number[]>();
  const news: NewSignal[] = sorted.map((s) => {
    const earlier = (seen.get(s.key) ?? []).filter((d) => d >= s.firstDay - 60).length;
    seen.set(s.key, [...(seen.get(s.key) ?? []), s.firstDay]);
    const prior = earlier + repo.priorSignals(s.key, s.firstDay, 60);
    const pValue = s.pValue < 1 ? s.pValue : null;
    const score = severityScore({ pValue, observed: s.observed, expected: s.expected, priorSignals: prior });
    const series = 'series' in s ? s.series : null;
    return {
      seriesKey: s.key, detectors: s.detectors, categoryLevel: series?.level.category ?? 0, categoryId: series?.categoryId ?? null,
      areaLevel: series?.level.area ?? 'city', area: series?.area ?? [], sourceCode: series?.source ?? null, firstDay: s.firstDay, lastDay: s.lastDay,
      observed: s.observed, expected: s.expected, pValue, recurrenceDays: pValue ? 1 / pValue : null, score, severity: severityLevel(score),
    };
  });
  const ids = repo.upsert(news, now);
  regroup(repo, tree, fromDay - 14);
  const followedUp = followUpResolved(db, repo, c, range.last, now);
  const created = ids.filter((x) => x.created).length;
  const newAlerts = ids.map((x, i) => ({ ...x, s: news[i] })).filter((x) => x.created && x.s.severity !== 'low')
    .sort((a, b) => b.s.score - a.s.score).slice(0, 20)
    .map((x) => ({ id: x.id, severity: x.s.severity, title: termOfKey(x.s.seriesKey) ? `「${termOfKey(x.s.seriesKey)}」 · 全市`
      : `${categoryPath(tree, x.s.categoryId).map((n) => n.name).pop() ?? '全部类别'} · ${x.s.area.join('') || '全市'}` }));
  const result: DetectResult = { series: ev.series + terms.series, signals: all.length, created, newAlerts, followedUp, fromDay, toDay, seconds: (Date.now() - t0) / 1000 };
  repo.saveRun('detect', now, Date.now(), { filter, fromDay, toDay }, result);
  return result;
}
