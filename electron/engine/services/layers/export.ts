/**
 * Exports: per-feature statistics with the layer's own attributes as GeoJSON, CSV (UTF-8 with BOM,
 * opens in Excel and QGIS) or GeoPackage; and the standard records with the places each was
 * assigned, as one CSV.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import { bboxOf, type BBox } from '../../../../shared/domain/geo/geometry';
import { centroid } from '../../../../shared/domain/geo/measure';
import { toGpkgBlob } from '../../../../shared/domain/geo/wkb';
import { writeGpkg, type GpkgWriteSpec } from '../../db/repos/geo-gpkg';
import { SqliteGeoStatsRepository } from '../../db/repos/geo-stats-repo';
import { toCsvLine } from '../import/csv-out';
import type { FeatureStat, FeatureStatsResult } from './stats';

export type StatsFormat = 'csv' | 'geojson' | 'gpkg';

const STAT_COLUMNS: { key: keyof FeatureStat; col: string; type: 'TEXT' | 'REAL' | 'INTEGER' }[] = [
  { key: 'featureId', col: 'ms_id', type: 'INTEGER' }, { key: 'name', col: 'ms_name', type: 'TEXT' }, { key: 'code', col: 'ms_code', type: 'TEXT' },
  { key: 'count', col: 'ms_count', type: 'INTEGER' }, { key: 'prevCount', col: 'ms_prev', type: 'INTEGER' }, { key: 'change', col: 'ms_change', type: 'REAL' },
  { key: 'per1000', col: 'ms_per1000', type: 'REAL' }, { key: 'per1000Households', col: 'ms_per1000hh', type: 'REAL' },
  { key: 'medianCloseHours', col: 'ms_close_h', type: 'REAL' }, { key: 'topCategory', col: 'ms_top_cat', type: 'TEXT' },
];

/** Attribute names of the layer, in first-seen order (stats columns use the ms_ prefix, so they never clash). */
function attributeNames(r: FeatureStatsResult): string[] {
  const seen = new Set<string>();
  for (const f of r.features) for (const k of Object.keys(f.props)) if (!k.startsWith('ms_')) seen.add(k);
  return [...seen];
}

const cell = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function exportFeatureStats(r: FeatureStatsResult, format: StatsFormat, out: string, now: Date): { path: string; features: number } {
  const attrs = attributeNames(r);
  const byId = new Map(r.rows.map((s) => [s.featureId, s]));
  if (format === 'csv') {
    const lines = [toCsvLine([...STAT_COLUMNS.map((c) => c.col), 'lon', 'lat', ...attrs])];
    for (const f of r.features) {
      const s = byId.get(f.id)!;
      const c = f.cx !== null && f.cy !== null ? [f.cx, f.cy] : centroid(f.geometry); // demo layers carry no stored centroid
      lines.push(toCsvLine([...STAT_COLUMNS.map((k) => cell(s[k.key])), cell(c?.[0]), cell(c?.[1]), ...attrs.map((a) => cell(f.props[a]))]));
    }
    fs.writeFileSync(out, `\uFEFF${lines.join('\r\n')}\r\n`);
  } else if (format === 'geojson') {
    const fc = {
      type: 'FeatureCollection',
      features: r.features.map((f) => {
        const s = byId.get(f.id)!;
        const props: Record<string, unknown> = { ...f.props };
        for (const c of STAT_COLUMNS) props[c.col] = s[c.key];
        return { type: 'Feature', id: f.id, properties: props, geometry: f.geometry };
      }),
    };
    fs.writeFileSync(out, JSON.stringify(fc));
  } else {
    const numeric = new Set(attrs.filter((a) => r.features.every((f) => { const v = f.props[a]; return v === null || v === undefined || typeof v === 'number'; })));
    const boxes = new Map<number, BBox>(r.features.map((f) => [f.id, bboxOf(f.geometry) ?? [0, 0, 0, 0]]));
    const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const b of boxes.values()) { bbox[0] = Math.min(bbox[0], b[0]); bbox[1] = Math.min(bbox[1], b[1]); bbox[2] = Math.max(bbox[2], b[2]); bbox[3] = Math.max(bbox[3], b[3]); }
    const gtype: GpkgWriteSpec['geometryType'] = r.layer.geometryType === 'Polygon' ? 'MULTIPOLYGON' : r.layer.geometryType === 'LineString' ? 'MULTILINESTRING' : 'GEOMETRY';
    const spec: GpkgWriteSpec = {
      table: `minsheng_${r.layer.kind}_${r.layer.id}`, geometryType: gtype, bbox,
      columns: [...STAT_COLUMNS.map((c) => ({ name: c.col, type: c.type })), ...attrs.map((a) => ({ name: a, type: (numeric.has(a) ? 'REAL' : 'TEXT') as 'REAL' | 'TEXT' }))],
      rows: (function* () {
        for (const f of r.features) {
          const s = byId.get(f.id)!;
          const g = f.geometry.type === 'Polygon' ? { type: 'MultiPolygon' as const, coordinates: [f.geometry.coordinates] }
            : f.geometry.type === 'LineString' ? { type: 'MultiLineString' as const, coordinates: [f.geometry.coordinates] } : f.geometry;
          const values = [...STAT_COLUMNS.map((c) => s[c.key]), ...attrs.map((a) => { const v = f.props[a]; return numeric.has(a) ? v ?? null : v === null || v === undefined ? null : cell(v); })];
          yield { blob: toGpkgBlob(g, 4326, boxes.get(f.id)!), values };
        }
      })(),
    };
    writeGpkg(out, spec, now);
  }
  return { path: out, features: r.features.length };
}

const RECORD_HEADER = ['external_id', 'source', 'received_at', 'district_text', 'street_text', 'community_text', 'address', 'lon', 'lat', 'location_status',
  'district', 'district_code', 'street', 'street_code', 'community', 'community_code', 'road', 'road_code', 'road_m', 'geocode_method', 'geocode_confidence'];

/** The records under the filter with their assigned places, one CSV (UTF-8 with BOM). */
export function exportRecordsCsv(db: Database.Database, filter: Filter, out: string): { path: string; rows: number } {
  const fd = fs.openSync(out, 'w');
  let rows = 0;
  try {
    fs.writeSync(fd, `\uFEFF${toCsvLine(RECORD_HEADER)}\r\n`);
    let buf: string[] = [];
    for (const r of new SqliteGeoStatsRepository(db).exportRows(filter)) {
      buf.push(toCsvLine([r.externalId, r.sourceCode, new Date(r.receivedAt).toISOString(), r.district, r.street, r.community, r.address, cell(r.lon), cell(r.lat),
        r.locationStatus, r.districtName, r.districtCode, r.streetName, r.streetCode, r.communityName, r.communityCode, r.roadName, r.roadCode, cell(r.roadM),
        r.geoMethod, cell(r.geoConfidence)]));
      rows++;
      if (buf.length >= 5000) { fs.writeSync(fd, `${buf.join('\r\n')}\r\n`); buf = []; }
    }
    if (buf.length) fs.writeSync(fd, `${buf.join('\r\n')}\r\n`);
  } finally {
    fs.closeSync(fd);
  }
  return { path: out, rows };
}
