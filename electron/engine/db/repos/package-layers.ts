/**
 * SQL of a package's layers: every column of a layer and of its features, read for export and
 * written back 1:1 (new ids) on import, so a layer arrives exactly as it left.
 */
import type Database from 'better-sqlite3';

type Db = Database.Database;

export interface LayerMeta {
  id: number; name: string; kind: string; geometryType: string; source: string; crsOriginal: string; crsLabel: string | null;
  synthetic: boolean; createdAt: number; fileName: string | null; format: string | null; nameField: string | null; codeField: string | null;
  populationField: string | null; householdsField: string | null; fields: unknown; report: unknown;
}

/** One feature's stored columns (geometry and properties as parsed JSON). */
export interface LayerFeature {
  code: string | null; name: string | null; parentCode: string | null; props: Record<string, unknown> | null; geometry: unknown;
  bbox: [number | null, number | null, number | null, number | null]; sourceIndex: number | null; problems: unknown;
  cx: number | null; cy: number | null; population: number | null; households: number | null;
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export function layerMetas(db: Db): LayerMeta[] {
  const rows = db.prepare(`SELECT id, name, kind, geometry_type AS geometryType, source, crs_original AS crsOriginal, crs_label AS crsLabel, synthetic,
    created_at AS createdAt, file_name AS fileName, format, name_field AS nameField, code_field AS codeField, population_field AS populationField,
    households_field AS householdsField, fields_json, report_json FROM layers ORDER BY id`).all() as (Omit<LayerMeta, 'synthetic' | 'fields' | 'report'> & { synthetic: number; fields_json: string | null; report_json: string | null })[];
  return rows.map(({ fields_json, report_json, ...l }) => ({ ...l, synthetic: l.synthetic === 1, fields: parse(fields_json), report: parse(report_json) }));
}

interface FeatureRow {
  code: string | null; name: string | null; parent_code: string | null; props_json: string | null; geometry_json: string;
  min_x: number | null; min_y: number | null; max_x: number | null; max_y: number | null; source_index: number | null; problems_json: string | null;
  cx: number | null; cy: number | null; population: number | null; households: number | null;
}

export function* layerFeatures(db: Db, layerId: number): IterableIterator<LayerFeature> {
  for (const f of db.prepare(`SELECT code, name, parent_code, props_json, geometry_json, min_x, min_y, max_x, max_y, source_index, problems_json,
    cx, cy, population, households FROM features WHERE layer_id = ? ORDER BY id`).iterate(layerId) as IterableIterator<FeatureRow>) {
    yield {
      code: f.code, name: f.name, parentCode: f.parent_code, props: parse(f.props_json) as Record<string, unknown> | null, geometry: JSON.parse(f.geometry_json),
      bbox: [f.min_x, f.min_y, f.max_x, f.max_y], sourceIndex: f.source_index, problems: parse(f.problems_json),
      cx: f.cx, cy: f.cy, population: f.population, households: f.households,
    };
  }
}

/** The centroid of every feature of a layer that has one stored: id → [lon, lat]. */
export function featureCentroids(db: Db, layerId: number): { id: number; name: string | null; cx: number | null; cy: number | null; geometry: string }[] {
  return db.prepare('SELECT id, name, cx, cy, geometry_json AS geometry FROM features WHERE layer_id = ?').all(layerId) as never;
}

/** True when the project already holds a layer of this name and kind with this many features. */
export function hasLayer(db: Db, name: string, kind: string, features: number): boolean {
  return Boolean(db.prepare(`SELECT 1 FROM layers l WHERE l.name = ? AND l.kind = ? AND (SELECT count(*) FROM features f WHERE f.layer_id = l.id) = ?`).get(name, kind, features));
}

export function insertLayer(db: Db, l: Omit<LayerMeta, 'id'>, features: Iterable<LayerFeature>): number {
  const id = Number(db.prepare(`INSERT INTO layers (name, kind, geometry_type, source, crs_original, crs_label, synthetic, created_at, file_name, format,
    name_field, code_field, population_field, households_field, fields_json, report_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(l.name, l.kind, l.geometryType, l.source, l.crsOriginal, l.crsLabel, l.synthetic ? 1 : 0, l.createdAt, l.fileName, l.format, l.nameField, l.codeField,
      l.populationField, l.householdsField, l.fields === null ? null : JSON.stringify(l.fields), l.report === null ? null : JSON.stringify(l.report)).lastInsertRowid);
  const stmt = db.prepare(`INSERT INTO features (layer_id, code, name, parent_code, props_json, geometry_json, min_x, min_y, max_x, max_y, source_index,
    problems_json, cx, cy, population, households) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const f of features) {
    stmt.run(id, f.code, f.name, f.parentCode, f.props === null ? null : JSON.stringify(f.props), JSON.stringify(f.geometry), ...f.bbox, f.sourceIndex,
      f.problems === null ? null : JSON.stringify(f.problems), f.cx, f.cy, f.population, f.households);
  }
  return id;
}
