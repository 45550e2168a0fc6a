/**
 * Reads a reference layer file of any supported format into raw features plus the declared
 * coordinate system. Formats by extension: .geojson/.json, .shp/.zip (shapefile), .kml, .gpkg,
 * .csv/.tsv/.txt/.xlsx (WKT or lon/lat columns).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../../../shared/api/errors';
import { readCsvLayer } from './csv';
import { readGeoJson } from './geojson';
import { readGpkg } from './gpkg';
import { readKml } from './kml';
import { readShapefile } from './shapefile';
import { layerError, type LayerFormat, type LayerSource, type ReadLayerOptions } from './types';

export type { LayerFormat, LayerSource, ReadLayerOptions } from './types';
export { layerError } from './types';

export function layerFormatOf(file: string): LayerFormat | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.geojson' || ext === '.json') return 'geojson';
  if (ext === '.shp' || ext === '.zip' || ext === '.dbf' || ext === '.shx') return 'shapefile';
  if (ext === '.kml') return 'kml';
  if (ext === '.gpkg') return 'gpkg';
  if (['.csv', '.tsv', '.txt', '.xlsx'].includes(ext)) return 'csv';
  return null;
}

export async function readLayerFile(file: string, opts: ReadLayerOptions = {}): Promise<LayerSource> {
  const abs = path.resolve(file);
  const format = layerFormatOf(abs);
  if (!format) {
    throw layerError(abs, '不支持的文件类型（支持 GeoJSON、Shapefile（.shp 或 .zip）、KML、GeoPackage、带 WKT 或经纬度列的 CSV）',
      'unsupported file type (GeoJSON, Shapefile as .shp or .zip, KML, GeoPackage, CSV with WKT or lon/lat columns are supported)');
  }
  // a .dbf/.shx given alone: look for its .shp
  const target = format === 'shapefile' && /\.(dbf|shx)$/i.test(abs) ? abs.replace(/\.(dbf|shx)$/i, '.shp') : abs;
  if (format !== 'shapefile' || /\.zip$/i.test(target)) {
    if (!fs.existsSync(target) || !fs.statSync(target).isFile()) throw new ApiError('FILE_NOT_FOUND', { path: target });
    if (fs.statSync(target).size === 0) throw layerError(target, '文件是空的', 'the file is empty');
  }
  switch (format) {
    case 'geojson': return readGeoJson(target, fs.readFileSync(target));
    case 'kml': return readKml(target, fs.readFileSync(target));
    case 'gpkg': return readGpkg(target, opts);
    case 'csv': return readCsvLayer(target, opts);
    case 'shapefile': return readShapefile(target, opts);
  }
}
