/**
 * Overlay: every located record gets the district, street and community polygon it lies in and the
 * nearest road within the threshold (with its distance), from the layers chosen for those roles.
 * Grid-indexed typed arrays (shared/domain/geo/spatial-index.ts) keep it at about a microsecond per record; a pass covers all records, one
 * batch, or just the records geocoded now.
 */
import type Database from 'better-sqlite3';
import { PolygonIndex, SegmentIndex } from '../../../../shared/domain/geo/spatial-index';
import { SqliteGeoAssignRepository, type AssignmentColumns, type RecordScope } from '../../db/repos/geo-assign-repo';
import { beginGeoColumns } from './geo-columns';
import { GEO_ROLES, SqliteLayersRepository, type GeoRole } from '../../db/repos/layers-repo';

export interface OverlayIndexes {
  roles: Record<GeoRole, number | null>;
  polygons: Partial<Record<'district' | 'street' | 'community', PolygonIndex>>;
  roads: SegmentIndex | null;
  thresholdM: number;
}

export interface OverlayResult {
  records: number;
  assigned: Record<GeoRole, number>;
  /** Located records in no polygon of any role layer. */
  unmatched: number;
  roles: Record<GeoRole, number | null>;
  thresholdM: number;
  seconds: number;
}

export function buildOverlayIndexes(db: Database.Database): OverlayIndexes {
  const layers = new SqliteLayersRepository(db);
  const roles = layers.effectiveRoles();
  const polygons: OverlayIndexes['polygons'] = {};
  for (const role of ['district', 'street', 'community'] as const) {
    const id = roles[role];
    if (id !== null) polygons[role] = new PolygonIndex(layers.features(id).map((f) => ({ id: f.id, geometry: f.geometry })));
  }
  const roads = roles.road !== null ? new SegmentIndex(layers.features(roles.road).map((f) => ({ id: f.id, geometry: f.geometry }))) : null;
  return { roles, polygons, roads, thresholdM: layers.config().roadThresholdM };
}

export function hasAnyRole(ix: OverlayIndexes): boolean {
  return GEO_ROLES.some((r) => ix.roles[r] !== null);
}

/** One page of results as columns, reused from page to page. */
function pageColumns(size: number): AssignmentColumns & { xs: Float64Array; ys: Float64Array } {
  return {
    ids: new Float64Array(size), xs: new Float64Array(size), ys: new Float64Array(size), district: new Int32Array(size), street: new Int32Array(size),
    community: new Int32Array(size), road: new Int32Array(size), roadM: new Float64Array(size),
  };
}

/**
 * Runs the overlay over a scope of records, replacing their role assignments. `progress` gets
 * (done, total) as positions in the scope's id range; `checkCancelled` is called between pages. Pages are read into typed arrays and
 * assigned without a per-record object.
 */
export function runOverlay(db: Database.Database, scope: RecordScope, hooks: { progress?: (done: number, total: number) => void; checkCancelled?: () => void; now?: () => number } = {},
  indexes?: OverlayIndexes): OverlayResult {
  const t0 = (hooks.now ?? Date.now)();
  const ix = indexes ?? buildOverlayIndexes(db);
  const repo = new SqliteGeoAssignRepository(db);
  repo.clearAssignments(scope);
  const assigned: Record<GeoRole, number> = { district: 0, street: 0, community: 0, road: 0 };
  let records = 0; let unmatched = 0;
  if (hasAnyRole(ix)) {
    // Progress by position in the id range: counting located records first would read the table twice.
    const [lo, hi] = repo.idRange(scope) ?? [0, 0];
    const c = pageColumns(50_000);
    const { district: dIx, street: sIx, community: cIx } = ix.polygons;
    const columns = beginGeoColumns(db, scope, GEO_ROLES.filter((r) => ix.roles[r] !== null));
    let after = 0;
    for (;;) {
      hooks.checkCancelled?.();
      const n = repo.locatedPageInto(scope, after, c.ids, c.xs, c.ys);
      if (!n) break;
      for (let i = 0; i < n; i++) {
        const x = c.xs[i]; const y = c.ys[i];
        const d = dIx ? dIx.find(x, y) : -1; const s = sIx ? sIx.find(x, y) : -1; const m = cIx ? cIx.find(x, y) : -1;
        const near = ix.roads ? ix.roads.nearest(x, y, ix.thresholdM) : null;
        c.district[i] = d; c.street[i] = s; c.community[i] = m;
        c.road[i] = near ? near.id : -1; c.roadM[i] = near ? Math.round(near.distanceM * 10) / 10 : NaN;
        const id = c.ids[i];
        if (d >= 0) { assigned.district++; columns.set('district', id, d); }
        if (s >= 0) { assigned.street++; columns.set('street', id, s); }
        if (m >= 0) { assigned.community++; columns.set('community', id, m); }
        if (near) { assigned.road++; columns.set('road', id, near.id); }
        if (d < 0 && s < 0 && m < 0) unmatched++;
      }
      repo.writeColumns(n, c);
      records += n;
      after = c.ids[n - 1];
      hooks.progress?.(after - lo + 1, hi - lo + 1);
    }
    columns.finish();
  }
  return { records, assigned, unmatched, roles: ix.roles, thresholdM: ix.thresholdM, seconds: ((hooks.now ?? Date.now)() - t0) / 1000 };
}
