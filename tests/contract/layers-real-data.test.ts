/**
 * Real public layers through the same calls the UI makes (../shared/data; skipped when absent):
 * LA 311 records joined to the 99 certified Neighbourhood Council polygons must agree with the
 * records' own NC column; the LA arterial network loads and nearest-road assignment matches a
 * brute-force search; Fuzhou streets (GeometryCollections) and DataV districts (GCJ-02) load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { linesOf, type Geometry } from '../../shared/domain/geo/geometry';
import { mPerDegLon, pointSegmentM } from '../../shared/domain/geo/measure';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';
import { importRecords, readTable, runJob } from './layers-support';

const DATA = path.resolve(__dirname, '../../../shared/data');
const present = fs.existsSync(DATA);
if (!present) console.warn(`SKIP layers-real-data: ${DATA} is absent (the public samples live beside the repository)`);

interface AddResult { layerId: number; loaded: number; skipped: number; problemCounts: Record<string, number>; crs: { code: string }; overlay: { assigned: Record<string, number>; records: number } | null }

describe.skipIf(!present)('real layers', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let dir: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir());
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    await api.call('project.create', { path: path.join(dir, 'la.minsheng') });
    await importRecords(api, path.join(DATA, 'la-myla311/MyLA311_Service_Request_Data_2017_Subset.csv'), 'la311', 'America/Los_Angeles');
  }, 120_000);
  afterAll(async () => { await h.close(); cleanup(); });

  it('LA 311 × 99 Neighbourhood Councils: assigned nc_id agrees with the records\' NC column for ≥ 98 % of located records', async () => {
    const add = await runJob<AddResult>(api, () => api.call('layers.add', {
      path: path.join(DATA, 'la-myla311/Neighborhood Councils (Certified).geojson'), kind: 'community', nameField: 'name', codeField: 'nc_id',
    }));
    expect(add.loaded).toBe(99);
    expect(add.crs.code).toBe('wgs84');
    expect(add.overlay!.assigned.community).toBeGreaterThan(8000);
    const out = path.join(dir, 'records.csv');
    const exp = await api.call('layers.exportRecords', { filter: {}, path: out });
    expect(exp.rows).toBe(9999);
    const assigned = new Map((await readTable(out)).map((r) => [r.external_id, r.community_code]));
    const raw = await readTable(path.join(DATA, 'la-myla311/MyLA311_Service_Request_Data_2017_Subset.csv'));
    let compared = 0; let agree = 0;
    for (const r of raw) {
      const nc = r.NC?.trim();
      const code = assigned.get(r.SRNumber);
      if (!nc || !code || !r.Latitude || Number(r.Latitude) === 0) continue;
      compared++;
      if (Number(nc) === Number(code)) agree++;
    }
    const rate = agree / compared;
    console.log(`LA NC join: ${agree}/${compared} located records agree = ${(rate * 100).toFixed(2)} %`);
    expect(compared).toBeGreaterThan(8000);
    expect(rate).toBeGreaterThanOrEqual(0.98);
  }, 120_000);

  it('LA arterial roads load; every nearest-road assignment is the true nearest segment within 50 m', async () => {
    const add = await runJob<AddResult>(api, () => api.call('layers.add', { path: path.join(DATA, 'la-myla311/Transit_Enhanced_Network.geojson'), kind: 'road' }));
    expect(add.loaded).toBe(4462);
    expect(add.overlay!.assigned.road).toBeGreaterThan(100);
    const layer = JSON.parse(fs.readFileSync(path.join(DATA, 'la-myla311/Transit_Enhanced_Network.geojson'), 'utf8')) as { features: { geometry: Geometry }[] };
    const out = path.join(dir, 'records-roads.csv');
    await api.call('layers.exportRecords', { filter: {}, path: out });
    const rows = (await readTable(out)).filter((r) => r.lon && r.lat);
    let checked = 0;
    for (const r of rows.filter((_, i) => i % 25 === 0)) {
      const x = Number(r.lon); const y = Number(r.lat); const kx = mPerDegLon(y);
      let best = Infinity;
      for (const f of layer.features) for (const l of linesOf(f.geometry)) for (let i = 1; i < l.length; i++) best = Math.min(best, pointSegmentM(x, y, l[i - 1][0], l[i - 1][1], l[i][0], l[i][1], kx));
      if (best <= 50) expect(Number(r.road_m)).toBeCloseTo(best, 0);
      else expect(r.road_m).toBe('');
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  }, 120_000);

  it('Fuzhou streets: GeometryCollection features of 仓山 load as MultiPolygons; KML streets of 晋安 load', async () => {
    const cs = await runJob<AddResult>(api, () => api.call('layers.add', { path: path.join(DATA, 'fuzhou-street-boundaries/cangshan.geojson'), kind: 'street', name: '仓山街道' }));
    expect(cs.loaded).toBe(14);
    expect(cs.skipped).toBe(0);
    const kml = await runJob<AddResult>(api, () => api.call('layers.add', { path: path.join(DATA, 'fuzhou-street-boundaries/jinan-kml/茶园街道.kml'), kind: 'street' }));
    expect(kml.loaded).toBe(1);
    const list = await api.call('layers.list', {});
    expect(list.layers.find((l) => l.id === cs.layerId)).toMatchObject({ geometryType: 'Polygon', features: 14, crsOriginal: 'wgs84' });
  }, 60_000);

  it('DataV districts (GCJ-02, BOM) load with the declared system and are recorded as such', async () => {
    const dv = await runJob<AddResult>(api, () => api.call('layers.add', { path: path.join(DATA, 'china-admin-datav/100000_full.json'), kind: 'custom', crs: 'gcj02' }));
    expect(dv.loaded).toBeGreaterThan(30);
    expect(dv.crs.code).toBe('gcj02');
    const list = await api.call('layers.list', {});
    expect(list.layers.find((l) => l.id === dv.layerId)?.crsOriginal).toBe('gcj02');
  }, 60_000);
});
