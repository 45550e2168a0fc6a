/**
 * ESRI Shapefile from the file set (.shp + .dbf, optional .shx/.prj/.cpg) or a .zip holding it.
 * The DBF text encoding comes from the .cpg, else from the bytes (UTF-8 when valid, else GB18030,
 * the superset of GBK and GB2312 that Chinese GIS exports use).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as shapefile from 'shapefile';
import type { Geometry, RawFeature } from '../../../../../shared/domain/geo/geometry';
import { crsFromWkt } from '../../../../../shared/domain/geo/prj';
import { detectEncoding } from '../../../../../shared/domain/ingest/encoding';
import { readEntry, readZipIndex } from '../../import/readers/zip-index';
import { layerError, type LayerSource, type ReadLayerOptions } from './types';

interface ShapeSet { shp: Uint8Array; dbf: Uint8Array | null; prj: string | null; cpg: string | null; names: string[]; name: string }

/** Text label for TextDecoder from a .cpg (code page) file. */
export function cpgLabel(cpg: string): string | null {
  const s = cpg.trim().toLowerCase().replace(/[\s_-]/g, '');
  if (!s) return null;
  if (s === 'utf8' || s === '65001') return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', 'cp936', '936', 'ansi936', 'ms936', 'windows936'].includes(s)) return 'gb18030';
  if (s === 'big5' || s === '950' || s === 'cp950') return 'big5';
  if (/^(iso)?88591$|^1252$|^cp1252$|^windows1252$|^latin1$/.test(s)) return 'windows-1252';
  return null;
}

/** UTF-8 when the DBF's records decode as UTF-8, else GB18030 (plain ASCII reads the same either way). */
export function detectDbfEncoding(dbf: Uint8Array): string {
  const headerLen = dbf.length >= 10 ? dbf[8] | (dbf[9] << 8) : 0;
  const body = dbf.subarray(Math.min(headerLen, dbf.length), Math.min(dbf.length, headerLen + (4 << 20)));
  // field names are in the header; values in the body
  const head = dbf.subarray(32, Math.min(headerLen, dbf.length));
  const bytes = new Uint8Array(body.length + head.length);
  bytes.set(head); bytes.set(body, head.length);
  return detectEncoding(bytes).encoding === 'gb18030' ? 'gb18030' : 'utf-8';
}

async function fromZip(file: string, table: string | undefined): Promise<ShapeSet> {
  let zip;
  try { zip = await readZipIndex(file); } catch (e) { throw layerError(file, `压缩包已损坏（${(e as Error).message}）`, `the zip archive is corrupt (${(e as Error).message})`); }
  const shps = [...zip.entries.keys()].filter((n) => /\.shp$/i.test(n) && !n.startsWith('__MACOSX/'));
  if (!shps.length) throw layerError(file, '压缩包中没有 .shp 文件', 'the zip archive holds no .shp file');
  const pick = table ? shps.find((n) => path.posix.basename(n, path.posix.extname(n)) === table) : shps[0];
  if (!pick) throw layerError(file, `压缩包中没有名为 ${table} 的图层`, `the zip archive has no layer named ${table}`);
  const base = pick.slice(0, -4);
  const sibling = async (ext: string) => {
    const name = [...zip.entries.keys()].find((n) => n.toLowerCase() === `${base}.${ext}`.toLowerCase());
    return name ? await readEntry(zip, name) : null;
  };
  const shp = (await readEntry(zip, pick))!;
  const [dbf, prj, cpg] = await Promise.all([sibling('dbf'), sibling('prj'), sibling('cpg')]);
  return { shp, dbf, prj: prj ? prj.toString('utf8') : null, cpg: cpg ? cpg.toString('utf8') : null, names: shps.map((n) => path.posix.basename(n, '.shp')), name: path.posix.basename(base) };
}

function fromFiles(file: string): ShapeSet {
  const dir = path.dirname(file);
  const base = path.basename(file, path.extname(file));
  const listing = fs.readdirSync(dir);
  const find = (ext: string) => {
    const n = listing.find((f) => f.toLowerCase() === `${base}.${ext}`.toLowerCase());
    return n ? path.join(dir, n) : null;
  };
  const shpPath = find('shp');
  if (!shpPath) throw layerError(file, `找不到 ${base}.shp`, `${base}.shp not found`);
  const dbf = find('dbf'); const prj = find('prj'); const cpg = find('cpg');
  return {
    shp: fs.readFileSync(shpPath), dbf: dbf ? fs.readFileSync(dbf) : null,
    prj: prj ? fs.readFileSync(prj, 'utf8') : null, cpg: cpg ? fs.readFileSync(cpg, 'utf8') : null, names: [base], name: base,
  };
}

export async function readShapefile(file: string, opts: ReadLayerOptions): Promise<LayerSource> {
  const set = /\.zip$/i.test(file) ? await fromZip(file, opts.table) : fromFiles(file);
  if (!set.dbf) {
    throw layerError(file, `缺少属性表 ${set.name}.dbf：Shapefile 需要 .shp 与 .dbf（以及 .shx、.prj）放在一起`,
      `the attribute table ${set.name}.dbf is missing: a shapefile needs its .shp and .dbf (and .shx, .prj) side by side`);
  }
  const fromCpg = set.cpg ? cpgLabel(set.cpg) : null;
  const label = opts.encoding ? (cpgLabel(opts.encoding) ?? opts.encoding) : fromCpg ?? detectDbfEncoding(set.dbf);
  const features: RawFeature[] = [];
  try {
    const source = await shapefile.open(set.shp, set.dbf, { encoding: label });
    for (;;) {
      const r = await source.read();
      if (r.done) break;
      const f = r.value as { properties?: Record<string, unknown>; geometry: Geometry | null };
      features.push({ properties: { ...(f.properties ?? {}) }, geometry: f.geometry ?? null });
    }
  } catch (e) {
    if (e instanceof RangeError && /encoding/i.test(e.message)) throw layerError(file, `不支持的文字编码 ${label}`, `unsupported text encoding ${label}`);
    throw layerError(file, `Shapefile 已损坏或不完整（${(e as Error).message}）`, `the shapefile is corrupt or incomplete (${(e as Error).message})`);
  }
  const crs = set.prj ? crsFromWkt(set.prj) : null;
  return {
    format: 'shapefile', features, crs, crsSource: set.prj ? 'prj' : 'none', ...(set.prj && !crs ? { unreadableCrs: set.prj.slice(0, 200) } : {}),
    encoding: { label, from: opts.encoding ? 'given' : fromCpg ? 'cpg' : 'detected' }, tables: set.names, table: set.name,
  };
}
