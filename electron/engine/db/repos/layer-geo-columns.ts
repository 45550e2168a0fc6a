/**
 * SQL of the per-feature summary columns (table geo_columns, migration 011): per role, a dense
 * Int32 column indexed by records.id holding the assigned features.id (0 = none). Patched by the
 * overlay for the records it covers, cleared for removed batches, dropped when it cannot be kept
 * exact (a layer removed, records rewritten) so statistics fall back to the join over record_geo.
 */
import type Database from 'better-sqlite3';
import type { GeoRole } from './layers-repo';

type Db = Database.Database;

const toBytes = (a: Int32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function fromBytes(b: Uint8Array): Int32Array {
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Int32Array(copy.buffer, 0, copy.byteLength >> 2);
}

export class SqliteGeoColumnsRepository {
  constructor(private readonly db: Db) {}

  /** The role's column, or null when it is not kept (never built, or dropped). */
  get(role: GeoRole): Int32Array | null {
    const r = this.db.prepare('SELECT data FROM geo_columns WHERE role = ?').get(role) as { data: Uint8Array } | undefined;
    return r ? fromBytes(r.data) : null;
  }

  put(role: GeoRole, col: Int32Array): void {
    this.db.prepare('INSERT INTO geo_columns (role, data) VALUES (?, ?) ON CONFLICT(role) DO UPDATE SET data = excluded.data').run(role, toBytes(col));
  }

  /** Forgets every role's column (statistics use the join until the next full overlay). */
  dropAll(): void { this.db.prepare('DELETE FROM geo_columns').run(); }

  /** Ids of a batch's records (to clear them from the columns before the records go). */
  batchIds(batchId: number): Int32Array {
    return Int32Array.from(this.db.prepare('SELECT id FROM records WHERE batch_id = ?').pluck().all(batchId) as number[]);
  }

  /** Sets col[ids[i]] = 0 in every stored column. */
  clearIds(ids: Int32Array): void {
    const rows = this.db.prepare('SELECT role, data FROM geo_columns').all() as { role: GeoRole; data: Uint8Array }[];
    for (const r of rows) {
      const col = fromBytes(r.data);
      for (const id of ids) if (id < col.length) col[id] = 0;
      this.put(r.role, col);
    }
  }

  /** The largest record id (the columns' length − 1). */
  maxRecordId(): number {
    return (this.db.prepare('SELECT max(id) AS m FROM records').get() as { m: number | null }).m ?? 0;
  }
}
