/**
 * Recognises the coordinate system named by a shapefile .prj (ESRI or OGC WKT) or a GeoPackage
 * srs: first by EPSG authority or the well-known ESRI names Chinese data uses, then by letting proj4
 * parse the WKT itself. Returns null when the text cannot be used: the caller asks the user.
 */
import { canUseDefinition, resolveCrs, type CrsInfo } from './crs';

export interface PrjResult extends CrsInfo {
  /** proj4-usable definition when code is 'custom'. */
  definition?: string;
}

function topName(wkt: string): string {
  const m = /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\s*\[\s*"([^"]*)"/i.exec(wkt);
  return m ? m[1] : '';
}

/** The last top-level AUTHORITY["EPSG","n"] / ID["EPSG",n] (the CRS's own, not its datum's). */
function topAuthority(wkt: string): number | null {
  const all = [...wkt.matchAll(/(?:AUTHORITY|ID)\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  if (!all.length) return null;
  const last = all[all.length - 1];
  // the CRS's own id closes the text: only "]" and whitespace may follow it
  return /^[\s\]]*$/.test(wkt.slice((last.index ?? 0) + last[0].length)) ? Number(last[1]) : null;
}

function byName(name: string): CrsInfo | null {
  const n = name.replace(/[\s-]+/g, '_').toLowerCase();
  let m = /cgcs2000_3_degree_gk_zone_(\d+)/.exec(n);
  if (m) return resolveCrs(`EPSG:${4488 + Number(m[1])}`);
  m = /cgcs2000_3_degree_gk_cm_(\d+)e/.exec(n);
  if (m) return resolveCrs(`EPSG:${4534 + (Number(m[1]) - 75) / 3}`);
  m = /cgcs2000_gk_zone_(\d+)/.exec(n);
  if (m) return resolveCrs(`EPSG:${4478 + Number(m[1])}`);
  m = /cgcs2000_gk_cm_(\d+)e/.exec(n);
  if (m) return resolveCrs(`EPSG:${4502 + (Number(m[1]) - 75) / 6}`);
  m = /wgs_(?:19)?84_utm_zone_(\d+)([ns])/.exec(n);
  if (m) return resolveCrs(`EPSG:${(m[2] === 'n' ? 32600 : 32700) + Number(m[1])}`);
  if (/pseudo_mercator|web_mercator/.test(n)) return resolveCrs('EPSG:3857');
  if (/china_geodetic_coordinate_system_2000|^gcs_china_2000$|^cgcs2000$|^china_2000$/.test(n)) return resolveCrs('EPSG:4490');
  if (/^(gcs_)?wgs_(19)?84$/.test(n)) return resolveCrs('wgs84');
  return null;
}

/** Recognises a .prj / srs WKT text; null when neither the names nor proj4 can make sense of it. */
export function crsFromWkt(wkt: string): PrjResult | null {
  const text = wkt.replace(/^\uFEFF/, '').trim();
  if (!text) return null;
  const auth = topAuthority(text);
  if (auth !== null) {
    const c = resolveCrs(`EPSG:${auth}`);
    if (c) return c;
  }
  const named = byName(topName(text));
  if (named) return named;
  if (!/^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\s*\[/i.test(text)) return null;
  if (!canUseDefinition(text)) return null;
  return { code: 'custom', label: topName(text) || 'custom', projected: /^PROJ/i.test(text), definition: text };
}
