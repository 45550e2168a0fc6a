import { create } from 'zustand';
import type { ClassMethod } from '../../../../shared/domain/spatial/classify';
import type { RampName } from '../../../../shared/domain/spatial/ramps';

export type DataLayerId = 'heatmap' | 'hex' | 'square' | 'density' | 'choropleth' | 'points';
export const DATA_LAYER_IDS: DataLayerId[] = ['points', 'choropleth', 'hex', 'square', 'heatmap', 'density'];
export type Measure = 'count' | 'rate' | 'change';
export type Step = 'day' | 'week' | 'month';

export interface LayerSettings { visible: boolean; opacity: number; ramp: RampName }

export interface MapSettings {
  /** 'bundled' (Natural Earth), 'blank', or the id of a basemap from disk. */
  basemap: string;
  layers: Record<DataLayerId, LayerSettings>;
  /** Drawing order, bottom first. */
  order: DataLayerId[];
  /** Reference layers (districts, roads…) shown, by layer id. */
  reference: number[];
  choropleth: { layerId: number | null; measure: Measure; method: ClassMethod; classes: number };
  colorBy: 'category' | 'status';
  hexPx: number;
  density: { bandwidthM: number | null; cellPx: number };
  /**
   * Time: the selected range [from, to) (null: all), and playback — the frame start, the frame
   * length, playing or not; frames walk through the range.
   */
  time: { frame: number | null; step: Step; playing: boolean; range: [number, number] | null };
}

export interface MapStore extends MapSettings {
  set(patch: Partial<MapSettings>): void;
  setLayer(id: DataLayerId, patch: Partial<LayerSettings>): void;
  move(id: DataLayerId, dir: -1 | 1): void;
}

const layer = (visible: boolean, ramp: RampName, opacity = 0.8): LayerSettings => ({ visible, opacity, ramp });

export const useMapStore = create<MapStore>()((set) => ({
  basemap: 'bundled',
  layers: {
    heatmap: layer(true, 'YlOrRd', 0.85), hex: layer(false, 'YlOrRd'), square: layer(false, 'Blues'),
    density: layer(false, 'Magma', 0.7), choropleth: layer(false, 'Reds', 0.7), points: layer(true, 'Viridis', 0.9),
  },
  order: [...DATA_LAYER_IDS].reverse(),
  reference: [],
  choropleth: { layerId: null, measure: 'count', method: 'jenks', classes: 5 },
  colorBy: 'category',
  hexPx: 28,
  density: { bandwidthM: null, cellPx: 4 },
  time: { frame: null, step: 'week', playing: false, range: null },
  set: (patch) => set(patch),
  setLayer: (id, patch) => set((s) => ({ layers: { ...s.layers, [id]: { ...s.layers[id], ...patch } } })),
  move: (id, dir) => set((s) => {
    const order = [...s.order];
    const i = order.indexOf(id);
    const j = i + dir;
    if (i < 0 || j < 0 || j >= order.length) return {};
    [order[i], order[j]] = [order[j], order[i]];
    return { order };
  }),
}));
