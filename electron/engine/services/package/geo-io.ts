/**
 * Records as map features for GIS users (QGIS, ArcGIS): a GeoJSON FeatureCollection and a GeoPackage, one
 * point per record at its (already anonymised) WGS-84 `lon`/`lat`, null geometry when it has none, and
 * every other kept column as an attribute (times ISO 8601 +08:00 as in the CSV). Both are written as the
 * records stream past, so memory stays flat. They are for reading; a package is re-imported from its Arrow
 * or CSV file.
 */
import fs from 'node:fs';
import type { PackageColumn, PackageRecord } from '../../../../shared/domain/anonymise/columns';
import { toGpkgBlob } from '../../../../shared/domain/geo/wkb';
import { GpkgStreamWriter } from '../../db/repos/geo-gpkg';
import { isoShanghai } from './csv-io';

type BBox = [number, number, number, number];

function pointOf(rec: PackageRecord): [number, number] | null {
  const lon = rec.lon; const lat = rec.lat;
  return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
}

function attribute(v: unknown, c: PackageColumn): unknown {
  if (v === null || v === undefined) return null;
  if (c.type === 'timestamp') return isoShanghai(Number(v));
  if (c.type === 'bool') return v ? 1 : 0;
  return v;
}

class Extent {
  box: BBox | null = null;
  add([x, y]: [number, number]): void {
    const b = this.box;
    if (!b) this.box = [x, y, x, y];
    else { b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y); }
  }
}

export class GeoJsonRecordsWriter {
  private readonly fd: number;
  private readonly attrs: readonly PackageColumn[];
  private parts: string[] = [];
  private readonly extent = new Extent();
  rows = 0;

  constructor(file: string, columns: readonly PackageColumn[]) {
    this.attrs = columns.filter((c) => c.name !== 'lon' && c.name !== 'lat');
    this.fd = fs.openSync(file, 'wx');
    fs.writeSync(this.fd, '{"type":"FeatureCollection","features":[\n');
  }

  push(rec: PackageRecord): void {
    const p = pointOf(rec);
    if (p) this.extent.add(p);
    const properties: Record<string, unknown> = {};
    for (const c of this.attrs) properties[c.name] = attribute(rec[c.name], c);
    this.parts.push(`${this.rows ? ',' : ''}${JSON.stringify({ type: 'Feature', geometry: p ? { type: 'Point', coordinates: p } : null, properties })}`);
    this.rows++;
    if (this.parts.length >= 2000) this.flush();
  }

  private flush(): void {
    if (this.parts.length) fs.writeSync(this.fd, `${this.parts.join('\n')}\n`);
    this.parts = [];
  }

  close(): number {
    this.flush();
    fs.writeSync(this.fd, `]${this.extent.box ? `,"bbox":${JSON.stringify(this.extent.box)}` : ''}}\n`);
    fs.closeSync(this.fd);
    return this.rows;
  }

  abort(): void {
    try { fs.closeSync(this.fd); } catch { /* already closed */ }
  }
}

export class GpkgRecordsWriter {
  private readonly out: GpkgStreamWriter;
  private readonly attrs: readonly PackageColumn[];
  private readonly extent = new Extent();

  constructor(file: string, columns: readonly PackageColumn[], now: Date) {
    this.attrs = columns.filter((c) => c.name !== 'lon' && c.name !== 'lat');
    this.out = new GpkgStreamWriter(file, {
      table: 'minsheng_records', geometryType: 'POINT',
      columns: this.attrs.map((c) => ({ name: c.name, type: c.type === 'float64' ? 'REAL' : c.type === 'int32' || c.type === 'bool' ? 'INTEGER' : 'TEXT' })),
    }, now);
  }

  get rows(): number { return this.out.rows; }

  push(rec: PackageRecord): void {
    const p = pointOf(rec);
    if (p) this.extent.add(p);
    const blob = p ? toGpkgBlob({ type: 'Point', coordinates: p }, 4326, [p[0], p[1], p[0], p[1]]) : null;
    this.out.push(blob, this.attrs.map((c) => attribute(rec[c.name], c)));
  }

  close(): number { return this.out.close(this.extent.box); }
  abort(): void { this.out.abort(); }
}
