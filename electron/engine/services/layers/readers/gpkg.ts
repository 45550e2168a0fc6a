/** GeoPackage feature tables: attributes, GPKG geometry blobs, and the table's spatial reference. */
import type { RawFeature } from '../../../../../shared/domain/geo/geometry';
import { resolveCrs } from '../../../../../shared/domain/geo/crs';
import { crsFromWkt, type PrjResult } from '../../../../../shared/domain/geo/prj';
import { parseGpkgBlob } from '../../../../../shared/domain/geo/wkb';
import { GpkgError, readGpkgTable } from '../../../db/repos/geo-gpkg';
import { layerError, type LayerSource, type ReadLayerOptions } from './types';

export function readGpkg(file: string, opts: ReadLayerOptions): LayerSource {
  let t;
  try {
    t = readGpkgTable(file, opts.table);
  } catch (e) {
    if (e instanceof GpkgError) throw layerError(file, `无法读取 GeoPackage（${e.message}）`, `cannot read the GeoPackage (${e.message})`);
    throw e;
  }
  const features: RawFeature[] = t.rows.map((r) => {
    let geometry = null;
    if (r.blob) {
      try { geometry = parseGpkgBlob(r.blob).geometry; } catch { geometry = null; }
    }
    return { properties: r.props, geometry };
  });
  let crs: PrjResult | null = null;
  const { organization, id, definition, srsId } = t.srs;
  if (organization?.toUpperCase() === 'EPSG' && id !== null) crs = resolveCrs(`EPSG:${id}`);
  if (!crs && definition && definition !== 'undefined') crs = crsFromWkt(definition);
  const undefinedSrs = srsId === 0 || srsId === -1;
  return {
    format: 'gpkg', features, crs, crsSource: undefinedSrs ? 'none' : 'gpkg',
    ...(!crs && !undefinedSrs ? { unreadableCrs: `${organization}:${id} ${definition?.slice(0, 160) ?? ''}` } : {}),
    tables: t.tables, table: t.table,
  };
}
