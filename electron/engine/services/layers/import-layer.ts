/**
 * Layer import: preview a file (fields, suggested name field, declared coordinate system, geometry
 * counts) and add it to the project as one layer. Bad geometries are reported per feature and
 * skipped; a file with no usable feature, an unreadable .prj or an undeclared projected system is
 * refused with a message before anything is written.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { resolveCrs } from '../../../../shared/domain/geo/crs';
import {
  decideCrs, prepareFeatures, suggestFields, summariseFields, type FieldSummary, type LayerKind, type SkippedFeature,
} from '../../../../shared/domain/geo/prepare';
import type { PrjResult } from '../../../../shared/domain/geo/prj';
import { SqliteLayersRepository } from '../../db/repos/layers-repo';
import { layerError, readLayerFile, type LayerSource, type ReadLayerOptions } from './readers';

export interface LayerPreview {
  path: string; fileName: string; format: string; features: number;
  geometryTypes: Record<string, number>; fields: FieldSummary[]; suggestions: ReturnType<typeof suggestFields>;
  crs: { code: string; label: string } | null; crsSource: string; unreadableCrs: string | null; assumedWgs84: boolean; projectedWithoutCrs: boolean;
  encoding: string | null; tables: string[]; table: string | null;
}

export interface AddLayerParams extends ReadLayerOptions {
  path: string;
  kind: LayerKind;
  name?: string;
  nameField?: string;
  codeField?: string;
  populationField?: string;
  householdsField?: string;
  /** Overrides the declared system: 'EPSG:4490', 'gcj02', 'bd09', … */
  crs?: string;
}

export interface AddLayerResult {
  layerId: number; name: string; kind: string; geometryType: string; loaded: number; skipped: number;
  problemCounts: Record<string, number>; crs: { code: string; label: string; source: string; assumed: boolean }; encoding: string | null;
}

function geometryTypes(src: LayerSource): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of src.features) { const t = f.geometry && typeof f.geometry === 'object' ? String(f.geometry.type) : 'null'; out[t] = (out[t] ?? 0) + 1; }
  return out;
}

export async function previewLayer(file: string, opts: ReadLayerOptions = {}): Promise<LayerPreview> {
  const abs = path.resolve(file);
  const src = await readLayerFile(abs, opts);
  const fields = summariseFields(src.features);
  const decision = decideCrs(src.crs, Boolean(src.unreadableCrs), null, src.features);
  return {
    path: abs, fileName: path.basename(abs), format: src.format, features: src.features.length, geometryTypes: geometryTypes(src),
    fields, suggestions: suggestFields(fields),
    crs: src.crs ? { code: src.crs.code, label: src.crs.label } : null, crsSource: src.crsSource, unreadableCrs: src.unreadableCrs ?? null,
    assumedWgs84: decision.ok && decision.assumed, projectedWithoutCrs: !decision.ok && decision.reason === 'unknown_projected',
    encoding: src.encoding?.label ?? null, tables: src.tables ?? [], table: src.table ?? null,
  };
}

function parseOverride(file: string, crs: string | undefined): PrjResult | null {
  if (!crs) return null;
  const c = resolveCrs(crs);
  if (!c) throw layerError(file, `不认识的坐标系“${crs}”（可用：wgs84、EPSG:4490、EPSG:4513–4554、gcj02、bd09 等）`, `unknown coordinate system "${crs}" (use wgs84, EPSG:4490, EPSG:4513–4554, gcj02, bd09…)`);
  return c;
}

function problemSummary(skipped: readonly SkippedFeature[], loadedProblems: readonly { code: string }[][]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const list of [...skipped.map((s) => s.problems), ...loadedProblems]) for (const p of list) out[p.code] = (out[p.code] ?? 0) + 1;
  return out;
}

/** Reads, checks and stores a layer; runs inside the caller's transaction (a job). */
export async function addLayer(db: Database.Database, p: AddLayerParams, now: number): Promise<AddLayerResult> {
  const abs = path.resolve(p.path);
  const override = parseOverride(abs, p.crs);
  const src = await readLayerFile(abs, p);
  if (src.features.length === 0) throw layerError(abs, '文件中没有任何要素（0 个）', 'the file holds no features (0)');
  const decision = decideCrs(src.crs, Boolean(src.unreadableCrs), override, src.features);
  if (!decision.ok && decision.reason === 'unreadable') {
    throw layerError(abs, `无法识别文件声明的坐标系（${(src.unreadableCrs ?? '').slice(0, 80)}…）；请指定坐标系，例如 EPSG:4490、EPSG:4527 或 wgs84`,
      `the coordinate system the file declares cannot be read (${(src.unreadableCrs ?? '').slice(0, 80)}…); choose one, e.g. EPSG:4490, EPSG:4527 or wgs84`);
  }
  if (!decision.ok) {
    throw layerError(abs, '文件没有声明坐标系，而坐标是投影坐标（米）；请指定坐标系，例如 EPSG:4527（CGCS2000 3度带 39 带）',
      'the file declares no coordinate system and its coordinates are projected (metres); choose one, e.g. EPSG:4527 (CGCS2000 3-degree zone 39)');
  }
  const fields = summariseFields(src.features);
  const sugg = suggestFields(fields);
  const known = new Set(fields.map((f) => f.name));
  for (const [label, f] of [['name', p.nameField], ['code', p.codeField], ['population', p.populationField], ['households', p.householdsField]] as const) {
    if (f && !known.has(f)) throw layerError(abs, `没有名为“${f}”的属性字段（${label}）`, `there is no attribute field named "${f}" (${label})`);
  }
  const nameField = p.nameField ?? sugg.nameField ?? undefined;
  const codeField = p.codeField ?? sugg.codeField ?? undefined;
  const populationField = p.populationField ?? sugg.populationField ?? undefined;
  const householdsField = p.householdsField ?? sugg.householdsField ?? undefined;
  const prepared = prepareFeatures(src.features, decision.crs, { kind: p.kind, nameField, codeField, populationField, householdsField });
  const problemCounts = problemSummary(prepared.skipped, prepared.loaded.map((f) => f.problems));
  if (prepared.loaded.length === 0) {
    const found = Object.entries(geometryTypes(src)).map(([t, n]) => `${t} ${n}`).join(', ');
    const reasons = Object.entries(problemCounts).map(([c, n]) => `${c} ${n}`).join(', ');
    throw layerError(abs, `没有可用的要素：${src.features.length} 个要素都无法载入（几何类型：${found}；问题：${reasons}）`,
      `no usable feature: none of the ${src.features.length} features can be loaded (geometry types: ${found}; problems: ${reasons})`);
  }
  const repo = new SqliteLayersRepository(db);
  const name = p.name?.trim() || src.table || path.basename(abs, path.extname(abs));
  const crs = { code: decision.crs.code, label: decision.crs.label, source: override ? 'given' : src.crsSource, assumed: decision.assumed };
  const report = {
    loaded: prepared.loaded.length, skipped: prepared.skipped.length, problemCounts, crs,
    skippedFeatures: prepared.skipped.slice(0, 1000), encoding: src.encoding ?? null, tables: src.tables ?? [], table: src.table ?? null,
  };
  const layerId = repo.insertLayer({
    name, kind: p.kind, geometryType: prepared.geometryKind, source: abs, crsOriginal: decision.crs.code, crsLabel: decision.crs.label, createdAt: now,
    fileName: path.basename(abs), format: src.format, nameField: nameField ?? null, codeField: codeField ?? null,
    populationField: populationField ?? null, householdsField: householdsField ?? null, fields, report,
  });
  repo.insertFeatures(layerId, prepared.loaded);
  return {
    layerId, name, kind: p.kind, geometryType: prepared.geometryKind, loaded: prepared.loaded.length, skipped: prepared.skipped.length,
    problemCounts, crs, encoding: src.encoding?.label ?? null,
  };
}

