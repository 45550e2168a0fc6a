import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../../shared/api/errors';
import { crsChoices } from '../../../../shared/domain/geo/crs';
import { SqliteGeoAssignRepository } from '../../db/repos/geo-assign-repo';
import { SqliteGeoStatsRepository } from '../../db/repos/geo-stats-repo';
import { GEO_ROLES, SqliteLayersRepository, type GeoRole, type LayerRow } from '../../db/repos/layers-repo';
import { rowsToArrowIPC, type ColumnType } from '../../services/arrow';
import { exportFeatureStats, exportRecordsCsv } from '../../services/layers/export';
import { previewLayer } from '../../services/layers/import-layer';
import { featureStats } from '../../services/layers/stats';
import { byCategoryFromColumns } from '../../services/layers/stats-columns';
import { readyStatsData } from '../../services/stats/cache';
import { SqliteGeoColumnsRepository } from '../../db/repos/layer-geo-columns';
import type { EngineContext } from '../../context';
import type { HandlerGroup } from '../types';
import { startProjectJob } from './jobs';

const CHOICES = crsChoices().map((c) => ({ code: c.code, label: c.label }));

function db(ctx: EngineContext) {
  return ctx.projects.require().handle.db;
}

function summary(l: LayerRow, roles: Record<GeoRole, number | null>) {
  const report = (l.report ?? {}) as { skipped?: number };
  return {
    id: l.id, name: l.name, kind: l.kind, geometryType: l.geometryType, source: l.source, fileName: l.fileName, format: l.format,
    crsOriginal: l.crsOriginal, crsLabel: l.crsLabel, synthetic: l.synthetic, createdAt: l.createdAt, nameField: l.nameField, codeField: l.codeField,
    populationField: l.populationField, householdsField: l.householdsField, features: l.features, problemFeatures: l.problemFeatures,
    skipped: report.skipped ?? 0, role: GEO_ROLES.find((r) => roles[r] === l.id) ?? null,
  };
}

function requireLayer(repo: SqliteLayersRepository, id: number): LayerRow {
  const l = repo.get(id);
  if (!l) throw new ApiError('BAD_INPUT', { detail: `layer ${id} not found / 图层 ${id} 不存在` });
  return l;
}

function outPath(p: string): string {
  const abs = path.resolve(p);
  if (!fs.existsSync(path.dirname(abs))) throw new ApiError('FILE_NOT_FOUND', { path: path.dirname(abs) });
  return abs;
}

const STAT_COLUMNS: [string, ColumnType][] = [
  ['featureId', 'int32'], ['name', 'utf8'], ['code', 'utf8'], ['count', 'int32'], ['prevCount', 'int32'], ['change', 'float64'],
  ['per1000', 'float64'], ['per1000Households', 'float64'], ['medianCloseHours', 'float64'], ['topCategory', 'utf8'], ['topCategoryCount', 'int32'],
];

export const layersHandlers: HandlerGroup<
  'layers.preview' | 'layers.add' | 'layers.list' | 'layers.get' | 'layers.remove' | 'layers.features' | 'layers.overlay' | 'layers.geocode'
  | 'layers.stats' | 'layers.statsByCategory' | 'layers.exportStats' | 'layers.exportRecords'
> = {
  'layers.preview': async (i) => ({ ...(await previewLayer(i.path, i.options ?? {})), crsChoices: CHOICES }),
  'layers.add': (i, ctx) => {
    const { options, ...rest } = i;
    return { jobId: startProjectJob(ctx, 'layers.add', { ...options, ...rest, path: path.resolve(i.path) }) };
  },
  'layers.list': (_i, ctx) => {
    const repo = new SqliteLayersRepository(db(ctx));
    const roles = repo.effectiveRoles();
    const cfg = repo.config();
    return {
      layers: repo.list().map((l) => summary(l, roles)), roles, roadThresholdM: cfg.roadThresholdM, autoGeocode: cfg.autoGeocode,
      assigned: new SqliteGeoAssignRepository(db(ctx)).summary(), overlay: repo.result('overlay'), geocode: repo.result('geocode'),
    };
  },
  'layers.get': (i, ctx) => {
    const repo = new SqliteLayersRepository(db(ctx));
    const l = requireLayer(repo, i.layerId);
    const report = (l.report ?? {}) as { crs?: never; encoding?: unknown; problemCounts?: Record<string, number>; skippedFeatures?: never[] };
    return {
      layer: summary(l, repo.effectiveRoles()), fields: (l.fields as never) ?? null, crs: report.crs ?? null, encoding: report.encoding ?? null,
      problemCounts: report.problemCounts ?? {}, skippedFeatures: report.skippedFeatures ?? [],
    };
  },
  'layers.remove': (i, ctx) => {
    requireLayer(new SqliteLayersRepository(db(ctx)), i.layerId);
    return { jobId: startProjectJob(ctx, 'layers.remove', { layerId: i.layerId }) };
  },
  'layers.features': (i, ctx) => {
    const repo = new SqliteLayersRepository(db(ctx));
    requireLayer(repo, i.layerId);
    const features = repo.features(i.layerId);
    const attrs: string[] = [];
    const seen = new Set<string>();
    for (const f of features) for (const k of Object.keys(f.props)) if (!seen.has(k)) { seen.add(k); attrs.push(k); }
    const rows = features.map((f) => {
      const o: Record<string, unknown> = {
        id: f.id, name: f.name, code: f.code, problems: f.problems.map((p) => p.code).join(' '),
        problemDetail: f.problems.map((p) => (p.detail ? `${p.code}@${p.detail}` : p.code)).join('; '),
      };
      for (const a of attrs) { const v = f.props[a]; o[`a:${a}`] = v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v); }
      return o;
    });
    const cols: [string, ColumnType][] = [['id', 'int32'], ['name', 'utf8'], ['code', 'utf8'], ['problems', 'utf8'], ['problemDetail', 'utf8'], ...attrs.map((a) => [`a:${a}`, 'utf8'] as [string, ColumnType])];
    return rowsToArrowIPC(rows, cols as never);
  },
  'layers.overlay': (i, ctx) => {
    const repo = new SqliteLayersRepository(db(ctx));
    for (const id of Object.values(i.roles ?? {})) if (typeof id === 'number') requireLayer(repo, id);
    return { jobId: startProjectJob(ctx, 'layers.overlay', { roles: i.roles, roadThresholdM: i.roadThresholdM }) };
  },
  'layers.geocode': (_i, ctx) => ({ jobId: startProjectJob(ctx, 'layers.geocode', {}) }),
  'layers.stats': (i, ctx) => {
    const r = featureStats(db(ctx), i.layerId, i.filter, { bufferM: i.bufferM, stats: readyStatsData(db(ctx)) });
    if (!r) throw new ApiError('BAD_INPUT', { detail: `layer ${i.layerId} not found / 图层 ${i.layerId} 不存在` });
    return rowsToArrowIPC(r.rows, STAT_COLUMNS as never);
  },
  'layers.statsByCategory': (i, ctx) => {
    const repo = new SqliteLayersRepository(db(ctx));
    requireLayer(repo, i.layerId);
    const roles = repo.effectiveRoles();
    const role = GEO_ROLES.find((r) => roles[r] === i.layerId);
    const stats = readyStatsData(db(ctx));
    const geo = role && stats ? new SqliteGeoColumnsRepository(db(ctx)).get(role) : null;
    const found = !role ? [] : stats && geo ? byCategoryFromColumns(stats, geo, i.filter, i.level) : new SqliteGeoStatsRepository(db(ctx)).byCategory(role, i.filter, i.level);
    const rows = found.map((r) => ({ featureId: r.fid, categoryId: r.categoryId, category: r.name, count: r.n }));
    return rowsToArrowIPC(rows, [['featureId', 'int32'], ['categoryId', 'int32'], ['category', 'utf8'], ['count', 'int32']]);
  },
  'layers.exportStats': (i, ctx) => {
    const out = outPath(i.path);
    const r = featureStats(db(ctx), i.layerId, i.filter, { bufferM: i.bufferM, stats: readyStatsData(db(ctx)) });
    if (!r) throw new ApiError('BAD_INPUT', { detail: `layer ${i.layerId} not found / 图层 ${i.layerId} 不存在` });
    return exportFeatureStats(r, i.format, out, new Date());
  },
  'layers.exportRecords': (i, ctx) => exportRecordsCsv(db(ctx), i.filter, outPath(i.path)),
};
