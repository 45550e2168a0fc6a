/**
 * SQL of record ↔ place assignment (table record_geo) and of geocoding records: paged reads of
 * located / address-only records, bulk upserts, and clean-up when batches or layers go away.
 */
import type Database from 'better-sqlite3';
import { SqliteGeoColumnsRepository } from './layer-geo-columns';
import type { GeoRole } from './layers-repo';

type Db = Database.Database;

/** Which records a pass covers: all, one import batch, or the records geocoded just now. */
export type RecordScope = { all: true } | { batchId: number } | { geocoded: true };

/** One page of assignments as columns (feature ids, -1 for none; road distance in metres, NaN for none). */
export interface AssignmentColumns { ids: Float64Array; district: Int32Array; street: Int32Array; community: Int32Array; road: Int32Array; roadM: Float64Array }
export interface GeocodeWrite { recordId: number; lon: number; lat: number; method: string; confidence: number; placeFid: number }

const LOCATED = "r.lon IS NOT NULL AND r.lat IS NOT NULL AND r.location_status IN ('coordinates', 'geocoded')";

function scopeSql(scope: RecordScope): { sql: string; params: unknown[] } {
  if ('batchId' in scope) return { sql: ' AND r.batch_id = ?', params: [scope.batchId] };
  if ('geocoded' in scope) return { sql: " AND r.location_status = 'geocoded'", params: [] };
  return { sql: '', params: [] };
}

export class SqliteGeoAssignRepository {
  constructor(private readonly db: Db) {}

  /** Located records after `afterId`, in id order: [id, lon, lat][]. */
  locatedPage(scope: RecordScope, afterId: number, limit: number): [number, number, number][] {
    const s = scopeSql(scope);
    return this.db.prepare(`SELECT r.id, r.lon, r.lat FROM records r WHERE r.id > ? AND ${LOCATED}${s.sql} ORDER BY r.id LIMIT ?`).raw()
      .all(afterId, ...s.params, limit) as [number, number, number][];
  }

  /** Every assignment of a role: [record id, feature id] (to rebuild the role's summary column). */
  roleAssignments(role: GeoRole): IterableIterator<[number, number]> {
    const col = `${role}_fid`;
    return this.db.prepare(`SELECT record_id, ${col} FROM record_geo WHERE ${col} IS NOT NULL`).raw().iterate() as IterableIterator<[number, number]>;
  }

  /** Fills ids/xs/ys with up to `ids.length` located records after `afterId`, in id order; returns how many. */
  locatedPageInto(scope: RecordScope, afterId: number, ids: Float64Array, xs: Float64Array, ys: Float64Array): number {
    const s = scopeSql(scope);
    let n = 0;
    const stmt = this.db.prepare(`SELECT r.id, r.lon, r.lat FROM records r WHERE r.id > ? AND ${LOCATED}${s.sql} ORDER BY r.id LIMIT ?`).raw();
    for (const row of stmt.iterate(afterId, ...s.params, ids.length) as IterableIterator<[number, number, number]>) {
      ids[n] = row[0]; xs[n] = row[1]; ys[n] = row[2]; n++;
    }
    return n;
  }

  /** The id range of the records in scope (for progress without counting them): [min, max], or null. */
  idRange(scope: RecordScope): [number, number] | null {
    const s = scopeSql(scope);
    const r = this.db.prepare(`SELECT min(r.id) AS lo, max(r.id) AS hi FROM records r WHERE 1 = 1${s.sql}`).get(...s.params) as { lo: number | null; hi: number | null };
    return r.lo === null || r.hi === null ? null : [r.lo, r.hi];
  }

  countLocated(scope: RecordScope): number {
    const s = scopeSql(scope);
    return (this.db.prepare(`SELECT count(*) AS n FROM records r WHERE ${LOCATED}${s.sql}`).get(...s.params) as { n: number }).n;
  }

  /** Clears role assignments in scope (geocoding facts stay); rows left empty are removed. */
  clearAssignments(scope: RecordScope): void {
    const s = scopeSql(scope);
    const all = !('batchId' in scope || 'geocoded' in scope);
    // Everything: rows that only held places go at once; geocoding facts stay.
    if (all) this.db.prepare('DELETE FROM record_geo WHERE geo_method IS NULL').run();
    const where = all ? '' : ` WHERE record_id IN (SELECT r.id FROM records r WHERE 1 = 1${s.sql})`;
    this.db.prepare(`UPDATE record_geo SET district_fid = NULL, street_fid = NULL, community_fid = NULL, road_fid = NULL, road_m = NULL${where}`).run(...s.params);
    if (!all) this.db.prepare('DELETE FROM record_geo WHERE geo_method IS NULL AND district_fid IS NULL AND street_fid IS NULL AND community_fid IS NULL AND road_fid IS NULL').run();
  }

  /** Removes every row of a batch's records (before the records go). */
  removeBatch(batchId: number): void {
    const cols = new SqliteGeoColumnsRepository(this.db);
    cols.clearIds(cols.batchIds(batchId));
    this.db.prepare('DELETE FROM record_geo WHERE record_id IN (SELECT id FROM records WHERE batch_id = ?)').run(batchId);
  }

  /** Forgets everything (the records were rewritten). */
  removeAll(): void { this.db.prepare('DELETE FROM record_geo').run(); new SqliteGeoColumnsRepository(this.db).dropAll(); }

  /** Drops a role's assignments pointing at features of a removed layer. */
  clearLayer(layerId: number): void {
    new SqliteGeoColumnsRepository(this.db).dropAll();
    for (const col of ['district_fid', 'street_fid', 'community_fid', 'road_fid']) {
      const extra = col === 'road_fid' ? ', road_m = NULL' : '';
      this.db.prepare(`UPDATE record_geo SET ${col} = NULL${extra} WHERE ${col} IN (SELECT id FROM features WHERE layer_id = ?)`).run(layerId);
    }
  }

  /** Writes rows 0..n-1 of columns (a feature id < 0 is none; a NaN distance is none); rows without any place are skipped. */
  writeColumns(n: number, c: AssignmentColumns): void {
    const stmt = this.db.prepare(`INSERT INTO record_geo (record_id, district_fid, street_fid, community_fid, road_fid, road_m) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(record_id) DO UPDATE SET district_fid = excluded.district_fid, street_fid = excluded.street_fid, community_fid = excluded.community_fid,
      road_fid = excluded.road_fid, road_m = excluded.road_m`);
    const v = (x: number) => (x < 0 ? null : x);
    for (let i = 0; i < n; i++) {
      if (c.district[i] < 0 && c.street[i] < 0 && c.community[i] < 0 && c.road[i] < 0) continue;
      stmt.run(c.ids[i], v(c.district[i]), v(c.street[i]), v(c.community[i]), v(c.road[i]), Number.isNaN(c.roadM[i]) ? null : c.roadM[i]);
    }
  }

  /** Address-only records after `afterId`: id, [district, street, community, address] text, [title, content] text. */
  unlocatedPage(scope: RecordScope, afterId: number, limit: number): { id: number; primary: string; secondary: string }[] {
    const s = scopeSql(scope);
    const rows = this.db.prepare(`SELECT r.id, r.district, r.street, r.community, r.address, r.title, r.content FROM records r
      WHERE r.id > ? AND r.location_status = 'none'${s.sql} ORDER BY r.id LIMIT ?`).raw().all(afterId, ...s.params, limit) as (string | number | null)[][];
    return rows.map((r) => ({ id: r[0] as number, primary: [r[1], r[2], r[3], r[4]].filter(Boolean).join('|'), secondary: [r[5], r[6]].filter(Boolean).join('|') }));
  }

  countUnlocated(scope: RecordScope): number {
    const s = scopeSql(scope);
    return (this.db.prepare(`SELECT count(*) AS n FROM records r WHERE r.location_status = 'none'${s.sql}`).get(...s.params) as { n: number }).n;
  }

  /** Every `step`-th record with its own coordinates, with its text: the hold-out sample. */
  holdoutSample(step: number, limit: number): { id: number; lon: number; lat: number; primary: string; secondary: string }[] {
    const rows = this.db.prepare(`SELECT r.id, r.lon, r.lat, r.district, r.street, r.community, r.address, r.title, r.content FROM records r
      WHERE r.location_status = 'coordinates' AND r.lon IS NOT NULL AND r.id % ? = 0 ORDER BY r.id LIMIT ?`).raw().all(step, limit) as (string | number | null)[][];
    return rows.map((r) => ({ id: r[0] as number, lon: r[1] as number, lat: r[2] as number, primary: [r[3], r[4], r[5], r[6]].filter(Boolean).join('|'), secondary: [r[7], r[8]].filter(Boolean).join('|') }));
  }

  countWithCoordinates(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM records WHERE location_status = 'coordinates' AND lon IS NOT NULL").get() as { n: number }).n;
  }

  /** Undoes an earlier geocoding (scope all) so a new run starts from the same records. */
  resetGeocoded(scope: RecordScope): number {
    new SqliteGeoColumnsRepository(this.db).dropAll();
    const s = scopeSql(scope);
    this.db.prepare(`UPDATE record_geo SET geo_method = NULL, geo_confidence = NULL, geo_place_fid = NULL, district_fid = NULL, street_fid = NULL,
      community_fid = NULL, road_fid = NULL, road_m = NULL WHERE record_id IN (SELECT r.id FROM records r WHERE r.location_status = 'geocoded'${s.sql})`).run(...s.params);
    return this.db.prepare(`UPDATE records AS r SET lon = NULL, lat = NULL, location_status = 'none' WHERE r.location_status = 'geocoded'${s.sql}`).run(...s.params).changes;
  }

  geocodeWriter(): (rows: readonly GeocodeWrite[]) => void {
    const rec = this.db.prepare("UPDATE records SET lon = ?, lat = ?, location_status = 'geocoded' WHERE id = ?");
    const geo = this.db.prepare(`INSERT INTO record_geo (record_id, geo_method, geo_confidence, geo_place_fid) VALUES (?, ?, ?, ?)
      ON CONFLICT(record_id) DO UPDATE SET geo_method = excluded.geo_method, geo_confidence = excluded.geo_confidence, geo_place_fid = excluded.geo_place_fid`);
    return (rows) => { for (const g of rows) { rec.run(g.lon, g.lat, g.recordId); geo.run(g.recordId, g.method, g.confidence, g.placeFid); } };
  }

  /** Records assigned per role, and located records without any polygon. */
  summary(): { located: number; byRole: Record<GeoRole, number>; unmatched: number; geocoded: number } {
    const r = this.db.prepare(`SELECT count(district_fid) AS district, count(street_fid) AS street, count(community_fid) AS community, count(road_fid) AS road,
      count(geo_method) AS geocoded FROM record_geo`).get() as Record<string, number>;
    const located = (this.db.prepare(`SELECT count(*) AS n FROM records r WHERE ${LOCATED}`).get() as { n: number }).n;
    const unmatched = (this.db.prepare(`SELECT count(*) AS n FROM records r LEFT JOIN record_geo g ON g.record_id = r.id
      WHERE ${LOCATED} AND g.district_fid IS NULL AND g.street_fid IS NULL AND g.community_fid IS NULL`).get() as { n: number }).n;
    return { located, byRole: { district: r.district, street: r.street, community: r.community, road: r.road }, unmatched, geocoded: r.geocoded };
  }

  /** Records whose own text names another place than the polygon they fall in (role district/street/community). */
  disagreements(role: 'district' | 'street' | 'community', limit: number): { total: number; compared: number; top: { text: string; place: string; count: number }[] } {
    const col = `${role}_fid`;
    const base = `FROM records r JOIN record_geo g ON g.record_id = r.id JOIN features f ON f.id = g.${col} WHERE r.${role} IS NOT NULL AND r.${role} <> ''`;
    const compared = (this.db.prepare(`SELECT count(*) AS n ${base}`).get() as { n: number }).n;
    const total = (this.db.prepare(`SELECT count(*) AS n ${base} AND r.${role} <> f.name`).get() as { n: number }).n;
    const top = this.db.prepare(`SELECT r.${role} AS text, f.name AS place, count(*) AS count ${base} AND r.${role} <> f.name GROUP BY 1, 2 ORDER BY 3 DESC LIMIT ?`)
      .all(limit) as { text: string; place: string; count: number }[];
    return { total, compared, top };
  }
}
