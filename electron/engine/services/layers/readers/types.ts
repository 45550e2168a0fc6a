import path from 'node:path';
import { ApiError } from '../../../../../shared/api/errors';
import type { RawFeature } from '../../../../../shared/domain/geo/geometry';
import type { PrjResult } from '../../../../../shared/domain/geo/prj';

export type LayerFormat = 'geojson' | 'shapefile' | 'kml' | 'gpkg' | 'csv';

/** What a layer reader hands over: attributes and geometries as in the file, and the declared system. */
export interface LayerSource {
  format: LayerFormat;
  features: RawFeature[];
  /** The coordinate system the file declares; null when it declares none. */
  crs: PrjResult | null;
  /** Where the declaration came from ('prj', 'gpkg', 'geojson', 'kml' = always WGS-84, 'none'). */
  crsSource: 'prj' | 'gpkg' | 'geojson' | 'kml' | 'none';
  /** Text of a declaration the app could not read (a .prj), kept for the message. */
  unreadableCrs?: string;
  /** Shapefile: the DBF text encoding used and how it was chosen. */
  encoding?: { label: string; from: 'cpg' | 'detected' | 'given' };
  /** GeoPackage / zip with several layers: their names (the one read is `table`). */
  tables?: string[];
  table?: string;
}

export interface ReadLayerOptions {
  /** GeoPackage table or zipped shapefile name when the file holds several. */
  table?: string;
  /** DBF encoding override ('utf8', 'gb18030'…). */
  encoding?: string;
  /** CSV: the WKT column, or the lon/lat columns (header names). */
  wktColumn?: string;
  lonColumn?: string;
  latColumn?: string;
}

/** The one error every layer reader throws: file name plus the reason in both languages ("中文 / English", as the import readers do). */
export function layerError(file: string, zh: string, en: string): ApiError {
  return new ApiError('LAYER_UNREADABLE', { file: path.basename(file), detail: `${zh} / ${en}` });
}
