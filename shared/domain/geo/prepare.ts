/**
 * Turns raw features read from a file into a layer ready to store: coordinate system decided and
 * applied (WGS-84 out), geometry checked and repaired, name/code/numeric fields picked, problems
 * listed per feature. Pure; the reader and the repository live in the engine.
 */
import type { BBox, Geometry, GeometryKind, RawFeature } from './geometry';
import { bboxOf, kindOf, mapPositions, roundGeometry } from './geometry';
import { transformToWgs84 } from './crs';
import type { PrjResult } from './prj';
import { centroid } from './measure';
import { checkGeometry, geometryProblem, outOfRange, type GeometryProblem } from './validate';

export const LAYER_KINDS = ['district', 'street', 'community', 'road', 'poi', 'custom'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

export const KIND_GEOMETRY: Record<Exclude<LayerKind, 'custom'>, GeometryKind> = {
  district: 'Polygon', street: 'Polygon', community: 'Polygon', road: 'LineString', poi: 'Point',
};

export interface FieldSummary { name: string; numeric: boolean; distinct: number; filled: number; sample: string[] }

export interface PreparedFeature {
  /** 0-based position in the file. */
  index: number;
  name: string | null;
  code: string | null;
  props: Record<string, unknown>;
  geometry: Geometry;
  bbox: BBox;
  centroid: [number, number];
  population: number | null;
  households: number | null;
  problems: GeometryProblem[];
}

export interface SkippedFeature { index: number; name: string | null; problems: GeometryProblem[] }

export interface PrepareOptions {
  kind: LayerKind;
  /** The coordinate system to apply (overrides the file's declaration). */
  crs?: PrjResult | null;
  nameField?: string;
  codeField?: string;
  populationField?: string;
  householdsField?: string;
}

export type CrsDecision =
  | { ok: true; crs: PrjResult; assumed: boolean }
  | { ok: false; reason: 'unreadable' | 'unknown_projected' };

const NAME_HINT = /^(name|名称|名字|mc|jdmc|sqmc|xzqmc|qxmc|dlmc|name_zh|name_cn|社区名称|街道名称|区县名称|道路名称|label|title)$/i;
const CODE_HINT = /^(code|adcode|编码|代码|id|nc_id|gb|xzqdm|sqdm|jddm|objectid)$/i;
const POP_HINT = /^(population|pop|人口|常住人口|户籍人口|rks|zrk)$/i;
const HH_HINT = /^(households|hh|户数|住户数|hs)$/i;

const num = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
};

/** Attribute fields of the features: numeric or not, distinct values, a few samples. */
export function summariseFields(features: readonly RawFeature[]): FieldSummary[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const f of features.slice(0, 2000)) for (const k of Object.keys(f.properties)) if (!seen.has(k)) { seen.add(k); names.push(k); }
  return names.map((name) => {
    const values = features.map((f) => f.properties[name]).filter((v) => v !== null && v !== undefined && v !== '');
    const distinct = new Set(values.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))));
    return { name, numeric: values.length > 0 && values.every((v) => num(v) !== null), distinct: distinct.size, filled: values.length, sample: [...distinct].slice(0, 3) };
  });
}

/** Field suggestions: the name (text, mostly distinct), the code, population and households. */
export function suggestFields(fields: readonly FieldSummary[]): { nameField: string | null; codeField: string | null; populationField: string | null; householdsField: string | null } {
  const pick = (re: RegExp, numericOk: boolean) => fields.find((f) => re.test(f.name) && (numericOk || !f.numeric))?.name ?? null;
  const text = fields.filter((f) => !f.numeric && f.filled > 0).sort((a, b) => b.distinct - a.distinct);
  return {
    nameField: pick(NAME_HINT, false) ?? text[0]?.name ?? null,
    codeField: pick(CODE_HINT, true),
    populationField: fields.find((f) => POP_HINT.test(f.name) && f.numeric)?.name ?? null,
    householdsField: fields.find((f) => HH_HINT.test(f.name) && f.numeric)?.name ?? null,
  };
}

/** Whether the coordinates look like lon/lat degrees (else they are projected metres). */
export function looksGeographic(features: readonly RawFeature[]): boolean {
  for (const f of features) {
    if (!f.geometry) continue;
    const b = (() => { try { return bboxOf(f.geometry); } catch { return null; } })();
    if (b) return Math.abs(b[0]) <= 180 && Math.abs(b[2]) <= 180 && Math.abs(b[1]) <= 90 && Math.abs(b[3]) <= 90;
  }
  return true;
}

/** The system to use: the user's choice, else the file's declaration, else WGS-84 when the numbers are degrees. */
export function decideCrs(declared: PrjResult | null, unreadable: boolean, override: PrjResult | null | undefined, features: readonly RawFeature[]): CrsDecision {
  if (override) return { ok: true, crs: override, assumed: false };
  if (declared) return { ok: true, crs: declared, assumed: false };
  if (unreadable) return { ok: false, reason: 'unreadable' };
  if (!looksGeographic(features)) return { ok: false, reason: 'unknown_projected' };
  return { ok: true, crs: { code: 'wgs84', label: 'WGS 84', projected: false }, assumed: true };
}

/** The dimension of a custom layer: the most common among its features. */
export function dominantKind(features: readonly RawFeature[]): GeometryKind {
  const n: Record<GeometryKind, number> = { Polygon: 0, LineString: 0, Point: 0 };
  for (const f of features) { const k = f.geometry && typeof f.geometry === 'object' ? kindOf(f.geometry) : null; if (k) n[k]++; }
  return (Object.entries(n).sort((a, b) => b[1] - a[1])[0][0]) as GeometryKind;
}

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v).trim() || null);

/** Transforms, checks and describes every feature. Never throws on bad geometry. */
export function prepareFeatures(features: readonly RawFeature[], crs: PrjResult, opts: PrepareOptions): { geometryKind: GeometryKind; loaded: PreparedFeature[]; skipped: SkippedFeature[] } {
  const geometryKind = opts.kind === 'custom' ? dominantKind(features) : KIND_GEOMETRY[opts.kind];
  const t = transformToWgs84(crs.code, crs.definition);
  const loaded: PreparedFeature[] = [];
  const skipped: SkippedFeature[] = [];
  features.forEach((f, index) => {
    const name = opts.nameField ? str(f.properties[opts.nameField]) : null;
    const checked = checkGeometry(f.geometry, geometryKind);
    let g = checked.geometry;
    const problems = checked.problems;
    if (g) {
      try {
        g = roundGeometry(mapPositions(g, (p) => t(p[0], p[1])));
        if (outOfRange(g)) { problems.push(geometryProblem('out_of_range')); g = null; }
      } catch {
        problems.push(geometryProblem('non_finite'));
        g = null;
      }
    }
    const bbox = g ? bboxOf(g) : null;
    const c = g ? centroid(g) : null;
    if (!g || !bbox || !c) { skipped.push({ index, name, problems }); return; }
    loaded.push({
      index, name, code: opts.codeField ? str(f.properties[opts.codeField]) : null, props: f.properties, geometry: g, bbox, centroid: c,
      population: opts.populationField ? num(f.properties[opts.populationField]) : null,
      households: opts.householdsField ? num(f.properties[opts.householdsField]) : null,
      problems,
    });
  });
  return { geometryKind, loaded, skipped };
}
