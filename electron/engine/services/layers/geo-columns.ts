/**
 * Keeps the per-feature summary columns (geo_columns: per role, features.id by records.id) in step
 * with an overlay pass: a full pass writes them afresh, a batch pass patches the batch's records
 * into the stored columns, and anything else (or a column missing) rebuilds them from record_geo.
 */
import type Database from 'better-sqlite3';
import { SqliteGeoAssignRepository, type RecordScope } from '../../db/repos/geo-assign-repo';
import { SqliteGeoColumnsRepository } from '../../db/repos/layer-geo-columns';
import { GEO_ROLES, type GeoRole } from '../../db/repos/layers-repo';

export interface GeoColumnsWriter {
  /** Record `id` lies in feature `fid` of `role` (only roles passed to beginGeoColumns). */
  set(role: GeoRole, id: number, fid: number): void;
  finish(): void;
}

function grown(col: Int32Array, size: number): Int32Array {
  if (col.length >= size) return col;
  const out = new Int32Array(size);
  out.set(col);
  return out;
}

/** Starts the columns of an overlay over `scope` for the roles that have a layer. */
export function beginGeoColumns(db: Database.Database, scope: RecordScope, roles: readonly GeoRole[]): GeoColumnsWriter {
  const repo = new SqliteGeoColumnsRepository(db);
  const size = repo.maxRecordId() + 1;
  const cols = new Map<GeoRole, Int32Array>();
  let mode: 'write' | 'rebuild' = 'write';
  if ('all' in scope) {
    for (const r of roles) cols.set(r, new Int32Array(size));
  } else if ('batchId' in scope) {
    const ids = repo.batchIds(scope.batchId);
    for (const r of roles) {
      const stored = repo.get(r);
      if (!stored) { mode = 'rebuild'; break; }
      const col = grown(stored, size);
      for (const id of ids) col[id] = 0;
      cols.set(r, col);
    }
  } else {
    mode = 'rebuild';
  }
  return {
    set(role, id, fid) { if (mode === 'write') cols.get(role)![id] = fid; },
    finish() {
      if (mode === 'rebuild') {
        const assign = new SqliteGeoAssignRepository(db);
        for (const r of roles) {
          const col = new Int32Array(size);
          for (const [id, fid] of assign.roleAssignments(r)) if (id < size) col[id] = fid;
          cols.set(r, col);
        }
      }
      repo.dropAll();
      for (const r of GEO_ROLES) { const c = cols.get(r); if (c) repo.put(r, c); }
    },
  };
}
