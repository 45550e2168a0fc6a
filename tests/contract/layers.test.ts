/**
 * Layers through the contract on a small synthetic demo city: roles and overlay counts, per-feature
 * statistics that follow the filter, exports that read back, geocoding with its hold-out figures,
 * new batches overlaid on their own, and bad layer files refused with nothing written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { readLayerFile } from '../../electron/engine/services/layers/readers';
import { featureStats } from '../../electron/engine/services/layers/stats';
import { readyStatsData } from '../../electron/engine/services/stats/cache';
import { tmpDir } from '../helpers/tmp';
import { square, writeShapefile } from '../unit/engine/layers-shp-writer';
import { inProcess, type TransportHarness } from './transports';
import { importRecords, readTable, runJob, runJobRaw } from './layers-support';

const rows = (bytes: Uint8Array) => tableFromIPC(bytes).toArray().map((r) => r.toJSON() as Record<string, unknown>);

describe('layers contract (demo city)', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let dir: string;
  const db = () => h.engine.ctx.projects.require().handle.db;
  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir());
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    await api.call('project.create', { path: path.join(dir, 'demo.minsheng') });
    await runJob(api, () => api.call('demo.generate', { records: 3000, seed: 7 }));
  }, 120_000);
  afterAll(async () => { await h.close(); cleanup(); });

  it('the demo layers take their roles and every located record gets its district, street and community', async () => {
    const s = await api.call('layers.list', {});
    expect(s.layers.map((l) => l.role)).toEqual(['district', 'street', 'community', 'road']);
    const located = (db().prepare("SELECT count(*) AS n FROM records WHERE location_status = 'coordinates'").get() as { n: number }).n;
    expect(s.assigned.located).toBe(located);
    expect(s.assigned.byRole).toMatchObject({ district: located, street: located, community: located });
    // records' own district text agrees with the polygon they were generated in
    const mismatch = db().prepare('SELECT count(*) AS n FROM records r JOIN record_geo g ON g.record_id = r.id JOIN features f ON f.id = g.district_fid WHERE f.name <> r.district').get() as { n: number };
    expect(mismatch.n).toBe(0);
  });

  it('per-feature statistics follow the filter and compare with the previous period', async () => {
    const s = await api.call('layers.list', {});
    const community = s.roles.community!;
    const all = rows(await api.call('layers.stats', { layerId: community, filter: {} }));
    expect(all.reduce((n, r) => n + (r.count as number), 0)).toBe(s.assigned.byRole.community);
    const district = db().prepare("SELECT name, code FROM features WHERE layer_id = ? LIMIT 1").get(s.roles.district) as { name: string; code: string };
    const inDistrict = rows(await api.call('layers.stats', { layerId: community, filter: { districts: [district.name] } })).filter((r) => (r.count as number) > 0);
    expect(inDistrict.length).toBeGreaterThan(0);
    for (const r of inDistrict) expect(String(r.code).startsWith(district.code)).toBe(true);
    const { min, max } = db().prepare('SELECT min(received_at) AS min, max(received_at) AS max FROM records').get() as { min: number; max: number };
    const mid = Math.floor((min + max) / 2);
    const late = rows(await api.call('layers.stats', { layerId: community, filter: { from: mid, to: max + 1 } }));
    const early = rows(await api.call('layers.stats', { layerId: community, filter: { from: mid - (max + 1 - mid), to: mid } }));
    const byId = new Map(early.map((r) => [r.featureId, r.count]));
    for (const r of late) expect(r.prevCount).toBe(byId.get(r.featureId));
    const withClose = late.filter((r) => r.medianCloseHours !== null);
    expect(withClose.length).toBeGreaterThan(0);
    for (const r of withClose) expect(r.medianCloseHours as number).toBeGreaterThan(0);
  });

  it('exports per-feature results as GeoJSON, CSV and GeoPackage with the layer attributes', async () => {
    const s = await api.call('layers.list', {});
    const id = s.roles.street!;
    const n = s.layers.find((l) => l.id === id)!.features;
    const gj = path.join(dir, 'streets.geojson');
    await api.call('layers.exportStats', { layerId: id, filter: {}, format: 'geojson', path: gj });
    const fc = JSON.parse(fs.readFileSync(gj, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    expect(fc.features).toHaveLength(n);
    expect(fc.features[0].properties).toHaveProperty('ms_count');
    expect(fc.features[0].properties).toHaveProperty('code');
    const csv = path.join(dir, 'streets.csv');
    await api.call('layers.exportStats', { layerId: id, filter: {}, format: 'csv', path: csv });
    const table = await readTable(csv);
    expect(table).toHaveLength(n);
    const gpkg = path.join(dir, 'streets.gpkg');
    await api.call('layers.exportStats', { layerId: id, filter: {}, format: 'gpkg', path: gpkg });
    const back = await readLayerFile(gpkg);
    expect(back.features).toHaveLength(n);
    expect(back.features[0].geometry?.type).toBe('MultiPolygon');
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(back.features.map((f) => Number(f.properties.ms_count)))).toBe(sum(table.map((r) => Number(r.ms_count))));
  });

  it('geocodes address-only records and reports match rate and hold-out error', async () => {
    const unlocated = (db().prepare("SELECT count(*) AS n FROM records WHERE location_status = 'none'").get() as { n: number }).n;
    const r = await runJob<{ candidates: number; matched: number; matchRate: number; holdout: { sampled: number; medianM: number; p90M: number } }>(api, () => api.call('layers.geocode', {}));
    expect(r.candidates).toBe(unlocated);
    expect(r.matchRate).toBeGreaterThan(0.9);
    expect(r.holdout.sampled).toBeGreaterThan(100);
    expect(r.holdout.medianM).toBeLessThan(r.holdout.p90M);
    expect(r.holdout.p90M).toBeLessThan(3000);
    const s = await api.call('layers.list', {});
    expect(s.geocode?.matched).toBe(r.matched);
    expect(s.assigned.geocoded).toBe(r.matched);
  }, 60_000);

  it('a new import batch is overlaid on its own; earlier assignments are not redone', async () => {
    db().prepare('UPDATE record_geo SET road_m = -1 WHERE record_id IN (SELECT id FROM records WHERE batch_id = 1)').run();
    const c = db().prepare(`SELECT f.name, r.lon AS cx, r.lat AS cy FROM records r JOIN record_geo g ON g.record_id = r.id JOIN features f ON f.id = g.community_fid
      WHERE r.location_status = 'coordinates' ORDER BY r.id LIMIT 1`).get() as { name: string; cx: number; cy: number };
    const file = path.join(dir, 'batch.csv');
    // two different points (one repeated point would be taken for a placeholder such as the city hall)
    fs.writeFileSync(file, `工单编号,受理时间,诉求内容,经度,纬度\nB-1,2024-03-01 09:00:00,路灯不亮,${c.cx},${c.cy}\nB-2,2024-03-01 10:00:00,噪音扰民,${c.cx + 0.00002},${c.cy}\n`);
    const b = await importRecords(api, file, 'test-geo');
    expect(b.imported).toBe(2);
    const mine = db().prepare('SELECT f.name FROM records r JOIN record_geo g ON g.record_id = r.id JOIN features f ON f.id = g.community_fid WHERE r.batch_id = ?').all(b.batchId) as { name: string }[];
    expect(mine.map((m) => m.name)).toEqual([c.name, c.name]);
    const untouched = db().prepare('SELECT count(*) AS n FROM record_geo WHERE road_m = -1').get() as { n: number };
    expect(untouched.n).toBeGreaterThan(0);
  });

  it('per-feature statistics from the summary columns equal the join over record_geo, also after a batch is added and removed', async () => {
    const s = await api.call('layers.list', {});
    const span = db().prepare('SELECT min(received_at) AS lo, max(received_at) AS hi FROM records').get() as { lo: number; hi: number };
    const mid = Math.round((span.lo + span.hi) / 2);
    const district = (db().prepare('SELECT district FROM records WHERE district IS NOT NULL LIMIT 1').get() as { district: string }).district;
    const cat = (db().prepare('SELECT cat1_id AS c FROM records WHERE cat1_id IS NOT NULL LIMIT 1').get() as { c: number }).c;
    const filters = [{}, { from: mid, to: span.hi + 1 }, { districts: [district] }, { categories: [cat], from: span.lo, to: mid }, { q: '噪音' }];
    const compare = () => {
      const stats = readyStatsData(db());
      expect(stats).not.toBeNull();
      for (const role of ['district', 'community'] as const) {
        for (const f of filters) {
          const fast = featureStats(db(), s.roles[role]!, f, { stats })!;
          const slow = featureStats(db(), s.roles[role]!, f, { stats: null })!;
          expect(fast.source).toBe('summary');
          expect(slow.source).toBe('join');
          const pick = (r: typeof fast.rows[number]) => [r.featureId, r.count, r.prevCount, r.medianCloseHours === null ? null : Math.round(r.medianCloseHours * 100), r.topCategoryCount];
          expect(fast.rows.map(pick)).toEqual(slow.rows.map(pick));
        }
      }
      return featureStats(db(), s.roles.community!, {}, { stats })!.total;
    };
    const before = compare();
    const file = path.join(dir, 'batch-stats.csv');
    const c = db().prepare("SELECT lon, lat FROM records WHERE location_status = 'coordinates' LIMIT 1").get() as { lon: number; lat: number };
    fs.writeFileSync(file, `工单编号,受理时间,诉求内容,经度,纬度\nS-1,2024-03-02 09:00:00,噪音扰民,${c.lon},${c.lat}\nS-2,2024-03-02 10:00:00,路面积水,${c.lon + 0.00002},${c.lat}\n`);
    const b = await importRecords(api, file, 'test-geo-stats');
    expect(compare()).toBe(before + 2);
    await runJob(api, () => api.call('import.removeBatch', { batchId: b.batchId }));
    expect(compare()).toBe(before);
  }, 60_000);

  describe('bad layer files: clear messages, nothing written', () => {
    const count = () => db().prepare('SELECT (SELECT count(*) FROM layers) AS l, (SELECT count(*) FROM features) AS f').get();
    const refused = async (input: Parameters<ApiClient['call']>[1]) => {
      const before = count();
      const d = await runJobRaw(api, () => api.call('layers.add', input as never));
      expect(d.job.status).toBe('failed');
      expect(count()).toEqual(before);
      return d.job.message ?? '';
    };

    it('a .shp without .dbf', async () => {
      writeShapefile(path.join(dir, 'lonely'), [{ type: 'polygon', rings: [square(118.8, 32, 0.01)] }], [], [], { skipDbf: true });
      expect(await refused({ path: path.join(dir, 'lonely.shp'), kind: 'community' })).toContain('lonely.dbf');
    });

    it('a .prj the app cannot read (then accepted with a chosen system)', async () => {
      writeShapefile(path.join(dir, 'grid'), [{ type: 'polygon', rings: [square(118.8, 32, 0.01)] }], [{ name: 'NAME', type: 'C', length: 20 }], [['A']], { prj: 'LOCAL_CS["district grid"' });
      expect(await refused({ path: path.join(dir, 'grid.shp'), kind: 'community' })).toMatch(/coordinate system/);
      const ok = await runJob<{ loaded: number; crs: { code: string; source: string } }>(api, () => api.call('layers.add', { path: path.join(dir, 'grid.shp'), kind: 'custom', crs: 'EPSG:4490' }));
      expect(ok).toMatchObject({ loaded: 1, crs: { code: 'EPSG:4490', source: 'given' } });
    });

    it('a 0-feature file', async () => {
      fs.writeFileSync(path.join(dir, 'empty.geojson'), '{"type":"FeatureCollection","features":[]}');
      expect(await refused({ path: path.join(dir, 'empty.geojson'), kind: 'community' })).toMatch(/no features/);
    });

    it('a polygon layer with broken rings loads its valid features and lists the problems per feature', async () => {
      const fc = { type: 'FeatureCollection', features: [
        { type: 'Feature', properties: { name: '好' }, geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] } },
        { type: 'Feature', properties: { name: '蝴蝶结' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] } },
        { type: 'Feature', properties: { name: '未闭合' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0]]] } },
        { type: 'Feature', properties: { name: '两点' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] } },
        { type: 'Feature', properties: { name: '空' }, geometry: null },
      ] };
      fs.writeFileSync(path.join(dir, 'broken.geojson'), JSON.stringify(fc));
      const r = await runJob<{ layerId: number; loaded: number; skipped: number }>(api, () => api.call('layers.add', { path: path.join(dir, 'broken.geojson'), kind: 'custom' }));
      expect(r, JSON.stringify(r)).toMatchObject({ loaded: 3, skipped: 2 });
      const detail = await api.call('layers.get', { layerId: r.layerId });
      expect(detail.skippedFeatures.map((s) => [s.name, s.problems.map((p) => p.code)])).toEqual([['两点', ['degenerate_ring', 'empty_geometry']], ['空', ['null_geometry']]]);
      const feats = rows(await api.call('layers.features', { layerId: r.layerId }));
      expect(feats.map((f) => [f.name, f.problems])).toEqual([['好', ''], ['蝴蝶结', 'self_intersection'], ['未闭合', 'unclosed_ring']]);
    });
  });
});
