/**
 * Overlay: every located record gets the district, street and community polygon it lies in and the
 * nearest road within the threshold (with its distance), from the layers chosen for those roles.
 * Packed R-trees (flatbush) keep it at a few microseconds per record; a pass covers all records, one
 * batch, or just the records geocoded now.
 */
import type Database from 'better-sqlite3';
import { PolygonIndex, SegmentIndex } from '../../../../shared/domain/geo/spatial-index';
import { SqliteGeoAssignRepository, type Assignment, type RecordScope } from '../../db/repos/geo-assign-repo';
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

/** Assigns one point. */
export function assignPoint(ix: OverlayIndexes, recordId: number, lon: number, lat: number): Assignment {
  const near = ix.roads ? ix.roads.nearest(lon, lat, ix.thresholdM) : null;
  const find = (role: 'district' | 'street' | 'community') => { const p = ix.polygons[role]; if (!p) return null; const id = p.find(lon, lat); return id < 0 ? null : id; };
  return { recordId, district: find('district'), street: find('street'), community: find('community'), road: near?.id ?? null, roadM: near ? Math.round(near.distanceM * 10) / 10 : null };
}

/**
 * Runs the overlay over a scope of records, replacing their role assignments. `progress` gets
 * (done, total); `checkCancelled` is called between pages.
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
    const total = repo.countLocated(scope);
    const write = repo.writer();
    const PAGE = 50_000;
    let after = 0;
    for (;;) {
      hooks.checkCancelled?.();
      const page = repo.locatedPage(scope, after, PAGE);
      if (!page.length) break;
      const out: Assignment[] = [];
      for (const [id, lon, lat] of page) {
        const a = assignPoint(ix, id, lon, lat);
        if (a.district !== null) assigned.district++;
        if (a.street !== null) assigned.street++;
        if (a.community !== null) assigned.community++;
        if (a.road !== null) assigned.road++;
        const anyPolygon = a.district !== null || a.street !== null || a.community !== null;
        if (!anyPolygon) unmatched++;
        if (anyPolygon || a.road !== null) out.push(a);
      }
      write(out);
      records += page.length;
      after = page[page.length - 1][0];
      hooks.progress?.(records, total);
    }
  }
  return { records, assigned, unmatched, roles: ix.roles, thresholdM: ix.thresholdM, seconds: ((hooks.now ?? Date.now)() - t0) / 1000 };
}
