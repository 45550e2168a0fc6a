/** GeoJSON (RFC 7946 and the 2008 draft's `crs` member): FeatureCollection, Feature, bare geometries, BOM. */
import type { Geometry, RawFeature } from '../../../../../shared/domain/geo/geometry';
import { resolveCrs } from '../../../../../shared/domain/geo/crs';
import { layerError, type LayerSource } from './types';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

export function readGeoJson(file: string, bytes: Uint8Array): LayerSource {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw layerError(file, `不是有效的 GeoJSON（JSON 解析失败：${(e as Error).message}）`, `not valid GeoJSON (JSON parse error: ${(e as Error).message})`);
  }
  const d = doc as { type?: string; features?: unknown[]; geometry?: unknown; properties?: unknown; crs?: { properties?: { name?: string } } };
  let features: RawFeature[];
  const asFeature = (f: unknown): RawFeature => {
    const o = (f ?? {}) as { properties?: unknown; geometry?: unknown; id?: unknown };
    const props = o.properties && typeof o.properties === 'object' ? { ...(o.properties as Record<string, unknown>) } : {};
    if (o.id !== undefined && !('id' in props)) props.id = o.id;
    return { properties: props, geometry: (o.geometry ?? null) as Geometry | null };
  };
  if (d?.type === 'FeatureCollection' && Array.isArray(d.features)) features = d.features.map(asFeature);
  else if (d?.type === 'Feature') features = [asFeature(d)];
  else if (d && typeof d.type === 'string' && GEOMETRY_TYPES.has(d.type)) features = [{ properties: {}, geometry: d as Geometry }];
  else throw layerError(file, '不是 GeoJSON：缺少 FeatureCollection / Feature / 几何对象', 'not GeoJSON: no FeatureCollection, Feature or geometry');
  const name = d.crs?.properties?.name;
  const crs = name ? resolveCrs(name) : null;
  return { format: 'geojson', features, crs, crsSource: name ? 'geojson' : 'none', ...(name && !crs ? { unreadableCrs: name } : {}) };
}
