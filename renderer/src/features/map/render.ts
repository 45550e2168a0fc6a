import type { CanvasSource, CustomLayerInterface, ExpressionSpecification, GeoJSONSource, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { classBreaks, type ClassMethod } from '../../../../shared/domain/spatial/classify';
import { rampClasses, rampRgb, type RampName } from '../../../../shared/domain/spatial/ramps';
import { FIRST_LABEL_LAYER } from './basemap-style';
import type { DensityData } from './data';
import { HeatLayer, heatLayerOf, type HeatImage } from './heat-layer';
import type { Corners } from './heat-mesh';
import type { DataLayerId } from './map-store';

/** Sets a GeoJSON source's data, creating the source on first use (with `maxzoom`: tiled to that zoom, overzoomed beyond). */
export function upsertGeoJSON(map: MlMap, id: string, data: FeatureCollection, maxzoom?: number): void {
  const s = map.getSource(id) as GeoJSONSource | undefined;
  if (s) s.setData(data);
  else map.addSource(id, { type: 'geojson', data, ...(maxzoom === undefined ? {} : { maxzoom }) });
}

export function ensureLayer(map: MlMap, spec: LayerSpecification | CustomLayerInterface): void {
  if (!map.getLayer(spec.id)) map.addLayer(spec, map.getLayer(FIRST_LABEL_LAYER) ? FIRST_LABEL_LAYER : undefined);
}

/**
 * Adds a layer (in the user's order) or, when it exists, only sets the paint properties that
 * differ: the source and its tiles stay, so a new answer costs a repaint, not a re-layering.
 */
export function upsertLayer(map: MlMap, spec: LayerSpecification & { paint?: Record<string, unknown> }, order: readonly DataLayerId[]): void {
  if (!map.getLayer(spec.id)) {
    ensureLayer(map, spec);
    applyOrder(map, order);
    return;
  }
  for (const [k, v] of Object.entries(spec.paint ?? {})) {
    const key = k as 'fill-opacity';
    if (JSON.stringify(map.getPaintProperty(spec.id, key)) !== JSON.stringify(v)) map.setPaintProperty(spec.id, key, v as number);
  }
}

export function removeLayers(map: MlMap, ids: readonly string[]): void {
  for (const id of ids) if (map.getLayer(id)) map.removeLayer(id);
}

/** The MapLibre layers that draw one data layer (in drawing order). */
export const LAYER_IDS: Record<DataLayerId, string[]> = {
  heatmap: ['d-heatmap'], hex: ['d-hex', 'd-hex-line'], square: ['d-square', 'd-square-line'], density: ['d-density'],
  choropleth: ['d-choropleth', 'd-choropleth-line'], points: ['d-points'],
};

/** Puts the data layers in the user's order (bottom first), below the basemap labels. */
export function applyOrder(map: MlMap, order: readonly DataLayerId[]): void {
  for (const id of order) for (const l of LAYER_IDS[id]) if (map.getLayer(l)) map.moveLayer(l, map.getLayer(FIRST_LABEL_LAYER) ? FIRST_LABEL_LAYER : undefined);
}

export function setOpacity(map: MlMap, id: DataLayerId, opacity: number, visible: boolean): void {
  if (id === 'heatmap') heatLayerOf(map, 'd-heatmap')?.setOpacity(opacity);
  const prop: Record<DataLayerId, [string, string][]> = {
    heatmap: [], hex: [['d-hex', 'fill-opacity']], square: [['d-square', 'fill-opacity']],
    density: [['d-density', 'raster-opacity']], choropleth: [['d-choropleth', 'fill-opacity']], points: [['d-points', 'circle-opacity']],
  };
  for (const [layer, p] of prop[id]) if (map.getLayer(layer)) map.setPaintProperty(layer, p as 'fill-opacity', opacity);
  for (const l of LAYER_IDS[id]) if (map.getLayer(l)) map.setLayoutProperty(l, 'visibility', visible ? 'visible' : 'none');
}

/** A step colour expression over `prop` for class breaks (upper bounds) and their colours. */
export function stepColor(prop: ExpressionSpecification, breaks: readonly number[], colors: readonly string[]): ExpressionSpecification {
  if (breaks.length <= 1) return ['literal', colors[colors.length - 1] ?? '#999'] as unknown as ExpressionSpecification;
  const expr: unknown[] = ['step', prop, colors[0]];
  for (let i = 0; i < breaks.length - 1; i++) expr.push(breaks[i] + 1e-9, colors[Math.min(colors.length - 1, i + 1)]);
  return expr as ExpressionSpecification;
}

export interface Classed { breaks: number[]; colors: string[] }

export function classify(values: readonly number[], method: ClassMethod, classes: number, ramp: RampName): Classed {
  const breaks = classBreaks(values.filter((v) => Number.isFinite(v)), method, classes);
  return { breaks, colors: rampClasses(ramp, Math.max(1, breaks.length)) };
}

/**
 * Shows a canvas as a raster layer `id` (source of the same id) at the given corners
 * (NW, NE, SE, SW): a canvas source has no URL to fetch, so nothing for the CSP's connect-src to refuse.
 */
export function showCanvas(map: MlMap, id: string, canvas: HTMLCanvasElement, coordinates: [[number, number], [number, number], [number, number], [number, number]], opacity: number, order: readonly DataLayerId[], maxzoom?: number): void {
  const src = map.getSource(id) as CanvasSource | undefined;
  const shown = src?.type === 'canvas' ? src.getCanvas() : null;
  if (src && shown && map.getLayer(id)) {
    // In place: new pixels and corners, the same source and layer (no style change, no re-layering).
    shown.width = canvas.width; shown.height = canvas.height;
    shown.getContext('2d')?.drawImage(canvas, 0, 0);
    src.setCoordinates(coordinates);
    // Playing for one frame uploads the new pixels; paused again, the map can go idle.
    src.play();
    map.once('render', () => src.pause());
    return;
  }
  removeLayers(map, [id]);
  if (map.getSource(id)) map.removeSource(id);
  map.addSource(id, { type: 'canvas', canvas, coordinates, animate: false });
  ensureLayer(map, { id, type: 'raster', source: id, ...(maxzoom === undefined ? {} : { maxzoom }), paint: { 'raster-opacity': opacity, 'raster-fade-duration': 0, 'raster-resampling': 'linear' } });
  applyOrder(map, order);
}

/**
 * Shows heat image `image` at the given corners (NW, NE, SE, SW) in the heat layer `id`, made on
 * first use and put in the user's order; later images replace its texture only.
 */
export function showHeat(map: MlMap, id: string, image: HeatImage, coordinates: Corners, opacity: number, order: readonly DataLayerId[], maxzoom?: number): void {
  let layer = heatLayerOf(map, id);
  if (!layer) {
    removeLayers(map, [id]);
    layer = new HeatLayer(id, opacity, maxzoom);
    ensureLayer(map, layer);
    applyOrder(map, order);
  }
  layer.setOpacity(opacity);
  layer.setImage(image, coordinates);
}

/** Renders a density grid to a canvas (rows from the north) coloured along a ramp; near-zero is transparent. */
export function densityImage(d: DensityData, ramp: RampName, breaks: readonly number[]): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = d.width; canvas.height = d.height;
  const ctx = canvas.getContext('2d');
  if (!ctx || !d.width || !d.height) return canvas;
  const img = ctx.createImageData(d.width, d.height);
  const colors = breaks.map((_, i) => rampRgb(ramp, breaks.length > 1 ? i / (breaks.length - 1) : 1));
  const floor = d.max * 0.02;
  for (let k = 0; k < d.values.length; k++) {
    const v = d.values[k];
    if (!(v > floor)) continue;
    let c = 0;
    while (c < breaks.length - 1 && v > breaks[c]) c++;
    const [r, g, b] = colors[c];
    img.data[k * 4] = r; img.data[k * 4 + 1] = g; img.data[k * 4 + 2] = b; img.data[k * 4 + 3] = 210;
  }
  ctx.putImageData(img, 0, 0);
  return canvas;
}

/** Categorical palette for points coloured by category or status. */
export const CATEGORY_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
export const STATUS_COLORS: Record<string, string> = { open: '#d62728', in_progress: '#ff7f0e', returned: '#9467bd', closed: '#2ca02c', other: '#7f7f7f' };

export function pointsLayer(colorBy: 'category' | 'status', categories: readonly number[], opacity: number): LayerSpecification {
  const color: ExpressionSpecification = colorBy === 'status'
    ? ['match', ['get', 'status'], ...Object.entries(STATUS_COLORS).flat(), '#7f7f7f'] as unknown as ExpressionSpecification
    : categories.length
      ? ['match', ['get', 'cat1'], ...categories.flatMap((c, i) => [c, CATEGORY_COLORS[i % CATEGORY_COLORS.length]]), '#7f7f7f'] as unknown as ExpressionSpecification
      : ['literal', '#1f77b4'] as unknown as ExpressionSpecification;
  return {
    id: 'd-points', type: 'circle', source: 'd-points',
    paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 2.5, 17, 6], 'circle-color': color, 'circle-opacity': opacity, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.6 },
  };
}
