/**
 * The space-time permutation scan over the project: cases by area (community / street / district)
 * and day for the study period ending on the analysis day, area centroids from the layer polygons.
 * Significant clusters (p ≤ alertP) are stored as alerts (detector "scan") in the inbox, keyed by
 * level, centre and the filter's single category / source, so re-running refreshes them.
 */
import type Database from 'better-sqlite3';
import { ScanParamsSchema, type ScanParams, type ScanResultOut } from '../../../../shared/api/areas/alerts';
import { dateToDay, dayToDate } from '../../../../shared/domain/surveillance/holidays';
import { spaceTimeScan, type ScanArea, type ScanCluster } from '../../../../shared/domain/surveillance/scan';
import { severityLevel, severityScore } from '../../../../shared/domain/surveillance/severity';
import type { Filter } from '../../../../shared/model/filter';
import { areaFeatures, categoryTree, dayRange } from '../../db/repos/alerts-series';
import { countsByAreaDay } from './area-days';
import { SqliteAlertsRepository, type NewSignal } from '../../db/repos/alerts-repo';
import { categoryPath, regroup } from './detect-run';
import { centroidOf } from './geometry';

const DEPTH = { district: 1, street: 2, community: 3 } as const;
type Level = keyof typeof DEPTH;

/** The inbox signal for a significant cluster: the centre's area, the filter's one category / source if it has one. */
export function clusterSignal(db: Database.Database, repo: SqliteAlertsRepository, c: ScanCluster, level: Level, filter: Filter, endDay: number): NewSignal {
  const cat = filter.categories?.length === 1 ? filter.categories[0] : null;
  const source = filter.sources?.length === 1 ? filter.sources[0] : null;
  const catLevel = cat === null ? 0 : categoryPath(categoryTree(db), cat).length;
  const key = `scan:${level}:${c.centre}:${cat ?? '*'}:${source ?? '*'}`;
  const firstDay = endDay - c.days + 1;
  const score = severityScore({ pValue: c.pValue, observed: c.observed, expected: c.expected, priorSignals: repo.priorSignals(key, firstDay, 60) });
  return {
    seriesKey: key, detectors: ['scan'], categoryLevel: catLevel, categoryId: cat, areaLevel: level, area: c.centre.split('/'), sourceCode: source,
    firstDay, lastDay: endDay, observed: c.observed, expected: c.expected, pValue: c.pValue, recurrenceDays: c.recurrenceDays,
    score, severity: severityLevel(score), detail: { scan: { areas: c.areas, radiusKm: c.radiusKm, llr: c.llr, gumbelP: c.gumbelP } },
  };
}

/** `progress(done, total)`: 0 after the counts, then once per Monte Carlo replicate (it may throw to cancel). */
export function runScan(db: Database.Database, now: number, input: ScanParams, progress?: (done: number, total: number) => void): ScanResultOut {
  const t0 = Date.now();
  const p = ScanParamsSchema.parse(input);
  const depth = DEPTH[p.level];
  const range = dayRange(db, p.filter);
  const feats = areaFeatures(db, depth);
  const empty: ScanResultOut = { params: p, totalCases: 0, areas: feats.length, clusters: [], seconds: 0 };
  if (!range || !feats.length) return empty;
  const end = p.endDay ? dateToDay(p.endDay) : range.last;
  const days = p.studyDays;
  const from = end - days + 1;
  const key = (path: readonly string[]) => path.join('/');
  const areas: ScanArea[] = feats.map((f) => { const [lon, lat] = centroidOf(f.geometry); return { id: key(f.path), lon, lat }; });
  const index = new Map(areas.map((a, i) => [a.id, i]));
  const counts = new Int32Array(areas.length * days);
  for (const r of countsByAreaDay(db, p.filter, depth, from, end + 1)) {
    const i = index.get(key(r.path));
    if (i !== undefined) counts[i * days + (r.day - from)] += r.count;
  }
  const t1 = Date.now();
  progress?.(0, p.replications);
  const res = spaceTimeScan({ areas, days, counts }, { maxDays: p.days, maxNeighbours: p.maxNeighbours, maxRadiusKm: p.maxRadiusKm, replications: p.replications, seed: p.seed, maxClusters: 10 }, progress);
  const t2 = Date.now();
  const repo = new SqliteAlertsRepository(db);
  const significant = p.storeAlerts ? res.clusters.filter((c) => c.pValue <= p.alertP) : [];
  const ids = repo.upsert(significant.map((c) => clusterSignal(db, repo, c, p.level, p.filter, end)), now);
  if (ids.length) regroup(repo, categoryTree(db), end - p.days - 14);
  const alertOf = new Map(significant.map((c, i) => [c, ids[i].id]));
  const out: ScanResultOut = {
    params: p, totalCases: res.totalCases, areas: areas.length, seconds: (Date.now() - t0) / 1000,
    timing: { countsSeconds: (t1 - t0) / 1000, monteCarloSeconds: (t2 - t1) / 1000, cylinders: res.cylinders },
    clusters: res.clusters.map((c) => ({ ...c, startDay: dayToDate(end - c.days + 1), endDay: dayToDate(end), alertId: alertOf.get(c) ?? null })),
  };
  repo.saveRun('scan', now, Date.now(), p, out);
  return out;
}
