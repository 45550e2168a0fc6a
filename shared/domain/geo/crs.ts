/**
 * Coordinate systems a layer may come in, and the transform of each to WGS-84 (lon, lat degrees):
 * WGS-84, CGCS2000 geographic (EPSG:4490) and its Gauss-Krüger projections (3° zones EPSG:4513–4533
 * with the zone number in the false easting, 3° EPSG:4534–4554 without it, 6° EPSG:4491–4512),
 * Web Mercator, WGS-84 UTM, and the Chinese obfuscated systems GCJ-02 and BD-09 (declared only:
 * no file format names them). CGCS2000 and WGS-84 differ by centimetres, so no datum shift is applied.
 */
import proj4 from 'proj4';
import { bd09ToWgs84, converted, gcj02ToWgs84 } from '../ingest/gcj';

export interface CrsInfo {
  /** Canonical code: 'wgs84', 'gcj02', 'bd09', 'EPSG:4490', 'EPSG:4527', … or 'custom' (a .prj proj4 could read). */
  code: string;
  /** Human label (English; names are the same in Chinese practice). */
  label: string;
  /** Whether coordinates are projected metres (else degrees). */
  projected: boolean;
}

const GRS80 = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

/** proj4 definition of every supported EPSG code (WGS-84 and GCJ/BD are handled apart). */
export function epsgDefinition(code: number): { def: string; label: string } | null {
  if (code === 4326) return { def: '+proj=longlat +datum=WGS84 +no_defs', label: 'WGS 84' };
  if (code === 4490) return { def: '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs', label: 'CGCS2000' };
  if (code === 3857 || code === 900913) return { def: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs', label: 'WGS 84 / Pseudo-Mercator' };
  if (code >= 4513 && code <= 4533) {
    const zone = code - 4488; // 4513 → zone 25 (75°E)
    return { def: `+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${zone}500000 +y_0=0 ${GRS80}`, label: `CGCS2000 / 3-degree Gauss-Kruger zone ${zone}` };
  }
  if (code >= 4534 && code <= 4554) {
    const cm = 75 + 3 * (code - 4534);
    return { def: `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=500000 +y_0=0 ${GRS80}`, label: `CGCS2000 / 3-degree Gauss-Kruger CM ${cm}E` };
  }
  if (code >= 4491 && code <= 4501) {
    const zone = code - 4478; // 4491 → zone 13 (75°E)
    return { def: `+proj=tmerc +lat_0=0 +lon_0=${zone * 6 - 3} +k=1 +x_0=${zone}500000 +y_0=0 ${GRS80}`, label: `CGCS2000 / Gauss-Kruger zone ${zone}` };
  }
  if (code >= 4502 && code <= 4512) {
    const cm = 75 + 6 * (code - 4502);
    return { def: `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=500000 +y_0=0 ${GRS80}`, label: `CGCS2000 / Gauss-Kruger CM ${cm}E` };
  }
  if ((code >= 32601 && code <= 32660) || (code >= 32701 && code <= 32760)) {
    const south = code > 32700;
    const zone = code - (south ? 32700 : 32600);
    return { def: `+proj=utm +zone=${zone}${south ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`, label: `WGS 84 / UTM zone ${zone}${south ? 'S' : 'N'}` };
  }
  return null;
}

/**
 * Reads what a user typed or a file declared: 'EPSG:4490', '4547', 'wgs84', 'gcj02', 'GCJ-02', 'bd09',
 * 'CGCS2000', 'urn:ogc:def:crs:OGC:1.3:CRS84', 'urn:ogc:def:crs:EPSG::4326'. Null when unknown.
 */
export function resolveCrs(spec: string): CrsInfo | null {
  const s = spec.trim().toLowerCase().replace(/[\s_-]/g, '');
  if (['wgs84', 'wgs1984', 'crs84', 'epsg4326', '4326'].includes(s) || s.endsWith('crs84')) return { code: 'wgs84', label: 'WGS 84', projected: false };
  if (s === 'gcj02' || s === 'gcj' || s === 'mars') return { code: 'gcj02', label: 'GCJ-02', projected: false };
  if (s === 'bd09' || s === 'baidu' || s === 'bd09ll') return { code: 'bd09', label: 'BD-09', projected: false };
  if (s === 'cgcs2000') return { code: 'EPSG:4490', label: 'CGCS2000', projected: false };
  const m = /(?:epsg[:]*|^)(\d{4,5})$/.exec(s);
  if (!m) return null;
  const code = Number(m[1]);
  if (code === 4326) return { code: 'wgs84', label: 'WGS 84', projected: false };
  const d = epsgDefinition(code);
  return d ? { code: `EPSG:${code}`, label: d.label, projected: !d.def.startsWith('+proj=longlat') } : null;
}

export type Transform = (x: number, y: number) => [number, number];

/** The transform of a CRS (canonical code, or 'custom' with its proj4/WKT definition) to WGS-84 lon/lat. */
export function transformToWgs84(code: string, customDef?: string): Transform {
  if (code === 'wgs84') return (x, y) => [x, y];
  if (code === 'gcj02') return (x, y) => { gcj02ToWgs84(x, y); return [converted.lon, converted.lat]; };
  if (code === 'bd09') return (x, y) => { bd09ToWgs84(x, y); return [converted.lon, converted.lat]; };
  let def: string | undefined = customDef;
  if (code.startsWith('EPSG:')) def = epsgDefinition(Number(code.slice(5)))?.def;
  if (!def) throw new Error(`unsupported coordinate system ${code}`);
  const conv = proj4(def, 'EPSG:4326');
  return (x, y) => conv.forward([x, y]) as [number, number];
}

/** Whether proj4 can use a definition (proj4 string or WKT). */
export function canUseDefinition(def: string): boolean {
  try {
    const [x, y] = proj4(def, 'EPSG:4326').forward([500000, 3000000]);
    return Number.isFinite(x) && Number.isFinite(y);
  } catch {
    return false;
  }
}

/** Every code offered in pickers: WGS-84, CGCS2000, the GK zones over China, GCJ-02, BD-09, Web Mercator. */
export function crsChoices(): CrsInfo[] {
  const out: CrsInfo[] = [resolveCrs('wgs84')!, resolveCrs('EPSG:4490')!, resolveCrs('gcj02')!, resolveCrs('bd09')!, resolveCrs('EPSG:3857')!];
  for (let c = 4513; c <= 4554; c++) out.push(resolveCrs(`EPSG:${c}`)!);
  for (let c = 4491; c <= 4512; c++) out.push(resolveCrs(`EPSG:${c}`)!);
  return out;
}

/** Plausibility of transformed coordinates: finite and on the globe. */
export function isLonLat(p: readonly number[]): boolean {
  return Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
}
