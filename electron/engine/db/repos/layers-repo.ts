/**
 * SQL of reference layers: layers and their features (shared with the demo writer and the map),
 * and the project's geo settings (which layer plays which role, the road distance threshold, the
 * last overlay and geocoding results).
 */
import type Database from 'better-sqlite3';
import type { Geometry } from '../../../../shared/domain/geo/geometry';
import type { PreparedFeature } from '../../../../shared/domain/geo/prepare';

type Db = Database.Database;

export interface LayerRow {
  id: number; name: string; kind: string; geometryType: string; source: string; crsOriginal: string; crsLabel: string | null;
  synthetic: boolean; createdAt: number; fileName: string | null; format: string | null;
  nameField: string | null; codeField: string | null; populationField: string | null; householdsField: string | null;
  features: number; problemFeatures: number; fields: unknown; report: unknown;
}

export interface FeatureRow {
  id: number; layerId: number; code: string | null; name: string | null; props: Record<string, unknown>;
  geometry: Geometry; cx: number | null; cy: number | null; population: number | null; households: number | null;
  problems: { code: string; severity: string; detail?: string }[]; sourceIndex: number | null;
}

export interface NewLayer {
  name: string; kind: string; geometryType: string; source: string; crsOriginal: string; crsLabel: string; createdAt: number;
  fileName: string; format: string; nameField: string | null; codeField: string | null; populationField: string | null; householdsField: string | null;
  fields: unknown; report: unknown;
}

export const GEO_ROLES = ['district', 'street', 'community', 'road'] as const;
export type GeoRole = (typeof GEO_ROLES)[number];

export interface GeoConfig {
  /** Layers chosen per role; a missing or removed choice falls back to the newest layer of that kind. */
  roles: Partial<Record<GeoRole, number | null>>;
  roadThresholdM: number;
  /** Geocode address-only records of new batches too (set once the user has geocoded). */
  autoGeocode: boolean;
}

export const DEFAULT_GEO_CONFIG: GeoConfig = { roles: {}, roadThresholdM: 50, autoGeocode: false };

const LAYER_SELECT = `SELECT l.id, l.name, l.kind, l.geometry_type AS geometryType, l.source, l.crs_original AS crsOriginal, l.crs_label AS crsLabel,
  l.synthetic, l.created_at AS createdAt, l.file_name AS fileName, l.format, l.name_field AS nameField, l.code_field AS codeField,
  l.population_field AS populationField, l.households_field AS householdsField, l.fields_json AS fields, l.report_json AS report,
  (SELECT count(*) FROM features f WHERE f.layer_id = l.id) AS features,
  (SELECT count(*) FROM features f WHERE f.layer_id = l.id AND f.problems_json IS NOT NULL) AS problemFeatures
  FROM layers l`;

function toLayer(r: Record<string, unknown>): LayerRow {
  return { ...(r as unknown as LayerRow), synthetic: r.synthetic === 1, fields: r.fields ? JSON.parse(r.fields as string) : null, report: r.report ? JSON.parse(r.report as string) : null };
}

export class SqliteLayersRepository {
  constructor(private readonly db: Db) {}

  list(): LayerRow[] {
    return (this.db.prepare(`${LAYER_SELECT} ORDER BY l.id`).all() as Record<string, unknown>[]).map(toLayer);
  }

  get(id: number): LayerRow | null {
    const r = this.db.prepare(`${LAYER_SELECT} WHERE l.id = ?`).get(id) as Record<string, unknown> | undefined;
    return r ? toLayer(r) : null;
  }

  insertLayer(l: NewLayer): number {
    return Number(this.db.prepare(`INSERT INTO layers (name, kind, geometry_type, source, crs_original, crs_label, synthetic, created_at, file_name, format,
      name_field, code_field, population_field, households_field, fields_json, report_json) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(l.name, l.kind, l.geometryType, l.source, l.crsOriginal, l.crsLabel, l.createdAt, l.fileName, l.format, l.nameField, l.codeField,
        l.populationField, l.householdsField, JSON.stringify(l.fields), JSON.stringify(l.report)).lastInsertRowid);
  }

  insertFeatures(layerId: number, rows: readonly PreparedFeature[]): void {
    const stmt = this.db.prepare(`INSERT INTO features (layer_id, code, name, parent_code, props_json, geometry_json, min_x, min_y, max_x, max_y,
      source_index, problems_json, cx, cy, population, households) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const f of rows) {
      stmt.run(layerId, f.code, f.name, JSON.stringify(f.props), JSON.stringify(f.geometry), f.bbox[0], f.bbox[1], f.bbox[2], f.bbox[3],
        f.index, f.problems.length ? JSON.stringify(f.problems) : null, f.centroid[0], f.centroid[1], f.population, f.households);
    }
  }

  remove(id: number): boolean {
    this.db.prepare('DELETE FROM features WHERE layer_id = ?').run(id);
    return this.db.prepare('DELETE FROM layers WHERE id = ?').run(id).changes > 0;
  }

  features(layerId: number): FeatureRow[] {
    const rows = this.db.prepare(`SELECT id, layer_id AS layerId, code, name, props_json AS props, geometry_json AS geometry, cx, cy, population, households,
      problems_json AS problems, source_index AS sourceIndex FROM features WHERE layer_id = ? ORDER BY id`).all(layerId) as Record<string, unknown>[];
    return rows.map((r) => ({
      ...(r as unknown as FeatureRow),
      props: r.props ? JSON.parse(r.props as string) : {}, geometry: JSON.parse(r.geometry as string),
      problems: r.problems ? JSON.parse(r.problems as string) : [],
    }));
  }

  /** Id, name, code, population and households of every feature, in id order (cheap: no geometry). */
  featureAttrs(layerId: number): { id: number; name: string | null; code: string | null; population: number | null; households: number | null }[] {
    return this.db.prepare('SELECT id, name, code, population, households FROM features WHERE layer_id = ? ORDER BY id').all(layerId) as
      { id: number; name: string | null; code: string | null; population: number | null; households: number | null }[];
  }

  /** Id and name of every feature of a layer (cheap: no geometry). */
  featureNames(layerId: number): Map<number, { name: string | null; code: string | null }> {
    const rows = this.db.prepare('SELECT id, name, code FROM features WHERE layer_id = ?').all(layerId) as { id: number; name: string | null; code: string | null }[];
    return new Map(rows.map((r) => [r.id, { name: r.name, code: r.code }]));
  }

  private getSetting(key: string): string | null {
    return (this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  }

  private setSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  config(): GeoConfig {
    const raw = this.getSetting('geo.config');
    return raw ? { ...DEFAULT_GEO_CONFIG, ...(JSON.parse(raw) as Partial<GeoConfig>) } : { ...DEFAULT_GEO_CONFIG };
  }

  setConfig(c: GeoConfig): void { this.setSetting('geo.config', JSON.stringify(c)); }

  result<T>(name: 'overlay' | 'geocode'): T | null {
    const raw = this.getSetting(`geo.last.${name}`);
    return raw ? (JSON.parse(raw) as T) : null;
  }

  setResult(name: 'overlay' | 'geocode', value: unknown): void { this.setSetting(`geo.last.${name}`, JSON.stringify(value)); }

  /** The layer playing each role: the configured one if it still exists, else the newest of that kind (polygons/lines). */
  effectiveRoles(): Record<GeoRole, number | null> {
    const cfg = this.config();
    const layers = this.db.prepare('SELECT id, kind, geometry_type AS g FROM layers ORDER BY id').all() as { id: number; kind: string; g: string }[];
    const out = {} as Record<GeoRole, number | null>;
    for (const role of GEO_ROLES) {
      const chosen = cfg.roles[role];
      const want = role === 'road' ? 'LineString' : 'Polygon';
      if (chosen === null) { out[role] = null; continue; }
      if (chosen !== undefined && layers.some((l) => l.id === chosen && l.g === want)) { out[role] = chosen; continue; }
      out[role] = [...layers].reverse().find((l) => l.kind === role && l.g === want)?.id ?? null;
    }
    return out;
  }
}
