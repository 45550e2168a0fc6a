/**
 * Writes a deterministic SYNTHETIC city extract into the open project (inside the runner's single
 * transaction): hotlines, categories, departments, synthetic layers, one synthetic batch, the
 * records, the ground truth of injected events and the meta flags that label the project synthetic.
 *
 * Speed: records are streamed in batches of 5000 through one prepared single-row INSERT; the
 * secondary indexes of `records` are dropped first and re-created afterwards from their exact stored
 * SQL (measured cheaper than maintaining them row by row at 0.3–2 M rows). An earlier synthetic demo
 * (records, batch, layers, events) is replaced; real data and shared reference rows are kept.
 */
import {
  generateRecordBatches, HOTLINE_SOURCES, planDemo, type Area, type DemoPlan,
} from '../../../shared/domain/demo';
import {
  clearSyntheticDemo, ensureCategories, ensureDepartments, finishBatch, insertBatch,
  insertDemoEvents, insertFeatures, insertLayer, recordWriter, setMeta, upsertSources, type FeatureRow,
} from '../db/repos/demo-repo';
import type { JobContext } from '../jobs/types';
import { dropSecondaryIndexes, rebuildIndexes } from '../db/repos/indexes';

export interface DemoParams {
  records: number;
  seed: number;
}

export interface DemoResult {
  batchId: number;
  records: number;
  seed: number;
  events: number;
  districts: number;
  streets: number;
  communities: number;
  roads: number;
  categories: number;
  departments: number;
  /** Records of an earlier synthetic demo that were replaced. */
  replaced: number;
  seconds: number;
  rowsPerSecond: number;
}

export const DEFAULT_DEMO_SEED = 12345;
export const DEMO_BATCH_FILE_NAME = '合成示例数据 synthetic demo';
export const DEMO_LAYER_NAMES = { district: '区县 (合成)', street: '街道 (合成)', community: '社区 (合成)', road: '道路 (合成)' } as const;
const BATCH_SIZE = 5000;

function areaFeatures(areas: Area[], extra: (a: Area) => Record<string, unknown>): FeatureRow[] {
  return areas.map((a) => ({
    code: a.code, name: a.name, parentCode: a.parentCode, bbox: a.bbox,
    props: { code: a.code, name: a.name, level: a.level, centroid: a.centroid, synthetic: true, ...extra(a) },
    geometry: { type: 'Polygon', coordinates: a.polygon },
  }));
}

function writeLayers(ctx: JobContext, plan: DemoPlan): void {
  const { db } = ctx;
  const createdAt = ctx.now();
  const source = `合成示例数据 (seed ${plan.seed})`;
  const { city } = plan;
  const add = (name: string, kind: string, geometryType: string, rows: FeatureRow[]): void => {
    insertFeatures(db, insertLayer(db, { name, kind, geometryType, source, createdAt }), rows);
  };
  add(DEMO_LAYER_NAMES.district, 'district', 'Polygon', areaFeatures(city.districts, (a) => ({ urbanity: (a as typeof city.districts[number]).urbanity })));
  add(DEMO_LAYER_NAMES.street, 'street', 'Polygon', areaFeatures(city.streets, () => ({})));
  add(DEMO_LAYER_NAMES.community, 'community', 'Polygon', areaFeatures(city.communities, (a) => {
    const c = a as typeof city.communities[number];
    return { estates: c.estates, weight: c.weight };
  }));
  add(DEMO_LAYER_NAMES.road, 'road', 'LineString', city.roads.map((r) => ({
    code: r.code, name: r.name, parentCode: null, bbox: r.bbox,
    props: { code: r.code, name: r.name, class: r.roadClass, synthetic: true },
    geometry: { type: 'LineString', coordinates: r.coordinates },
  })));
}

export function writeDemo(ctx: JobContext, params: DemoParams): DemoResult {
  const { db } = ctx;
  const t0 = ctx.now();
  ctx.progress(0, params.records, '正在规划合成城市');
  const plan = planDemo({ records: params.records, seed: params.seed });
  ctx.checkCancelled();

  const replaced = clearSyntheticDemo(db);
  upsertSources(db, HOTLINE_SOURCES.map((s) => ({ code: s.code, name: s.name, kind: 'hotline' })));
  const categoryIds = ensureCategories(db, plan.taxonomy.categories);
  ensureDepartments(db, plan.departments.departments.map((d) => ({ name: d.name, kind: d.kind })));
  writeLayers(ctx, plan);
  const batchId = insertBatch(db, {
    sourceCode: HOTLINE_SOURCES[0].code, fileName: DEMO_BATCH_FILE_NAME, startedAt: t0,
    mapping: { synthetic: true, generator: 'minsheng-demo', seed: plan.seed, records: plan.records, sources: HOTLINE_SOURCES.map((s) => s.code) },
  });
  ctx.checkCancelled();

  const indexSql = dropSecondaryIndexes(db, 'records');
  const write = recordWriter(db, batchId, categoryIds);
  const written = generateRecordBatches(plan, BATCH_SIZE, (batch, done) => {
    write(batch);
    ctx.progress(done, plan.records, '正在写入合成诉求记录');
    ctx.checkCancelled();
  });
  indexSql.forEach((sql, i) => {
    ctx.progress(written, plan.records, `正在重建索引 ${i + 1}/${indexSql.length}`);
    rebuildIndexes(db, [sql]);
    ctx.checkCancelled();
  });

  insertDemoEvents(db, plan.events.map((e) => ({
    cat3Id: categoryIds.get(e.cat3Code) as number, district: e.district, street: e.street, community: e.community,
    startAt: e.startAt, endAt: e.endAt, extraRecords: e.extraRecords, description: e.description,
  })));
  const finishedAt = ctx.now();
  const seconds = Math.max(0.001, (finishedAt - t0) / 1000);
  finishBatch(db, batchId, { rowsRead: written, imported: written, finishedAt, seconds });
  setMeta(db, 'synthetic', '1');
  setMeta(db, 'demo_seed', String(plan.seed));
  setMeta(db, 'demo_records', String(written));
  ctx.progress(written, plan.records, '合成示例数据已生成');

  const { city } = plan;
  return {
    batchId, records: written, seed: plan.seed, events: plan.events.length,
    districts: city.districts.length, streets: city.streets.length, communities: city.communities.length, roads: city.roads.length,
    categories: plan.taxonomy.categories.length, departments: plan.departments.departments.length,
    replaced, seconds, rowsPerSecond: Math.round(written / seconds),
  };
}
