/**
 * Tables of places: CSV/TSV/XLSX with a WKT column (QGIS "AS_WKT", PostGIS ST_AsText) or lon/lat
 * columns (经度/纬度, lng/lat, x/y). Read with the import readers (encoding and dialect detection).
 */
import type { RawFeature } from '../../../../../shared/domain/geo/geometry';
import { looksLikeWkt, parseWkt } from '../../../../../shared/domain/geo/wkt';
import { resolveCrs } from '../../../../../shared/domain/geo/crs';
import { openRowSource, sniffFile } from '../../import/readers';
import { cellText } from '../../import/readers/source';
import { layerError, type LayerSource, type ReadLayerOptions } from './types';

const WKT_HEADER = /^(wkt|geom|geometry|the_geom|shape|wkt_geom|几何|空间信息)$/i;
const LON_HEADER = /^(lon|lng|long|longitude|x|经度|x坐标|point_x)$/i;
const LAT_HEADER = /^(lat|latitude|y|纬度|y坐标|point_y)$/i;

export function findGeometryColumns(headers: string[], sample: string[][], opts: ReadLayerOptions): { wkt: number } | { lon: number; lat: number } | null {
  const idx = (name?: string) => (name ? headers.findIndex((h) => h === name) : -1);
  if (opts.wktColumn) return idx(opts.wktColumn) >= 0 ? { wkt: idx(opts.wktColumn) } : null;
  if (opts.lonColumn && opts.latColumn) return idx(opts.lonColumn) >= 0 && idx(opts.latColumn) >= 0 ? { lon: idx(opts.lonColumn), lat: idx(opts.latColumn) } : null;
  let wkt = headers.findIndex((h) => WKT_HEADER.test(h.trim()));
  if (wkt < 0) wkt = headers.findIndex((_, c) => sample.some((r) => looksLikeWkt(r[c] ?? '')));
  if (wkt >= 0) return { wkt };
  const lon = headers.findIndex((h) => LON_HEADER.test(h.trim()));
  const lat = headers.findIndex((h) => LAT_HEADER.test(h.trim()));
  return lon >= 0 && lat >= 0 ? { lon, lat } : null;
}

export async function readCsvLayer(file: string, opts: ReadLayerOptions): Promise<LayerSource> {
  const sniffed = await sniffFile(file);
  const geo = findGeometryColumns(sniffed.headers, sniffed.sample, opts);
  if (!geo) {
    throw layerError(file, `表格中找不到几何列：需要 WKT 列（如 wkt、geometry）或经度/纬度列（列名：${sniffed.headers.slice(0, 12).join('、')}）`,
      `no geometry column in the table: a WKT column (wkt, geometry…) or longitude/latitude columns are needed (columns: ${sniffed.headers.slice(0, 12).join(', ')})`);
  }
  const src = await openRowSource(file, { format: sniffed.format, encoding: sniffed.encoding ?? undefined, delimiter: sniffed.delimiter ?? undefined, quote: sniffed.quote ?? undefined, sheet: sniffed.sheet ?? undefined });
  const features: RawFeature[] = [];
  let srid: number | null = null;
  const geoCols = 'wkt' in geo ? [geo.wkt] : [geo.lon, geo.lat];
  try {
    for await (const batch of src.batches(5000)) {
      for (const row of batch) {
        const cells = row.cells.map(cellText);
        const properties: Record<string, unknown> = {};
        src.headers.forEach((h, c) => { if (!geoCols.includes(c)) properties[h] = cells[c] ?? ''; });
        let geometry = null;
        if ('wkt' in geo) {
          const t = cells[geo.wkt] ?? '';
          try { if (t.trim()) { const p = parseWkt(t); geometry = p.geometry; srid ??= p.srid; } } catch { geometry = null; }
        } else {
          const x = Number(cells[geo.lon]); const y = Number(cells[geo.lat]);
          if (cells[geo.lon]?.trim() && cells[geo.lat]?.trim() && Number.isFinite(x) && Number.isFinite(y)) geometry = { type: 'Point' as const, coordinates: [x, y] };
        }
        features.push({ properties, geometry });
      }
    }
  } finally {
    await src.close();
  }
  const crs = srid !== null ? resolveCrs(`EPSG:${srid}`) : null;
  return { format: 'csv', features, crs, crsSource: srid !== null ? 'geojson' : 'none' };
}
