/**
 * Gathers each section's data by calling the existing services (statistics, hot spots and area
 * geometry, text analyses, the alert inbox, evaluation runs, the basket). No SQL of its own beyond the
 * report repository; PII in quoted messages is masked with the shared detector.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../../shared/api/errors';
import type { Filter } from '../../../../shared/model/filter';
import type { Section, ReportSpec } from '../../../../shared/domain/report/spec';
import type {
  AlertsData, CategoriesData, EvaluationData, MapData, OverviewData, PerformanceData, PerfGroup, SectionDataMap, TextData, TrendData,
} from '../../../../shared/domain/report/data';
import type { GatheredData } from '../../../../shared/domain/report/compose';
import { maskPii } from '../../../../shared/domain/text/pii';
import { statsData, type StatsData } from '../stats/cache';
import { breakdown, series } from '../stats/queries';
import { performanceQuery } from '../stats/performance';
import { select, comparePeriod, type Compare } from '../stats/select';
import { keywords, emerging } from '../text/analyses';
import { computeHotspots, areaGeometry } from '../alerts/hotspots';
import { toApi } from '../alerts/inbox';
import { loadRun } from '../evaluation/store';
import { SqliteAlertsRepository } from '../../db/repos/alerts-repo';
import { categoryTree } from '../../db/repos/alerts-series';
import { SqliteTextRepository } from '../../db/repos/text-repo';
import { SqliteEvaluationRepository } from '../../db/repos/evaluation-repo';
import { SqliteReportRepository } from '../../db/repos/report-repo';
import type { PerformanceSummaryOut } from '../../../../shared/api/areas/stats';

const DAY = 86_400_000;
const OPEN = ['new', 'confirmed', 'assigned', 'in_progress'];
const HANDLED = ['resolved', 'verified', 'false_alarm', 'recurred'];

export interface GatherContext { db: Database.Database; spec: ReportSpec; stats: StatsData; zh: boolean; warnings: string[] }

export function reportStats(db: Database.Database): StatsData {
  return statsData(db, () => { throw new ApiError('STATS_PREPARING', { jobId: '-' }); });
}

const compareOf = (spec: ReportSpec): Compare | null => (spec.compareTo === 'previous-year' ? 'yoy' : spec.compareTo === 'previous-period' ? 'previous' : null);

function perfGroup(label: string, s: PerformanceSummaryOut): PerfGroup {
  return { label, n: s.n, medianResponseHours: s.response.median, medianCloseHours: s.close.median, onTimeRate: s.onTime.rate, satisfactionRate: s.satisfaction.rate };
}

function overview(g: GatherContext): OverviewData {
  const f = g.spec.filter;
  const cmp = compareOf(g.spec);
  const period = cmp ? comparePeriod(f, cmp) : null;
  const prevF: Filter | null = period ? { ...f, from: period.from, to: period.to } : null;
  const perf = performanceQuery(g.stats, f, null, undefined, 1, false).overall;
  const prevPerf = prevF ? performanceQuery(g.stats, prevF, null, undefined, 1, false).overall : null;
  const status = breakdown(g.stats, f, 'status', 50, 'previous');
  const cat = breakdown(g.stats, f, 'category1', 1, 'previous');
  const dist = breakdown(g.stats, f, 'district', 1, 'previous');
  const sources = breakdown(g.stats, f, 'source', 100, 'previous');
  return {
    total: select(g.stats, f).n, previous: prevF ? select(g.stats, prevF).n : null,
    compareLabel: cmp === 'yoy' ? (g.zh ? '较去年同期' : 'vs a year earlier') : cmp ? (g.zh ? '较上期' : 'vs the previous period') : null,
    closed: status.rows.find((r) => r.key === 'closed')?.count ?? 0,
    medianCloseHours: perf.close.median, onTimeRate: perf.onTime.rate, satisfactionRate: perf.satisfaction.rate,
    prevMedianCloseHours: prevPerf?.close.median ?? null, prevOnTimeRate: prevPerf?.onTime.rate ?? null, prevSatisfactionRate: prevPerf?.satisfaction.rate ?? null,
    topCategory: cat.rows[0] ? { label: cat.rows[0].label, count: cat.rows[0].count } : null,
    topDistrict: dist.rows[0] ? { label: dist.rows[0].label, count: dist.rows[0].count } : null,
    sources: sources.rows.length,
  };
}

function autoGranularity(f: Filter, stats: StatsData): TrendData['granularity'] {
  const from = f.from ?? stats.minT * 1000;
  const to = f.to ?? stats.maxT * 1000;
  const days = (to - from) / DAY;
  return days <= 62 ? 'day' : days <= 400 ? 'week' : days <= 1500 ? 'month' : 'quarter';
}

function trend(g: GatherContext, s: Extract<Section, { kind: 'trend' }>): TrendData {
  const gran = s.params.granularity === 'auto' ? autoGranularity(g.spec.filter, g.stats) : s.params.granularity;
  const pts = series(g.stats, g.spec.filter, gran);
  let bySource: TrendData['bySource'] = null;
  if (s.params.bySource) {
    const src = breakdown(g.stats, g.spec.filter, 'source', 6, 'previous').rows;
    if (src.length > 1) bySource = src.map((r) => ({ name: r.label, counts: alignTo(pts, series(g.stats, { ...g.spec.filter, sources: [r.key] }, gran)) }));
  }
  return { granularity: gran, labels: pts.map((p) => p.label), counts: pts.map((p) => p.value), previous: pts.map((p) => p.yearAgo), bySource };
}
const alignTo = (base: readonly { start: number }[], pts: readonly { start: number; value: number }[]): number[] => {
  const m = new Map(pts.map((p) => [p.start, p.value]));
  return base.map((b) => m.get(b.start) ?? 0);
};

function categories(g: GatherContext, s: Extract<Section, { kind: 'categories' }>): CategoriesData {
  const by = (['category1', 'category2', 'category3'] as const)[s.params.level - 1];
  const b = breakdown(g.stats, g.spec.filter, by, s.params.topN, compareOf(g.spec) === 'yoy' ? 'yoy' : 'previous');
  const noCmp = compareOf(g.spec) === null;
  return {
    level: s.params.level, total: b.total, otherCount: b.otherCount,
    rows: b.rows.map((r) => ({ label: r.label, count: r.count, share: r.share, previous: noCmp ? null : r.previous, change: noCmp ? null : r.change })),
  };
}

function performance(g: GatherContext, s: Extract<Section, { kind: 'performance' }>): PerformanceData {
  const p = performanceQuery(g.stats, g.spec.filter, s.params.by, undefined, s.params.topN, false);
  return { by: s.params.by, overall: perfGroup('', p.overall), groups: p.groups.map((x) => perfGroup(x.label, x)) };
}

function mapData(g: GatherContext, s: Extract<Section, { kind: 'map' }>): MapData {
  const { mode, level } = s.params;
  const geo = areaGeometry(g.db, level).features;
  const districts = level === 'district' ? [] : areaGeometry(g.db, 'district').features;
  const sel = select(g.stats, g.spec.filter);
  let counts = geo.map(() => 0);
  let classes: string[] | null = null;
  if (geo.length && mode !== 'heat') {
    const hs = computeHotspots(g.db, { filter: g.spec.filter, level, permutations: mode === 'hotspots' ? 9999 : 0, seed: 1 });
    const byPath = new Map(hs.areas.map((a) => [a.path.join('/'), a]));
    counts = geo.map((f) => byPath.get(f.path.join('/'))?.count ?? 0);
    if (mode === 'hotspots') classes = geo.map((f) => byPath.get(f.path.join('/'))?.cls ?? 'ns');
  }
  const { cells, cellDeg, located } = heatCells(g.stats, sel.rows);
  if (!geo.length) g.warnings.push(g.zh ? `项目中没有${level}级区划图层，地图只显示热力格网。` : `No ${level} boundary layer in the project; the map shows heat cells only.`);
  return { mode, level, areas: geo, districts, counts, classes, cells: mode === 'heat' || !geo.length ? cells : [], cellDeg, located, total: sel.n };
}

/** Counts of the selected located records on a grid of about 60 cells across. */
function heatCells(stats: StatsData, rows: Uint32Array): { cells: MapData['cells']; cellDeg: number; located: number } {
  const lon = stats.cols.lon!; const lat = stats.cols.lat!;
  let a = Infinity; let b = Infinity; let c = -Infinity; let d = -Infinity; let located = 0;
  for (const i of rows) {
    const x = lon[i]; const y = lat[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    located++;
    if (x < a) a = x; if (x > c) c = x; if (y < b) b = y; if (y > d) d = y;
  }
  if (!located) return { cells: [], cellDeg: 0.01, located };
  const cellDeg = Math.max((c - a) / 60, (d - b) / 45, 1e-4);
  const m = new Map<number, number>();
  const cols = Math.ceil((c - a) / cellDeg) + 1;
  for (const i of rows) {
    const x = lon[i]; const y = lat[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const k = Math.floor((y - b) / cellDeg) * cols + Math.floor((x - a) / cellDeg);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  const cells = [...m].sort((p, q) => p[0] - q[0]).map(([k, n]) => ({ lon: a + ((k % cols) + 0.5) * cellDeg, lat: b + (Math.floor(k / cols) + 0.5) * cellDeg, count: n }));
  return { cells, cellDeg, located };
}

function text(g: GatherContext, s: Extract<Section, { kind: 'text' }>): TextData {
  const f = g.spec.filter;
  const n = s.params.n;
  const kw = keywords(g.db, f, Math.max(n, 40));
  const em = s.params.show.includes('emerging') ? emerging(g.db, f, 'week', 4, 12, n).terms : [];
  const messages: TextData['messages'] = [];
  if (s.params.show.includes('messages')) {
    const repo = new SqliteTextRepository(g.db);
    const seen = new Set<number>();
    for (const k of kw.terms.slice(0, n)) {
      if (messages.length >= n) break;
      const r = repo.searchPage({ ...f, q: k.term }, 0, 3).find((x) => !seen.has(x.id));
      if (!r) continue;
      seen.add(r.id);
      const body = [r.title, r.content].filter(Boolean).join('：');
      messages.push({ at: r.receivedAt, place: r.district ?? '—', category: r.cat1 ?? '—', text: maskPii(body.length > 160 ? `${body.slice(0, 160)}…` : body) });
    }
  }
  return { docs: kw.docs, keywords: kw.terms, emerging: em.map((e) => ({ term: e.term, count: e.count, refCount: e.refCount, logRatio: e.logRatio })), messages };
}

function alerts(g: GatherContext, s: Extract<Section, { kind: 'alerts' }>): AlertsData {
  const repo = new SqliteAlertsRepository(g.db);
  const statuses = s.params.which === 'open' ? OPEN : s.params.which === 'handled' ? HANDLED : undefined;
  const f = g.spec.filter;
  const sinceDay = f.from !== undefined ? Math.floor((f.from + 8 * 3_600_000) / DAY) : undefined;
  const { rows } = repo.list({ statuses, sinceDay, includeSnoozed: true, minScore: 0, now: Date.now(), limit: 2000 });
  const tree = categoryTree(g.db);
  const toDay = f.to !== undefined ? new Date(f.to + 8 * 3_600_000).toISOString().slice(0, 10) : null;
  const all = rows.map((r) => toApi(r, tree)).filter((a) => toDay === null || a.firstDay < toDay);
  const byStatus: Record<string, number> = {};
  for (const a of all) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  return {
    total: all.length, byStatus,
    alerts: all.slice(0, s.params.limit).map((a) => ({
      id: a.id, firstDay: a.firstDay, lastDay: a.lastDay, area: a.area.join(' / ') || (g.zh ? '全市' : 'city'),
      category: a.categoryPath.join(' / ') || (g.zh ? '全部' : 'all'), observed: a.observed, expected: a.expected, severity: a.severity, status: a.status, department: a.department,
    })),
  };
}

function evaluation(g: GatherContext, s: Extract<Section, { kind: 'evaluation' }>): EvaluationData {
  const runs = new SqliteEvaluationRepository(g.db).listRuns();
  const id = s.params.runId === 'latest' ? runs[0]?.id : s.params.runId;
  if (id === undefined) return { run: null, rows: [] };
  const run = loadRun(g.db, id);
  const period = run.periods[run.periods.length - 1];
  const name = run.scheme.name as { zh: string; en: string };
  return {
    run: { id: run.id, scheme: g.zh ? name.zh : name.en || name.zh, objectKind: run.objectKind, period: period?.label ?? '—', createdAt: run.createdAt, resultHash: run.resultHash, dataChanged: run.dataChanged },
    rows: (period?.objects ?? []).filter((o) => o.eligible).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
      .map((o) => ({ rank: o.rank, object: o.key, score: o.score, records: o.records, rankChange: o.rankChange })),
  };
}

/** Each section's data, keyed by section id; the resolved parameters (e.g. the evaluation run used) go to the provenance. */
export function gatherSections(g: GatherContext, progress: (done: number, total: number) => void): { data: GatheredData; resolved: Map<string, unknown> } {
  const data: GatheredData = {};
  const resolved = new Map<string, unknown>();
  const reports = new SqliteReportRepository(g.db);
  g.spec.sections.forEach((s, i) => {
    let d: SectionDataMap[keyof SectionDataMap] = null;
    switch (s.kind) {
      case 'overview': d = overview(g); break;
      case 'trend': d = trend(g, s); resolved.set(s.id, { ...s.params, granularity: (d as TrendData).granularity }); break;
      case 'categories': d = categories(g, s); break;
      case 'performance': d = performance(g, s); break;
      case 'map': d = mapData(g, s); break;
      case 'text': d = text(g, s); break;
      case 'alerts': d = alerts(g, s); break;
      case 'evaluation': d = evaluation(g, s); resolved.set(s.id, { ...s.params, runId: (d as EvaluationData).run?.id ?? null, resultHash: (d as EvaluationData).run?.resultHash ?? null }); break;
      case 'item': d = { item: reports.item(s.params.itemId) }; break;
      default: break;
    }
    data[s.id] = d;
    progress(i + 1, g.spec.sections.length);
  });
  return { data, resolved };
}
