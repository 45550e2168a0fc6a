/** Where "coarsen to community" puts a record: the centroid of its community polygon. */
import type Database from 'better-sqlite3';
import { centroid } from '../../../../shared/domain/geo/measure';
import type { Geometry } from '../../../../shared/domain/geo/geometry';
import type { LonLat } from '../../../../shared/domain/anonymise/geo';
import { SqliteLayersRepository } from '../../db/repos/layers-repo';
import { featureCentroids } from '../../db/repos/package-layers';
import type { SourceRow } from '../../db/repos/package-repo';

/**
 * By the community polygon the record was assigned to (spatial overlay), else by its community name
 * when exactly one polygon of the community layer carries it; null when neither is known.
 */
export function communityLocator(db: Database.Database): (row: Pick<SourceRow, 'community_fid' | 'community'>) => LonLat | null {
  const layerId = new SqliteLayersRepository(db).effectiveRoles().community;
  if (layerId === null) return () => null;
  const byId = new Map<number, LonLat>();
  const byName = new Map<string, LonLat | null>();
  for (const f of featureCentroids(db, layerId)) {
    const c: LonLat | null = f.cx !== null && f.cy !== null ? [f.cx, f.cy] : centroid(JSON.parse(f.geometry) as Geometry);
    if (!c) continue;
    byId.set(f.id, c);
    if (f.name) byName.set(f.name, byName.has(f.name) ? null : c);
  }
  return (row) => (row.community_fid !== null ? byId.get(row.community_fid) : undefined) ?? (row.community ? byName.get(row.community) ?? null : null);
}
