import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import worldUrl from '@basemap/world-countries.geojson?url';
import worldLabelsUrl from '@basemap/world-country-labels.geojson?url';
import provincesUrl from '@basemap/china-provinces.geojson?url';
import provinceLabelsUrl from '@basemap/china-province-labels.geojson?url';
import type { Basemap } from '../../../../shared/api/areas/map';
import { MAP_FONT, TILE_PROTOCOL } from './setup';

export const BUNDLED_URLS = { world: worldUrl, worldLabels: worldLabelsUrl, provinces: provincesUrl, provinceLabels: provinceLabelsUrl };
/** Id of the layer data layers are inserted below (labels stay on top). */
export const FIRST_LABEL_LAYER = 'basemap-labels-anchor';

const WATER = '#dfe9f2';
const LAND = '#f6f4ef';

function labelLayer(id: string, source: string, lang: 'zh-CN' | 'en', minzoom: number, size: number): LayerSpecification {
  return {
    id, type: 'symbol', source, minzoom,
    layout: {
      'text-field': ['coalesce', ['get', lang === 'en' ? 'name_en' : 'name_zh'], ['get', 'name_en']],
      'text-font': [MAP_FONT], 'text-size': size, 'text-max-width': 8,
    },
    paint: { 'text-color': '#5b5b5b', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
  };
}

/** An invisible layer marking where data layers go (below the basemap's labels). */
const anchor: LayerSpecification = { id: FIRST_LABEL_LAYER, type: 'background', paint: { 'background-opacity': 0 } };

/** Natural Earth countries and China's provinces, bundled: needs nothing beyond the app. */
function bundledStyle(data: Record<keyof typeof BUNDLED_URLS, unknown>, lang: 'zh-CN' | 'en'): StyleSpecification {
  // Small-scale data (Natural Earth): tiled down to zoom 6 only and overzoomed beyond, which spares the
  // worker slicing country outlines at street level (and the memory of those tiles).
  const src = (d: unknown): SourceSpecification => ({ type: 'geojson', data: d as never, attribution: 'Natural Earth', maxzoom: 6 });
  return {
    version: 8,
    sources: { world: src(data.world), 'world-labels': src(data.worldLabels), provinces: src(data.provinces), 'province-labels': src(data.provinceLabels) },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': WATER } },
      { id: 'land', type: 'fill', source: 'world', paint: { 'fill-color': ['case', ['get', 'china'], '#f8f3e8', LAND] } },
      { id: 'provinces-line', type: 'line', source: 'provinces', paint: { 'line-color': '#b9a98c', 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.4, 9, 1.2], 'line-dasharray': [3, 2] } },
      { id: 'countries-line', type: 'line', source: 'world', paint: { 'line-color': '#9c8f7a', 'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.4, 8, 1.6] } },
      anchor,
      labelLayer('country-labels', 'world-labels', lang, 1.5, 12),
      labelLayer('province-labels', 'province-labels', lang, 3.5, 12),
    ],
  };
}

function blankStyle(): StyleSpecification {
  return { version: 8, sources: {}, layers: [{ id: 'blank', type: 'background', paint: { 'background-color': '#fafafa' } }, anchor] };
}

/** A basemap from disk: raster tiles as they are; vector tiles with a plain default style. */
function fileStyle(b: Basemap): StyleSpecification {
  const tiles = [`${TILE_PROTOCOL}://${b.id}/{z}/{x}/{y}.${b.kind}`];
  const common = { tiles, minzoom: b.minzoom, maxzoom: b.maxzoom, attribution: b.attribution || b.name, ...(b.bounds ? { bounds: b.bounds } : {}) };
  if (b.kind === 'raster') {
    return { version: 8, sources: { base: { type: 'raster', tileSize: 256, ...common } }, layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': LAND } }, { id: 'base', type: 'raster', source: 'base' }, anchor,
    ] };
  }
  const layers: LayerSpecification[] = [{ id: 'bg', type: 'background', paint: { 'background-color': LAND } }];
  for (const name of b.vectorLayers) {
    const water = /water|ocean|lake|river/i.test(name);
    layers.push(
      { id: `${name}-fill`, type: 'fill', source: 'base', 'source-layer': name, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': water ? WATER : '#ece8df', 'fill-opacity': 0.8 } },
      { id: `${name}-line`, type: 'line', source: 'base', 'source-layer': name, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': water ? '#9cc0e0' : '#c9c2b4', 'line-width': 1 } },
    );
  }
  layers.push(anchor);
  for (const name of b.vectorLayers) {
    layers.push({ id: `${name}-label`, type: 'symbol', source: 'base', 'source-layer': name, minzoom: 10,
      layout: { 'text-field': ['coalesce', ['get', 'name:zh'], ['get', 'name_zh'], ['get', 'name']], 'text-font': [MAP_FONT], 'text-size': 11 },
      paint: { 'text-color': '#555', 'text-halo-color': '#fff', 'text-halo-width': 1.2 } });
  }
  return { version: 8, sources: { base: { type: 'vector', ...common } }, layers };
}

export function basemapStyle(choice: string, basemaps: readonly Basemap[], bundled: Record<keyof typeof BUNDLED_URLS, unknown> | null, lang: 'zh-CN' | 'en'): StyleSpecification {
  if (choice === 'blank') return blankStyle();
  const file = basemaps.find((b) => b.id === choice);
  if (file) return fileStyle(file);
  return bundled ? bundledStyle(bundled, lang) : blankStyle();
}

/** Loads the bundled GeoJSON once (same-origin assets) and returns it with every label's text. */
export async function loadBundled(): Promise<{ data: Record<keyof typeof BUNDLED_URLS, unknown>; labelText: string }> {
  const entries = await Promise.all(Object.entries(BUNDLED_URLS).map(async ([k, url]) => [k, await (await fetch(url)).json()] as const));
  const data = Object.fromEntries(entries) as Record<keyof typeof BUNDLED_URLS, unknown>;
  const names = new Set<string>();
  for (const k of ['worldLabels', 'provinceLabels'] as const) {
    for (const f of (data[k] as { features: { properties: { name_zh?: string; name_en?: string } }[] }).features) {
      if (f.properties.name_zh) names.add(f.properties.name_zh);
      if (f.properties.name_en) names.add(f.properties.name_en);
    }
  }
  return { data, labelText: [...names].join('') };
}
