/**
 * The space-time permutation scan over the project: cases by area (community / street / district)
 * and day for the study period ending on the analysis day, area centroids from the layer polygons.
 */
import type Database from 'better-sqlite3';
import { ScanParamsSchema, type ScanParams, type ScanResultOut } from '../../../../shared/api/areas/alerts';
import { dateToDay, dayToDate } from '../../../../shared/domain/surveillance/holidays';
import { spaceTimeScan, type ScanArea } from '../../../../shared/domain/surveillance/scan';
import { areaDayCounts, areaFeatures, dayRange } from '../../db/repos/alerts-series';
import { SqliteAlertsRepository } from '../../db/repos/alerts-repo';
import { centroidOf } from './geometry';

const DEPTH = { district: 1, street: 2, community: 3 } as const;

export function runScan(db: Database.Database, now: number, input: ScanParams): ScanResultOut {
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
  for (const r of areaDayCounts(db, p.filter, depth, from, end + 1)) {
    const i = index.get(key(r.path));
    if (i !== undefined) counts[i * days + (r.day - from)] += r.count;
  }
  const res = spaceTimeScan({ areas, days, counts }, { maxDays: p.days, maxNeighbours: p.maxNeighbours, maxRadiusKm: p.maxRadiusKm, replications: p.replications, seed: p.seed, maxClusters: 10 });
  const out: ScanResultOut = {
    params: p, totalCases: res.totalCases, areas: areas.length, seconds: (Date.now() - t0) / 1000,
    clusters: res.clusters.map((c) => ({ ...c, startDay: dayToDate(end - c.days + 1), endDay: dayToDate(end) })),
  };
  new SqliteAlertsRepository(db).saveRun('scan', now, Date.now(), p, out);
  return out;
}
