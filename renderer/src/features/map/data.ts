import { tableFromIPC, type Table } from 'apache-arrow';
import gcoord from 'gcoord';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Filter } from '../../../../shared/model/filter';
import { createBinner, type BinKind } from '../../../../shared/domain/spatial/bins';
import { xToLon, yToLat } from '../../../../shared/domain/spatial/mercator';
import { api } from '../../platform/select';

export type View = [number, number, number, number];
type Shift = (lon: number, lat: number) => [number, number];
type FC = FeatureCollection;

/** WGS-84 → the basemap's system: identity, or GCJ-02 for Chinese tile sets (≈ 500 m). */
export function shiftFor(crs: 'wgs84' | 'gcj02'): Shift {
  if (crs === 'wgs84') return (lon, lat) => [lon, lat];
  return (lon, lat) => gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
}

export function meta(t: Table, key: string): unknown {
  const v = t.schema.metadata.get(key);
  return v === undefined ? undefined : JSON.parse(v);
}

const col = (t: Table, name: string) => t.getChild(name)?.toArray() as ArrayLike<number> | undefined;
const fc = (features: Feature[]): FC => ({ type: 'FeatureCollection', features });

export interface BinColumns { n: number; x: ArrayLike<number>; y: ArrayLike<number>; count: ArrayLike<number>; size: number; max: number; total: number }

/** The engine's bins as columns: centres in world units and counts (the heatmap's input). */
export async function fetchBinColumns(filter: Filter, view: View, zoom: number, kind: BinKind, px: number): Promise<BinColumns> {
  const t = tableFromIPC(await api.call('map.bins', { filter, view, zoom, kind, px }));
  return {
    n: t.numRows, x: col(t, 'x') ?? [], y: col(t, 'y') ?? [], count: col(t, 'count') ?? [],
    size: Number(meta(t, 'size')), max: Number(meta(t, 'max')) || 0, total: Number(meta(t, 'total')) || 0,
  };
}

export interface BinsData { geojson: FC; max: number; total: number }

/** Bins as polygons (hexagons/squares). */
export async function fetchBins(filter: Filter, view: View, zoom: number, kind: BinKind, px: number, shift: Shift): Promise<BinsData> {
  const b = await fetchBinColumns(filter, view, zoom, kind, px);
  const binner = createBinner(kind, b.size);
  const features: Feature[] = [];
  for (let i = 0; i < b.n; i++) {
    const ring = binner.ring(binner.key(b.x[i], b.y[i])).map(([wx, wy]) => shift(xToLon(wx), yToLat(wy)));
    features.push({ type: 'Feature', id: i, properties: { count: b.count[i], cx: b.x[i], cy: b.y[i] }, geometry: { type: 'Polygon', coordinates: [ring] } });
  }
  return { geojson: fc(features), max: b.max, total: b.total };
}

export interface PointsData { geojson: FC; total: number; shown: number }

export async function fetchPoints(filter: Filter, view: View, limit: number, shift: Shift): Promise<PointsData> {
  const t = tableFromIPC(await api.call('map.points', { filter, view, limit }));
  const id = col(t, 'id') ?? []; const lon = col(t, 'lon') ?? []; const lat = col(t, 'lat') ?? []; const cat1 = col(t, 'cat1') ?? [];
  const status = t.getChild('status');
  const features: Feature[] = [];
  for (let i = 0; i < t.numRows; i++) {
    features.push({ type: 'Feature', id: id[i], properties: { id: id[i], cat1: cat1[i], status: String(status?.get(i) ?? '') }, geometry: { type: 'Point', coordinates: shift(lon[i], lat[i]) } });
  }
  return { geojson: fc(features), total: Number(meta(t, 'total')) || 0, shown: t.numRows };
}

export interface DensityData { values: Float32Array; width: number; height: number; bounds: [number, number, number, number]; max: number; bandwidthM: number; cellM: number }

export async function fetchDensity(filter: Filter, view: View, zoom: number, cellPx: number, bandwidthM: number | null): Promise<DensityData> {
  const t = tableFromIPC(await api.call('map.density', { filter, view, zoom, cellPx, ...(bandwidthM ? { bandwidthM } : {}) }));
  return {
    values: (t.getChild('v')?.toArray() as Float32Array) ?? new Float32Array(0),
    width: Number(meta(t, 'width')), height: Number(meta(t, 'height')), bounds: JSON.parse(String(meta(t, 'bounds'))) as [number, number, number, number],
    max: Number(meta(t, 'max')), bandwidthM: Number(meta(t, 'bandwidthM')), cellM: Number(meta(t, 'cellM')),
  };
}

export interface ChoroplethRow { featureId: number; name: string; count: number; prev: number; population: number }

export async function fetchChoropleth(filter: Filter, layerId: number): Promise<{ rows: ChoroplethRow[]; hasPrev: boolean }> {
  const t = tableFromIPC(await api.call('map.choropleth', { filter, layerId }));
  const fid = col(t, 'featureId') ?? []; const count = col(t, 'count') ?? []; const prev = col(t, 'prev') ?? []; const pop = col(t, 'population') ?? [];
  const name = t.getChild('name');
  const rows: ChoroplethRow[] = [];
  for (let i = 0; i < t.numRows; i++) rows.push({ featureId: fid[i], name: String(name?.get(i) ?? ''), count: count[i], prev: prev[i], population: pop[i] });
  return { rows, hasPrev: Boolean(meta(t, 'hasPrev')) };
}

function shiftCoords(c: unknown, shift: Shift): unknown {
  if (Array.isArray(c) && typeof c[0] === 'number') return shift(c[0] as number, c[1] as number);
  return Array.isArray(c) ? c.map((x) => shiftCoords(x, shift)) : c;
}

/** A reference layer's features as GeoJSON (feature id = the engine's feature id), shifted to the basemap's system. */
export async function fetchFeatures(layerId: number, shift: Shift): Promise<FC> {
  const t = tableFromIPC(await api.call('map.features', { layerId }));
  const id = col(t, 'id') ?? []; const name = t.getChild('name'); const code = t.getChild('code'); const geom = t.getChild('geometry');
  const features: Feature[] = [];
  for (let i = 0; i < t.numRows; i++) {
    const g = JSON.parse(String(geom?.get(i))) as Geometry & { coordinates?: unknown };
    if ('coordinates' in g) g.coordinates = shiftCoords(g.coordinates, shift) as never;
    features.push({ type: 'Feature', id: id[i], properties: { fid: id[i], name: String(name?.get(i) ?? ''), code: String(code?.get(i) ?? '') }, geometry: g });
  }
  return fc(features);
}
