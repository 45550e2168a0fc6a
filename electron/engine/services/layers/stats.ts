/**
 * Per-feature statistics under any filter: records, change against the previous period of the same
 * length, rate per 1,000 residents / households (where the layer has them), median time to close,
 * the leading category. Role layers read the stored assignments (one grouped query); any other
 * layer is overlaid on the fly, and road / POI layers can count requests within a buffer distance.
 */
import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import { PolygonIndex, SegmentIndex } from '../../../../shared/domain/geo/spatial-index';
import { SqliteGeoStatsRepository } from '../../db/repos/geo-stats-repo';
import { SqliteGeoColumnsRepository } from '../../db/repos/layer-geo-columns';
import type { StatsData } from '../stats/cache';
import { countsOnlyFromColumns, scanSelected, statsFromColumns } from './stats-columns';
import { GEO_ROLES, SqliteLayersRepository, type FeatureRow, type GeoRole, type LayerRow } from '../../db/repos/layers-repo';

export interface FeatureStat {
  featureId: number; name: string | null; code: string | null; count: number; prevCount: number | null; change: number | null;
  per1000: number | null; per1000Households: number | null; medianCloseHours: number | null; topCategory: string | null; topCategoryCount: number | null;
}

export interface FeatureStatsResult {
  layer: LayerRow; role: GeoRole | null; method: 'assigned' | 'overlay' | 'buffer'; bufferM: number | null;
  /** Where the counts came from: the in-memory columns (summary) or a pass over the records table (join). */
  source: 'summary' | 'join';
  period: { from: number; to: number; prevFrom: number; prevTo: number } | null;
  rows: FeatureStat[]; features: FeatureRow[]; total: number; seconds: number;
}

function previousFilter(f: Filter): { filter: Filter; period: NonNullable<FeatureStatsResult['period']> } | null {
  if (f.from === undefined || f.to === undefined || f.to <= f.from) return null;
  const len = f.to - f.from;
  return { filter: { ...f, from: f.from - len, to: f.from }, period: { from: f.from, to: f.to, prevFrom: f.from - len, prevTo: f.from } };
}

/** Counts by scanning located records under the filter (layers that play no role, buffers). */
function scanCounts(db: Database.Database, filter: Filter, count: (lon: number, lat: number, add: (fid: number) => void) => void): Map<number, number> {
  const repo = new SqliteGeoStatsRepository(db);
  const out = new Map<number, number>();
  const add = (fid: number) => out.set(fid, (out.get(fid) ?? 0) + 1);
  let after = 0;
  for (;;) {
    const page = repo.locatedPage(filter, after, 50_000);
    if (!page.length) break;
    for (const [, lon, lat] of page) count(lon, lat, add);
    after = page[page.length - 1][0];
  }
  return out;
}

export interface FeatureStatsOptions {
  bufferM?: number;
  now?: () => number;
  /** The project's statistics columns when they are ready: the fast path (else the join). */
  stats?: StatsData | null;
}

function scanColumns(data: StatsData, filter: Filter, count: (lon: number, lat: number, add: (fid: number) => void) => void): Map<number, number> {
  const out = new Map<number, number>();
  const add = (fid: number) => out.set(fid, (out.get(fid) ?? 0) + 1);
  scanSelected(data, filter, (x, y) => count(x, y, add));
  return out;
}

export function featureStats(db: Database.Database, layerId: number, filter: Filter, opts: FeatureStatsOptions = {}): FeatureStatsResult | null {
  const now = opts.now ?? Date.now;
  const t0 = now();
  const layers = new SqliteLayersRepository(db);
  const layer = layers.get(layerId);
  if (!layer) return null;
  let loaded: FeatureRow[] | null = null;
  const geometries = () => (loaded ??= layers.features(layerId));
  const roles = layers.effectiveRoles();
  const role = GEO_ROLES.find((r) => roles[r] === layerId) ?? null;
  const repo = new SqliteGeoStatsRepository(db);
  const prev = previousFilter(filter);
  let counts: Map<number, number>; let prevCounts: Map<number, number> | null = null;
  let medians = new Map<number, number | null>();
  let top = new Map<number, { name: string; n: number }>();
  let method: FeatureStatsResult['method'];
  const bufferM = opts.bufferM ?? null;
  // The columns hold imported coordinates only: records geocoded later are read through the join.
  const columnsCoords = !!opts.stats && layers.result('geocode') === null && !layers.config().autoGeocode;
  const scan = (f: Filter, visit: (lon: number, lat: number, add: (fid: number) => void) => void): Map<number, number> =>
    (columnsCoords ? scanColumns(opts.stats!, f, visit) : scanCounts(db, f, visit));
  const geo = role && opts.stats ? new SqliteGeoColumnsRepository(db).get(role) : null;
  if (bufferM !== null || layer.geometryType === 'Point' || (layer.geometryType === 'LineString' && role === null)) {
    const ix = new SegmentIndex(geometries().map((f) => ({ id: f.id, geometry: f.geometry })));
    const d = bufferM ?? 50;
    const within = (lon: number, lat: number, add: (fid: number) => void) => ix.visitWithin(lon, lat, d, add);
    counts = scan(filter, within);
    if (prev) prevCounts = scan(prev.filter, within);
    method = 'buffer';
  } else if (role && geo) {
    const c = statsFromColumns(opts.stats!, geo, filter);
    counts = c.counts; medians = c.medians; top = c.top;
    if (prev) prevCounts = countsOnlyFromColumns(opts.stats!, geo, prev.filter);
    method = 'assigned';
  } else if (role) {
    const rows = repo.counts(role, filter);
    counts = new Map(rows.map((r) => [r.fid, r.n]));
    medians = new Map(rows.map((r) => [r.fid, r.medianCloseMs]));
    if (prev) prevCounts = repo.countsOnly(role, prev.filter);
    for (const r of rows) if (r.topCategory !== null) top.set(r.fid, { name: r.topCategory, n: r.topCategoryCount ?? 0 });
    method = 'assigned';
  } else {
    const ix = new PolygonIndex(geometries().map((f) => ({ id: f.id, geometry: f.geometry })));
    const inside = (lon: number, lat: number, add: (fid: number) => void) => { const fid = ix.find(lon, lat); if (fid >= 0) add(fid); };
    counts = scan(filter, inside);
    if (prev) prevCounts = scan(prev.filter, inside);
    top = new Map();
    method = 'overlay';
  }
  let total = 0;
  const rows: FeatureStat[] = layers.featureAttrs(layerId).map((f) => {
    const n = counts.get(f.id) ?? 0;
    total += n;
    const p = prevCounts ? prevCounts.get(f.id) ?? 0 : null;
    const med = medians.get(f.id) ?? null;
    const t = top.get(f.id);
    return {
      featureId: f.id, name: f.name, code: f.code, count: n, prevCount: p, change: p === null || p === 0 ? null : (n - p) / p,
      per1000: f.population ? (n / f.population) * 1000 : null, per1000Households: f.households ? (n / f.households) * 1000 : null,
      medianCloseHours: med === null ? null : med / 3_600_000, topCategory: t?.name ?? null, topCategoryCount: t?.n ?? null,
    };
  });
  const source = (method === 'assigned' ? geo !== null : columnsCoords) ? 'summary' : 'join';
  return { layer, role, method, source, bufferM: method === 'buffer' ? bufferM ?? 50 : null, period: prev?.period ?? null, rows, get features() { return geometries(); }, total, seconds: (now() - t0) / 1000 };
}
