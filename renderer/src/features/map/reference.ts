import { useEffect } from 'react';
import type { Map as MlMap } from 'maplibre-gl';
import type { MapLayer } from '../../../../shared/api/areas/map';
import { fetchFeatures, shiftFor } from './data';
import { ensureLayer, removeLayers, upsertGeoJSON } from './render';
import { MAP_FONT, loadMapFont } from './setup';

const COLORS: Record<string, string> = { district: '#5a4fcf', street: '#3a7bd5', community: '#8c8c8c', road: '#c0792b' };
const layerIds = (id: number) => [`ref-${id}-line`, `ref-${id}-label`];

/** What each map has drawn (layer id → crs and layers stamp): the map outlives the screen, and so does this. */
const DRAWN = new WeakMap<MlMap, Map<number, string>>();

/** The project's own layers (districts, streets, communities, roads) drawn as reference, with their names. */
export function useReferenceLayers(map: MlMap | null, styleGen: number, shownIds: readonly number[], layers: readonly MapLayer[], crs: 'wgs84' | 'gcj02') {
  const key = shownIds.join(',');
  // Redraw only when the layers themselves change (not when an equal list arrives again).
  const layersKey = layers.map((l) => `${l.id}:${l.kind}:${l.features}`).join(',');
  useEffect(() => {
    const shown = key ? key.split(',').map(Number) : [];
    if (!map || styleGen === 0) return;
    let live = true;
    const drawn = { current: new Map([...(DRAWN.get(map) ?? [])].filter(([id]) => map.getSource(`ref-${id}`))) };
    DRAWN.set(map, drawn.current);
    const stamp = `${crs}|${layersKey}`;
    for (const id of [...drawn.current.keys()]) {
      if (!shown.includes(id)) { removeLayers(map, layerIds(id)); drawn.current.delete(id); }
    }
    for (const id of shown) {
      const meta = layers.find((l) => l.id === id);
      if (!meta || drawn.current.get(id) === stamp) continue;
      fetchFeatures(id, shiftFor(crs)).then(async (fc) => {
        if (!live) return;
        await loadMapFont(fc.features.map((f) => String(f.properties?.name ?? '')).join(''));
        if (!live) return;
        upsertGeoJSON(map, `ref-${id}`, fc);
        const color = COLORS[meta.kind] ?? '#666';
        const width = meta.kind === 'district' ? 1.6 : meta.kind === 'road' ? 1.2 : 0.7;
        ensureLayer(map, { id: `ref-${id}-line`, type: 'line', source: `ref-${id}`, paint: { 'line-color': color, 'line-width': width, 'line-opacity': 0.85 } });
        const minzoom = meta.kind === 'district' ? 8 : meta.kind === 'street' ? 11 : 13;
        ensureLayer(map, { id: `ref-${id}-label`, type: 'symbol', source: `ref-${id}`, minzoom,
          layout: { 'text-field': ['get', 'name'], 'text-font': [MAP_FONT], 'text-size': meta.kind === 'district' ? 13 : 11,
            ...(meta.geometryType === 'LineString' ? { 'symbol-placement': 'line' } : {}) },
          paint: { 'text-color': color, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 } });
        drawn.current.set(id, stamp);
      }).catch(() => { /* a missing layer simply stays off */ });
    }
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `layersKey` stands for `layers`
  }, [map, styleGen, key, layersKey, crs]);
}
