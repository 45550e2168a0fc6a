/**
 * The summaries a new batch needs (dashboard columns, map chunk) built from the rows as they are
 * written, so the import does not read its batch back. Written (and offered to the derived builders) only when
 * the written values are final: no record was updated (those belong to other batches' summaries), no
 * placeholder point was marked afterwards (map), and no automatic geocoding rewrites coordinates or
 * districts of the batch. Otherwise the builders read the batch back as before.
 */
import type Database from 'better-sqlite3';
import { MAP_DIM_COLUMNS, type MapRawRow } from '../../db/repos/map-repo';
import { FACT_SOURCE_COLUMNS } from '../../db/repos/stats-repo';
import { RECORD_COLS } from '../../db/repos/import-repo';
import { KeyTally, placeholderKey, placeholderPossible } from '../../../../shared/domain/ingest';
import { StatsBatchStream } from '../stats/stream';
import { MapBatchStream } from '../map/stream';

const at = (col: string): number => {
  const i = (RECORD_COLS as readonly string[]).indexOf(col);
  if (i < 0 && col !== 'id') throw new Error(`not an import column: ${col}`);
  return i;
};
/** Where each column read back by the builders sits in the insert values (-1: the new id). */
const FACT_AT = FACT_SOURCE_COLUMNS.map(at);
const MAP_AT = ['id', 'received_at', 'lon', 'lat', 'cat1_id', 'cat2_id', 'cat3_id', ...MAP_DIM_COLUMNS].map(at);
const LON = at('lon'); const LAT = at('lat'); const STATUS = at('location_status');

/** Fills `out` with the values at `idx` (-1: the id). The builders read a row and keep nothing of it, so one array serves every row. */
function pick(out: unknown[], idx: readonly number[], id: number, v: readonly unknown[]): unknown[] {
  for (let k = 0; k < idx.length; k++) out[k] = idx[k] < 0 ? id : v[idx[k]];
  return out;
}
const factOut = new Array<unknown>(FACT_AT.length);
const mapOut = new Array<unknown>(MAP_AT.length);

/** FACT_SOURCE_COLUMNS order (db/repos/stats-repo.ts) from insert values and the new id; valid until the next call. */
export const factRow = (id: number, v: readonly unknown[]): unknown[] => pick(factOut, FACT_AT, id, v);

/** The map's row (as SqliteMapRepository.locatedRows reads it) when the record is located, else null; valid until the next call. */
export function mapRow(id: number, v: readonly unknown[]): MapRawRow | null {
  const st = v[STATUS];
  if (v[LON] === null || v[LON] === undefined || v[LAT] === null || v[LAT] === undefined || (st !== 'coordinates' && st !== 'geocoded')) return null;
  return pick(mapOut, MAP_AT, id, v) as MapRawRow;
}

/** The written values are the batch's last word: no record updated (it belongs to other batches' summaries), no geocoding after. */
const final = (o: { updated: number; autoGeocode: boolean }): boolean => o.updated === 0 && !o.autoGeocode;

export class ImportSummaries {
  readonly stats: StatsBatchStream;
  readonly map: MapBatchStream;
  /** placeholderKey of the points with status 'coordinates' written to the batch (new or updated records). */
  private readonly keys = new KeyTally();
  constructor(db: Database.Database, batchId: number, now: () => number) {
    this.stats = new StatsBatchStream(db, batchId);
    this.map = new MapBatchStream(db, batchId, now);
  }
  /** A new record (its id) written with these values. */
  add(id: number, v: readonly unknown[]): void {
    this.stats.add(factRow(id, v));
    const m = mapRow(id, v);
    if (m) this.map.add(m);
    this.point(v);
  }
  /** An existing record rewritten with these values (it joins the batch). */
  updated(v: readonly unknown[]): void { this.point(v); }
  private point(v: readonly unknown[]): void {
    if (v[STATUS] !== 'coordinates' || typeof v[LON] !== 'number' || typeof v[LAT] !== 'number') return;
    this.keys.add(placeholderKey(v[LON], v[LAT]));
  }
  /**
   * False when no rounded point can carry max(minCount, minShare of the batch's points): the
   * import's SQL check for placeholder points is then skipped (see placeholder-bound.ts).
   */
  placeholderPossible(minShare: number, minCount: number): boolean {
    return placeholderPossible(this.keys, Math.max(minCount, Math.ceil(this.keys.total * minShare)));
  }
  /**
   * Writes the dashboard columns' last part when the written values are final (see the module
   * comment), else drops them; returns them by builder name for the derived builders.
   */
  settleStats(o: { updated: number; autoGeocode: boolean }): Record<string, unknown> {
    if (final(o)) { this.stats.write(); return { stats: this.stats }; }
    this.stats.discard();
    return {};
  }

  /** The same for the map chunk, which placeholder points marked after the rows were written also change. */
  settleMap(o: { updated: number; autoGeocode: boolean; placeholdersMarked: number }): Record<string, unknown> {
    if (final(o) && o.placeholdersMarked === 0) { this.map.write(); return { map: this.map }; }
    this.map.discard();
    return {};
  }
}
