/**
 * SQL of the administrative gazetteer in geocoding: the project's gazetteer settings (region, the
 * user's own division list), the records' district names for the region guess, and per geocoded
 * record the recognised division code and the district / street texts filled from it (undone exactly
 * before the next geocoding run).
 */
import type Database from 'better-sqlite3';
import type { AdminDivision } from '../../../../shared/domain/geo/gazetteer';

type Db = Database.Database;

export interface UserDivisionList { mode: 'extend' | 'replace'; fileName: string; importedAt: number; divisions: AdminDivision[] }
export interface GazetteerSettings {
  /** The project's region (province / city / county code) chosen by the user; null: guessed from the records. */
  region: string | null;
  userList: UserDivisionList | null;
}

export interface AdminWrite { recordId: number; adminCode: string; district: string | null; street: string | null }

const KEY = 'geo.gazetteer';

export class SqliteGazetteerRepository {
  constructor(private readonly db: Db) {}

  settings(): GazetteerSettings {
    const raw = (this.db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined)?.value;
    const s = raw ? (JSON.parse(raw) as Partial<GazetteerSettings>) : {};
    return { region: s.region ?? null, userList: s.userList ?? null };
  }

  setSettings(s: GazetteerSettings): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(s));
  }

  /** The records' district texts with their counts, most frequent first. */
  districtCounts(limit = 500): { name: string; count: number }[] {
    return this.db.prepare(`SELECT district AS name, count(*) AS count FROM records WHERE district IS NOT NULL AND district <> ''
      GROUP BY district ORDER BY count DESC LIMIT ?`).all(limit) as { name: string; count: number }[];
  }

  /** Records the division code of geocoded records and fills their empty district / street text; returns how many texts were filled. */
  adminWriter(): (rows: readonly AdminWrite[]) => number {
    const fillDistrict = this.db.prepare("UPDATE records SET district = ? WHERE id = ? AND (district IS NULL OR district = '')");
    const fillStreet = this.db.prepare("UPDATE records SET street = ? WHERE id = ? AND (street IS NULL OR street = '')");
    const mark = this.db.prepare('UPDATE record_geo SET admin_code = ?, geo_filled = ? WHERE record_id = ?');
    return (rows) => {
      let filled = 0;
      for (const r of rows) {
        const f: string[] = [];
        if (r.district && fillDistrict.run(r.district, r.recordId).changes) f.push('district');
        if (r.street && fillStreet.run(r.street, r.recordId).changes) f.push('street');
        mark.run(r.adminCode, f.length ? f.join(',') : null, r.recordId);
        if (f.length) filled++;
      }
      return filled;
    };
  }

  /** Gives back the district / street texts an earlier geocoding filled, and forgets the codes (before geocoding all again). */
  undoFills(): number {
    let n = 0;
    for (const col of ['district', 'street']) {
      n += this.db.prepare(`UPDATE records SET ${col} = NULL WHERE id IN (SELECT record_id FROM record_geo WHERE geo_filled LIKE '%${col}%')`).run().changes;
    }
    this.db.prepare('UPDATE record_geo SET admin_code = NULL, geo_filled = NULL WHERE admin_code IS NOT NULL OR geo_filled IS NOT NULL').run();
    return n;
  }

  /** Geocoded records with a recognised division code, and those whose district / street text was filled. */
  adminSummary(): { recognised: number; filled: number } {
    return this.db.prepare('SELECT count(admin_code) AS recognised, count(geo_filled) AS filled FROM record_geo').get() as { recognised: number; filled: number };
  }
}
