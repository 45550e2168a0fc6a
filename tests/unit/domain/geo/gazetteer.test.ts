import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { normaliseAddress } from '../../../../shared/domain/geo/address';
import { AdminIndex, adminShortName, guessRegion, mergeDivisions, parseGazetteerTsv, parseUserDivisions } from '../../../../shared/domain/geo/gazetteer';
import { AdminMatcher } from '../../../../shared/domain/geo/gazetteer-match';
import { AdminGeocoder, GAZETTEER_CONFIDENCE } from '../../../../shared/domain/geo/geocode-admin';
import type { Geometry } from '../../../../shared/domain/geo/geometry';
import { addressSegments } from '../../../../shared/domain/geo/address';

const FILE = path.resolve(__dirname, '../../../../resources/gazetteer/gbt2260.tsv.gz');
const shipped = parseGazetteerTsv(zlib.gunzipSync(fs.readFileSync(FILE)).toString('utf8'));
const index = new AdminIndex(shipped);

function square(x: number, y: number, r: number): Geometry {
  return { type: 'Polygon', coordinates: [[[x - r, y - r], [x + r, y - r], [x + r, y + r], [x - r, y + r], [x - r, y - r]]] };
}

describe('the shipped GB/T 2260 gazetteer', () => {
  it('holds every level with real codes and parents', () => {
    expect(shipped.length).toBeGreaterThan(40_000);
    expect(index.get('440305')).toMatchObject({ name: '南山区', parent: '440300', level: 'county' });
    expect(index.get('440300')).toMatchObject({ name: '深圳市', parent: '440000', level: 'city' });
    expect(index.get('440000')).toMatchObject({ name: '广东省', level: 'province', parent: null });
    expect(index.get('440305001')).toMatchObject({ name: '南头街道', level: 'township', parent: '440305' });
    // Municipalities: the placeholder 市辖区 takes the province's name; 4-digit input is read as GB/T's six digits.
    expect(index.get('1101')?.name).toBe('北京市');
    expect(index.path('440305001')).toBe('广东省 › 深圳市 › 南山区 › 南头街道');
    expect(index.within('440305001', '440300')).toBe(true);
    expect(index.within('440305001', '350100')).toBe(false);
  });

  it('short forms drop generic suffixes and ethnic autonomy words, never below two characters', () => {
    expect(adminShortName('广东省', 'province')).toBe('广东');
    expect(adminShortName('内蒙古自治区', 'province')).toBe('内蒙古');
    expect(adminShortName('广西壮族自治区', 'province')).toBe('广西');
    expect(adminShortName('深圳市', 'city')).toBe('深圳');
    expect(adminShortName('延边朝鲜族自治州', 'city')).toBe('延边');
    expect(adminShortName('黔东南苗族侗族自治州', 'city')).toBe('黔东南');
    expect(adminShortName('南山区', 'county')).toBe('南山');
    expect(adminShortName('城区', 'county')).toBeNull();
    expect(adminShortName('南头街道', 'township')).toBe('南头');
  });
});

describe('prefix stripping and township recognition (region 深圳市 440300)', () => {
  const m = new AdminMatcher(index, { region: '440300' });
  const strip = (s: string) => normaliseAddress(s, (t) => m.stripPrefix(t));
  const rec = (s: string) => m.recognise(addressSegments(s).map((t) => m.stripPrefix(t)));

  it('strips the province and city, full or short, and keeps what is not a prefix', () => {
    expect(strip('广东省深圳市南山区南头街道深南大道10001号')).toBe('南山区南头街道深南大道');
    expect(strip('广东深圳南山区南头街道')).toBe('南山区南头街道');
    expect(strip('深圳南山西丽')).toBe('南山西丽');
    expect(strip('深圳湾公园东门')).toBe('深圳湾公园东门');
    expect(strip('深圳市场监管局')).toBe('深圳市场监管局');
  });

  it('recognises county and township with their codes; short forms only in a row', () => {
    expect(rec('广东省深圳市南山区南头街道深南大道10001号')).toMatchObject({ code: '440305001', county: { code: '440305' }, township: { code: '440305001' } });
    expect(rec('南山|西丽').code).toBe('440305009');
    expect(rec('福田区|沙河社区').code).toBe('440304');
    expect(rec('南山路88号').code).toBeNull();
    expect(rec('市民反映粤海街道某小区噪音')).toMatchObject({ code: '440305007', county: { name: '南山区' } });
  });

  it('outside the region nothing is recognised; the same text is recognised with the right region', () => {
    expect(rec('福建省福州市鼓楼区东街街道').code).toBeNull();
    const fz = new AdminMatcher(index, { region: '350100' });
    const r = fz.recognise(addressSegments('福建省福州市鼓楼区东街街道').map((t) => fz.stripPrefix(t)));
    expect(r.county?.code).toBe('350102');
    expect(r.township?.name).toBe('东街街道');
    // a township's short form right after its own county: 台江 茶亭 (茶亭街道) before a road name
    expect(fz.recognise(addressSegments('福州市台江茶亭国货西路2号').map((t) => fz.stripPrefix(t))).code).toBe('350103009');
  });
});

describe('region guess', () => {
  it('finds the city whose counties carry most records', () => {
    const g = guessRegion(index, [{ name: '鼓楼区', count: 500 }, { name: '台江区', count: 300 }, { name: '仓山区', count: 200 }, { name: '不明', count: 40 }]);
    expect(g).toMatchObject({ code: '350100', name: '福州市' });
    expect(g!.share).toBeCloseTo(1000 / 1040, 3);
  });
  it('refuses a guess from one coincidental name (the demo city 宁川市 has invented districts)', () => {
    const demo = ['玄湖区', '钟山区', '石城区', '青溪区', '凤台区', '长干区'].map((name) => ({ name, count: 100 }));
    expect(guessRegion(index, demo)).toBeNull();
  });
});

describe("a user's division list", () => {
  it('parses code,name[,parent], reports bad rows and extends or replaces the shipped list', () => {
    const csv = 'code,name,parent\nLA-NC-1,Downtown LA\nLA-NC-2,Boyle Heights\n,no code\nLA-NC-1,again\nLA-NC-9,Sub,missing-parent\n440305900,前海片区,440305\n';
    const r = parseUserDivisions(csv);
    expect(r.divisions.map((d) => d.code)).toEqual(['LA-NC-1', 'LA-NC-2', '440305900']);
    expect(r.problems).toEqual([{ row: 4, reason: 'missing' }, { row: 5, reason: 'duplicate' }, { row: 6, reason: 'parent' }]);
    expect(r.divisions[2]).toMatchObject({ level: 'township', parent: '440305' });
    expect(mergeDivisions(shipped, r.divisions, 'replace')).toHaveLength(3);
    const merged = new AdminIndex(mergeDivisions(shipped, r.divisions, 'extend'));
    expect(merged.get('440305900')?.name).toBe('前海片区');
    expect(merged.divisions.length).toBe(shipped.length + 3);
    const m = new AdminMatcher(merged, { region: null, always: new Set(r.divisions.map((d) => d.code)) });
    expect(m.recognise(['前海片区桂湾五路']).code).toBe('440305900');
    expect(m.recognise(['downtownla']).code).toBe('LA-NC-1');
  });
});

describe('geocoding falls back to the gazetteer', () => {
  // A street layer whose features carry GB/T codes but English names, and a community layer.
  const places = [
    { id: 1, name: 'Nantou Subdistrict', code: '440305001000', level: 'street' as const, geometry: square(113.92, 22.54, 0.01) },
    { id: 2, name: 'Xili Subdistrict', code: '440305009000', level: 'street' as const, geometry: square(113.95, 22.58, 0.01) },
    { id: 3, name: '荔林社区', level: 'community' as const, geometry: square(113.921, 22.541, 0.002) },
  ];
  const g = new AdminGeocoder(places, new AdminMatcher(index, { region: '440300' }));

  it("places a record in the street polygon that has the recognised township's code", () => {
    const r = g.locate('|||广东省深圳市南山区西丽街道留仙大道3370号');
    expect(r.hit).toMatchObject({ placeId: 2, method: 'gazetteer', level: 'street', confidence: GAZETTEER_CONFIDENCE.street });
    expect(r.adminCode).toBe('440305009');
    expect(r.fill).toEqual({ district: '南山区', street: 'Xili Subdistrict' });
  });
  it('keeps a more specific layer match and still records the code', () => {
    const r = g.locate('|||深圳市南山区南头街道荔林社区5栋2单元');
    expect(r.hit).toMatchObject({ placeId: 3, method: 'community' });
    expect(r.adminCode).toBe('440305001');
  });
  it('without a gazetteer the same text is not placed', () => {
    expect(new AdminGeocoder(places, null).locate('|||广东省深圳市南山区西丽街道留仙大道3370号').hit).toBeNull();
  });
});
