/**
 * Geocoding with the GB/T 2260 gazetteer through the contract: the region guessed from the records'
 * district names, a street layer known only by codes (English names) reached through the recognised
 * township, division codes recorded and empty district texts filled — and given back when the region
 * changes; a user's division list; bad lists refused with nothing changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import type { GeocodeResultOut } from '../../shared/api/areas/layers';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';
import { importRecords, runJob } from './layers-support';

const sq = (x: number, y: number, r: number) => [[[x - r, y - r], [x + r, y - r], [x + r, y + r], [x - r, y + r], [x - r, y - r]]];
const feature = (name: string, code: string, x: number, y: number, r: number) => ({ type: 'Feature', properties: { name, code }, geometry: { type: 'Polygon', coordinates: sq(x, y, r) } });

describe('geocoding with the administrative gazetteer', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let dir: string;
  const db = () => h.engine.ctx.projects.require().handle.db;
  const rec = (ext: string) => db().prepare(`SELECT r.district, r.street, r.lon, r.lat, r.location_status AS status, g.geo_method AS method, g.admin_code AS code, g.geo_place_fid AS fid
    FROM records r LEFT JOIN record_geo g ON g.record_id = r.id WHERE r.external_id = ?`).get(ext) as Record<string, string | number | null>;

  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir());
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    await api.call('project.create', { path: path.join(dir, 'sz.minsheng') });
    // Layers as a GIS department might hand them over: English names, GB/T 2260 codes.
    const districts = path.join(dir, 'districts.geojson');
    fs.writeFileSync(districts, JSON.stringify({ type: 'FeatureCollection', features: [feature('Nanshan District', '440305', 113.93, 22.53, 0.05), feature('Futian District', '440304', 114.05, 22.54, 0.03)] }));
    const streets = path.join(dir, 'streets.geojson');
    fs.writeFileSync(streets, JSON.stringify({ type: 'FeatureCollection', features: [feature('Nantou Subdistrict', '440305001000', 113.92, 22.54, 0.01), feature('Xili Subdistrict', '440305009000', 113.95, 22.58, 0.01)] }));
    await runJob(api, () => api.call('layers.add', { path: districts, kind: 'district', nameField: 'name', codeField: 'code' }));
    await runJob(api, () => api.call('layers.add', { path: streets, kind: 'street', nameField: 'name', codeField: 'code' }));
    const csv = [
      '工单编号,受理时间,诉求内容,所属区,详细地址',
      'G-1,2024-03-01 09:00:00,路灯不亮,,广东省深圳市南山区西丽街道留仙大道3370号',
      'G-2,2024-03-01 10:00:00,噪音扰民,,深圳南山区桃源街道龙珠大道1号',
      'G-3,2024-03-01 11:00:00,垃圾未清运,南山区,南头街道南新路2栋3单元',
      'G-4,2024-03-01 12:00:00,占道经营,,北京市朝阳区建国路88号',
      ...Array.from({ length: 6 }, (_, i) => `D-${i},2024-03-02 09:00:00,其他,${i % 2 ? '福田区' : '南山区'},`),
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'records.csv'), csv);
    await importRecords(api, path.join(dir, 'records.csv'), 'sz12345');
  }, 120_000);
  afterAll(async () => { await h.close(); cleanup(); });

  it('guesses the region from the district names and ships the GB/T 2260 list', async () => {
    const s = await api.call('gazetteer.get', {});
    expect(s).toMatchObject({ region: '440300', regionSource: 'guessed', regionName: '广东省 › 深圳市', chosen: null });
    expect(s.shipped).toBeGreaterThan(40_000);
    expect(s.recognisable).toBeGreaterThan(50);
    const regions = await api.call('gazetteer.regions', {});
    expect(regions.find((r) => r.code === '440300')).toMatchObject({ name: '深圳市', level: 'city', parent: '440000' });
  });

  it('places records through the recognised township / county, records the code and fills empty district text', async () => {
    const r = await runJob<GeocodeResultOut>(api, () => api.call('layers.geocode', {}));
    // G-1..G-3 and the six records that name only their district (南山区 / 福田区 → the polygon with that code)
    expect(r.byMethod.gazetteer).toBe(9);
    expect(r.gazetteer).toMatchObject({ region: '440300', regionSource: 'guessed', recognised: 9 });
    const futian = db().prepare("SELECT id FROM features WHERE name = 'Futian District'").get() as { id: number };
    expect(rec('D-1')).toMatchObject({ method: 'gazetteer', code: '440304', fid: futian.id });
    const xili = db().prepare("SELECT id FROM features WHERE name = 'Xili Subdistrict'").get() as { id: number };
    expect(rec('G-1')).toMatchObject({ status: 'geocoded', method: 'gazetteer', code: '440305009', fid: xili.id, district: 'Nanshan District' });
    // 桃源街道 has no polygon: the district polygon found by its code, district text filled.
    expect(rec('G-2')).toMatchObject({ method: 'gazetteer', code: '440305008', district: 'Nanshan District' });
    // the record's own district text stays as it was
    expect(rec('G-3')).toMatchObject({ method: 'gazetteer', code: '440305001', district: '南山区' });
    expect(rec('G-4')).toMatchObject({ status: 'none', method: null });
    const g1 = rec('G-1');
    expect(Math.abs((g1.lon as number) - 113.95)).toBeLessThan(0.01);
  }, 60_000);

  it('a chosen region replaces the guess; geocoding again gives the filled texts back', async () => {
    await expect(api.call('gazetteer.set', { region: '999999' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const s = await api.call('gazetteer.set', { region: '3501' });
    expect(s).toMatchObject({ region: '350100', regionSource: 'chosen', regionName: '福建省 › 福州市' });
    const r = await runJob<GeocodeResultOut>(api, () => api.call('layers.geocode', {}));
    expect(r.byMethod.gazetteer ?? 0).toBe(0);
    expect(rec('G-1')).toMatchObject({ status: 'none', district: null, code: null });
    expect(rec('G-3')).toMatchObject({ district: '南山区' });
    await api.call('gazetteer.set', { region: null });
  }, 60_000);

  it("a user's list extends the gazetteer; a list without usable rows is refused and nothing changes", async () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'code,name\n,\n');
    await expect(api.call('gazetteer.importList', { path: bad, mode: 'extend' })).rejects.toMatchObject({ code: 'DIVISIONS_UNREADABLE' });
    expect((await api.call('gazetteer.get', {})).userList).toBeNull();
    const list = path.join(dir, 'divisions.csv');
    fs.writeFileSync(list, '代码,名称,上级代码\n440305901,留仙洞片区,440305009\n440305902,不存在,nope\n');
    const r = await api.call('gazetteer.importList', { path: list, mode: 'extend' });
    expect(r).toMatchObject({ imported: 1, rows: 2, problems: [{ row: 3, reason: 'parent' }] });
    expect(r.state.userList).toMatchObject({ count: 1, mode: 'extend', fileName: 'divisions.csv' });
    db().prepare("UPDATE records SET address = '留仙洞片区创智云城' WHERE external_id = 'G-4'").run();
    const g = await runJob<GeocodeResultOut>(api, () => api.call('layers.geocode', {}));
    expect(rec('G-4')).toMatchObject({ method: 'gazetteer', code: '440305901' });
    expect(g.byMethod.gazetteer).toBe(10);
    const cleared = await api.call('gazetteer.set', { clearUserList: true });
    expect(cleared.userList).toBeNull();
  }, 60_000);
});

/** Real names against real polygons: the Fuzhou 台江区 street polygons (MIT fixture) and GB/T 2260's 350103 townships. */
describe('geocoding Fuzhou addresses with the gazetteer (real street polygons)', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let dir: string;
  const db = () => h.engine.ctx.projects.require().handle.db;
  const FIXTURE = path.resolve('tests/fixtures/geo/fuzhou-taijiang-streets.geojson');
  const ADDRESSES: [string, string, string][] = [
    ['F-1', '福建省福州市台江区瀛洲街道六一中路100号', '350103001'],
    ['F-2', '福州台江区上海街道江滨中大道8号3栋', '350103005'],
    ['F-3', '福州市台江茶亭国货西路2号', '350103009'],
    ['F-4', '福建福州台江区苍霞街道', '350103007'],
    ['F-5', '福州市鼓楼区东街街道八一七北路68号', ''],
  ];

  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir());
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    await api.call('project.create', { path: path.join(dir, 'fz.minsheng') });
    await runJob(api, () => api.call('layers.add', { path: FIXTURE, kind: 'street', nameField: 'name' }));
    fs.writeFileSync(path.join(dir, 'fz.csv'), ['工单编号,受理时间,诉求内容,详细地址', ...ADDRESSES.map(([id, a]) => `${id},2024-05-01 09:00:00,反映问题,${a}`)].join('\n'));
    await importRecords(api, path.join(dir, 'fz.csv'), 'fz12345');
    await api.call('gazetteer.set', { region: '3501' });
  }, 120_000);
  afterAll(async () => { await h.close(); cleanup(); });

  it('each record lands in its own street polygon with the township code; 鼓楼区 (no polygon here) is not placed', async () => {
    const r = await runJob<GeocodeResultOut>(api, () => api.call('layers.geocode', {}));
    expect(r.matched).toBe(4);
    for (const [ext, , code] of ADDRESSES) {
      const row = db().prepare(`SELECT r.lon, r.lat, r.district, r.street, g.admin_code AS code, g.street_fid AS fid, f.name AS polygon
        FROM records r LEFT JOIN record_geo g ON g.record_id = r.id LEFT JOIN features f ON f.id = g.street_fid WHERE r.external_id = ?`).get(ext) as Record<string, string | number | null>;
      if (!code) { expect(row.lon).toBeNull(); continue; }
      expect(row.code).toBe(code);
      // the overlay puts the geocoded point inside the polygon of the township named in the text
      expect(row.polygon).toBe(row.street);
      expect(row.district).toBe('台江区');
    }
  }, 60_000);
});
