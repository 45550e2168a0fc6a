/**
 * GeoPackage files (OGC 12-128, an SQLite database): reading a feature table for layer import, and
 * writing one for export (QGIS and ArcGIS open it with its attributes). The only SQL over foreign files.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';

export interface GpkgTableRead {
  tables: string[];
  table: string;
  geometryColumn: string;
  srs: { organization: string | null; id: number | null; definition: string | null; srsId: number };
  rows: { props: Record<string, unknown>; blob: Uint8Array | null }[];
}

export class GpkgError extends Error {}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Reads one feature table (the named one, or the first) of a GeoPackage, read-only. */
export function readGpkgTable(file: string, table?: string): GpkgTableRead {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new GpkgError(`cannot open: ${(e as Error).message}`);
  }
  try {
    const hasContents = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'").get();
    if (!hasContents) throw new GpkgError('no gpkg_contents table: not a GeoPackage');
    const tables = (db.prepare("SELECT table_name AS t FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name").all() as { t: string }[]).map((r) => r.t);
    if (!tables.length) throw new GpkgError('the GeoPackage holds no feature table');
    const t = table ?? tables[0];
    if (!tables.includes(t)) throw new GpkgError(`no feature table named ${t}`);
    const gc = db.prepare('SELECT column_name AS c, srs_id AS s FROM gpkg_geometry_columns WHERE table_name = ?').get(t) as { c: string; s: number } | undefined;
    if (!gc) throw new GpkgError(`table ${t} has no geometry column entry`);
    const srsRow = db.prepare('SELECT organization AS o, organization_coordsys_id AS i, definition AS d FROM gpkg_spatial_ref_sys WHERE srs_id = ?').get(gc.s) as { o: string | null; i: number | null; d: string | null } | undefined;
    const rows: GpkgTableRead['rows'] = [];
    for (const r of db.prepare(`SELECT * FROM ${ident(t)}`).iterate() as IterableIterator<Record<string, unknown>>) {
      const { [gc.c]: blob, ...props } = r;
      rows.push({ props, blob: blob instanceof Uint8Array ? blob : null });
    }
    return { tables, table: t, geometryColumn: gc.c, srs: { organization: srsRow?.o ?? null, id: srsRow?.i ?? null, definition: srsRow?.d ?? null, srsId: gc.s }, rows };
  } finally {
    db.close();
  }
}

export interface GpkgWriteSpec {
  table: string;
  geometryType: 'GEOMETRY' | 'POINT' | 'LINESTRING' | 'POLYGON' | 'MULTIPOINT' | 'MULTILINESTRING' | 'MULTIPOLYGON';
  columns: { name: string; type: 'TEXT' | 'REAL' | 'INTEGER' }[];
  bbox: [number, number, number, number];
  rows: Iterable<{ blob: Uint8Array; values: unknown[] }>;
}

const WGS84_WKT = 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

/**
 * A GeoPackage (WGS-84) with one feature table, written row by row (for exports too big to hold): the file is
 * built under a temporary name and renamed on `close`, which also records the extent; `abort` removes it.
 */
export class GpkgStreamWriter {
  private readonly tmp: string;
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  rows = 0;

  constructor(private readonly file: string, private readonly spec: Omit<GpkgWriteSpec, 'rows' | 'bbox'>, now: Date) {
    this.tmp = `${file}.tmp-${process.pid}`;
    fs.rmSync(this.tmp, { force: true });
    const db = this.db = new Database(this.tmp);
    db.pragma('application_id = 1196444487'); // 'GPKG'
    db.pragma('user_version = 10300');
    db.pragma('journal_mode = OFF');
    db.exec(`
      CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
        organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
      CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
        last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
        srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
      CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
        z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));`);
    const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
    srs.run('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
    srs.run('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
    srs.run('WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
    const cols = spec.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ');
    db.exec(`CREATE TABLE ${ident(spec.table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom ${spec.geometryType}${cols ? `, ${cols}` : ''})`);
    db.prepare('INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change, srs_id) VALUES (?, ?, ?, ?, 4326)')
      .run(spec.table, 'features', spec.table, now.toISOString());
    db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, 4326, 0, 0)').run(spec.table, 'geom', spec.geometryType);
    this.insert = db.prepare(`INSERT INTO ${ident(spec.table)} (geom${spec.columns.map((c) => `, ${ident(c.name)}`).join('')}) VALUES (?${spec.columns.map(() => ', ?').join('')})`);
    db.exec('BEGIN');
  }

  /** One feature: its geometry blob (null for no geometry) and its column values in `spec.columns` order. */
  push(blob: Uint8Array | null, values: readonly unknown[]): void {
    this.insert.run(blob, ...values.map((v) => (v === undefined ? null : v)));
    this.rows++;
  }

  close(bbox: [number, number, number, number] | null): number {
    if (bbox) this.db.prepare('UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?').run(...bbox, this.spec.table);
    this.db.exec('COMMIT');
    this.db.close();
    fs.renameSync(this.tmp, this.file);
    return this.rows;
  }

  abort(): void {
    try { this.db.close(); } catch { /* already closed */ }
    fs.rmSync(this.tmp, { force: true });
  }
}

/** Writes a new GeoPackage (WGS-84) with one feature table; an existing file is replaced. */
export function writeGpkg(file: string, spec: GpkgWriteSpec, now: Date): number {
  const w = new GpkgStreamWriter(file, spec, now);
  try {
    for (const r of spec.rows) w.push(r.blob, r.values);
  } catch (e) {
    w.abort();
    throw e;
  }
  return w.close(spec.bbox);
}
