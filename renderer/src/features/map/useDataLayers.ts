import { useEffect, useRef, useState } from 'react';
import type { Map as MlMap } from 'maplibre-gl';
import type { Filter } from '../../../../shared/model/filter';
import { filterKey } from '../../state/filters';
import { fetchBinColumns, fetchBins, fetchChoropleth, fetchDensity, fetchFeatures, fetchPoints, shiftFor } from './data';
import { heatCover, heatDensity, heatImage, type HeatCover } from './heat-canvas';
import { viewKey, type MapView } from './useMapInstance';
import type { DataLayerId, MapSettings } from './map-store';
import { applyOrder, classify, densityImage, ensureLayer, pointsLayer, removeLayers, setOpacity, showCanvas, showHeat, stepColor, upsertGeoJSON, upsertLayer, LAYER_IDS } from './render';

export const POINTS_MIN_ZOOM = 13;
export const POINTS_LIMIT = 20_000;
const HEAT_PX = 10;
/** The heatmap's kernel radius (CSS px). */
const HEAT_RADIUS_PX = 25;

/** The area each map's heatmap is drawn over (see heatCover): kept with the map, which outlives the screen. */
const HEAT_COVERS = new WeakMap<MlMap, HeatCover>();

export interface LegendSpec { kind: 'classes' | 'ramp' | 'categories'; unit: string; breaks?: number[]; colors: string[]; labels?: string[]; note?: string }
export interface LayerInfo { legend: LegendSpec | null; count: number | null; error: unknown }

type Infos = Partial<Record<DataLayerId, LayerInfo>>;

/** What each map shows per data layer (the inputs' key and the answer's legend): the map outlives the screen, and so does this. */
const APPLIED = new WeakMap<MlMap, Map<DataLayerId, { key: string; info: LayerInfo }>>();

/** Fetches one data layer when its inputs change and keeps the newest answer only; nothing when the map shows these inputs already. */
function useLayer(map: MlMap | null, id: DataLayerId, active: boolean, key: string, run: (m: MlMap) => Promise<LayerInfo>, setInfo: (id: DataLayerId, i: LayerInfo | null) => void) {
  const seq = useRef(0);
  useEffect(() => {
    if (!map) return;
    const n = ++seq.current;
    const applied = APPLIED.get(map) ?? new Map<DataLayerId, { key: string; info: LayerInfo }>();
    APPLIED.set(map, applied);
    if (!active) { removeLayers(map, LAYER_IDS[id]); applied.delete(id); setInfo(id, null); return; }
    const shown = applied.get(id);
    if (shown && shown.key === key && map.getLayer(LAYER_IDS[id][0])) { setInfo(id, shown.info); return; }
    applied.delete(id);
    run(map).then((info) => { if (n === seq.current) { applied.set(id, { key, info }); setInfo(id, info); } })
      .catch((error: unknown) => { if (n === seq.current) setInfo(id, { legend: null, count: null, error }); });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names every input of `run`
  }, [map, key, active]);
}

/**
 * The data layers over the basemap, each following the global filter (plus the time frame):
 * heatmap and bins aggregated in the engine for the view, points only when zoomed in (capped),
 * the density raster, and the choropleth of a polygon layer.
 */
export function useDataLayers(map: MlMap | null, styleGen: number, view: MapView | null, filter: Filter, s: MapSettings, crs: 'wgs84' | 'gcj02', categoryOrder: readonly number[], choroplethKind: string | null, dataStamp: string) {
  const [infos, setInfos] = useState<Infos>({});
  const setInfo = (id: DataLayerId, i: LayerInfo | null) => setInfos((prev) => ({ ...prev, [id]: i ?? undefined }));
  const shift = shiftFor(crs);
  const fk = filterKey(filter);
  const vk = view ? viewKey(view) : '';
  const base = `${dataStamp}|${styleGen}|${fk}|${vk}|${crs}`;
  const ready = Boolean(map && view && styleGen > 0);
  const L = s.layers;

  // The heatmap is drawn with a margin around the view: moves that stay inside it (and in the zoom level) need no new answer.
  let cover: HeatCover | null = null;
  if (map && view) {
    const c = map.getContainer();
    cover = heatCover(HEAT_COVERS.get(map) ?? null, view.bbox, view.zoom, c.clientWidth, c.clientHeight);
    HEAT_COVERS.set(map, cover);
  }
  useLayer(map, 'heatmap', ready && L.heatmap.visible, `${dataStamp}|${styleGen}|${fk}|${crs}|${cover?.key}|${L.heatmap.ramp}`, async (m) => {
    const area = cover!;
    const d = await fetchBinColumns(filter, area.bbox, area.zoom, 'square', HEAT_PX);
    const density = heatDensity(area.grid, d.x, d.y, d.count, d.max, HEAT_RADIUS_PX / area.scale);
    const [w, so, e, n] = area.bbox;
    showHeat(m, 'd-heatmap', heatImage(area.grid, density, L.heatmap.ramp), [shift(w, n), shift(e, n), shift(e, so), shift(w, so)], L.heatmap.opacity, s.order, POINTS_MIN_ZOOM + 2);
    setOpacity(m, 'heatmap', L.heatmap.opacity, true);
    return { legend: { kind: 'ramp', unit: 'heat', colors: classify([0, 1], 'equal', 5, L.heatmap.ramp).colors, breaks: [0, d.max] }, count: d.total, error: null };
  }, setInfo);

  const binRun = (kind: 'hex' | 'square') => async (m: MlMap): Promise<LayerInfo> => {
    const d = await fetchBins(filter, view!.bbox, view!.zoom, kind, s.hexPx, shift);
    const c = classify(d.geojson.features.map((f) => Number(f.properties?.count)), 'quantile', 5, L[kind].ramp);
    upsertGeoJSON(m, `d-${kind}`, d.geojson);
    ensureLayer(m, { id: `d-${kind}`, type: 'fill', source: `d-${kind}`, paint: { 'fill-color': '#999', 'fill-opacity': L[kind].opacity } });
    ensureLayer(m, { id: `d-${kind}-line`, type: 'line', source: `d-${kind}`, paint: { 'line-color': '#ffffff', 'line-width': 0.5, 'line-opacity': 0.6 } });
    m.setPaintProperty(`d-${kind}`, 'fill-color', stepColor(['get', 'count'], c.breaks, c.colors));
    applyOrder(m, s.order); setOpacity(m, kind, L[kind].opacity, true);
    return { legend: { kind: 'classes', unit: 'records', breaks: c.breaks, colors: c.colors }, count: d.total, error: null };
  };
  useLayer(map, 'hex', ready && L.hex.visible, `${base}|${L.hex.ramp}|${s.hexPx}`, binRun('hex'), setInfo);
  useLayer(map, 'square', ready && L.square.visible, `${base}|${L.square.ramp}|${s.hexPx}`, binRun('square'), setInfo);

  const pointsOn = ready && L.points.visible && (view?.zoom ?? 0) >= POINTS_MIN_ZOOM;
  useLayer(map, 'points', pointsOn, `${base}|${s.colorBy}|${categoryOrder.join(',')}`, async (m) => {
    const d = await fetchPoints(filter, view!.bbox, POINTS_LIMIT, shift);
    upsertGeoJSON(m, 'd-points', d.geojson);
    upsertLayer(m, pointsLayer(s.colorBy, categoryOrder.slice(0, 10), L.points.opacity), s.order);
    setOpacity(m, 'points', L.points.opacity, true);
    return { legend: { kind: 'categories', unit: s.colorBy, colors: [], note: d.shown < d.total ? `${d.shown}/${d.total}` : undefined }, count: d.total, error: null };
  }, setInfo);

  useLayer(map, 'density', ready && L.density.visible, `${base}|${L.density.ramp}|${s.density.bandwidthM}|${s.density.cellPx}`, async (m) => {
    const d = await fetchDensity(filter, view!.bbox, view!.zoom, s.density.cellPx, s.density.bandwidthM);
    const positive = Array.from(d.values).filter((v) => v > d.max * 0.02);
    const c = classify(positive.length > 20_000 ? positive.filter((_, i) => i % Math.ceil(positive.length / 20_000) === 0) : positive, 'quantile', 6, L.density.ramp);
    const canvas = densityImage(d, L.density.ramp, c.breaks);
    const [w, so, e, n] = d.bounds;
    const coordinates: [[number, number], [number, number], [number, number], [number, number]] = [shift(w, n), shift(e, n), shift(e, so), shift(w, so)];
    showCanvas(m, 'd-density', canvas, coordinates, L.density.opacity, s.order);
    setOpacity(m, 'density', L.density.opacity, true);
    return { legend: { kind: 'classes', unit: 'perKm2', breaks: c.breaks, colors: c.colors, note: `${Math.round(d.bandwidthM)}|${Math.round(d.cellM)}` }, count: null, error: null };
  }, setInfo);

  const ch = s.choropleth;
  const geomCache = useRef(new Map<string, Awaited<ReturnType<typeof fetchFeatures>>>());
  useLayer(map, 'choropleth', ready && L.choropleth.visible && ch.layerId !== null,
    `${dataStamp}|${styleGen}|${fk}|${crs}|${ch.layerId}|${ch.measure}|${ch.method}|${ch.classes}|${L.choropleth.ramp}`, async (m) => {
      const gk = `${ch.layerId}|${crs}`;
      let geo = geomCache.current.get(gk);
      if (!geo) { geo = await fetchFeatures(ch.layerId!, shift); geomCache.current.set(gk, geo); }
      const { rows, hasPrev } = await fetchChoropleth(filter, ch.layerId!);
      const byId = new Map(rows.map((r) => [r.featureId, r]));
      const value = (r: typeof rows[number] | undefined): number => {
        if (!r) return NaN;
        if (ch.measure === 'rate') return Number.isFinite(r.population) ? (r.count / r.population) * 1000 : NaN;
        if (ch.measure === 'change') return hasPrev ? r.count - r.prev : NaN;
        return r.count;
      };
      const features = geo.features.map((f) => {
        const r = byId.get(Number(f.properties?.fid));
        return { ...f, properties: { ...f.properties, count: r?.count ?? 0, prev: r?.prev ?? null, value: value(r) } };
      });
      const ramp = ch.measure === 'change' ? 'RdBu' : L.choropleth.ramp;
      const c = classify(features.map((f) => f.properties.value), ch.method, ch.classes, ramp);
      upsertGeoJSON(m, 'd-choropleth', { type: 'FeatureCollection', features });
      ensureLayer(m, { id: 'd-choropleth', type: 'fill', source: 'd-choropleth', paint: { 'fill-opacity': L.choropleth.opacity } });
      ensureLayer(m, { id: 'd-choropleth-line', type: 'line', source: 'd-choropleth', paint: { 'line-color': '#6b6b6b', 'line-width': 0.6 } });
      m.setPaintProperty('d-choropleth', 'fill-color', ['case', ['==', ['to-number', ['get', 'value']], ['to-number', ['get', 'value']]],
        stepColor(['to-number', ['get', 'value']], c.breaks, c.colors), '#d9d9d9']);
      applyOrder(m, s.order); setOpacity(m, 'choropleth', L.choropleth.opacity, true);
      const note = ch.measure === 'change' && !hasPrev ? 'needRange' : ch.measure === 'rate' && c.breaks.length === 0 ? 'noPopulation' : choroplethKind ?? undefined;
      return { legend: { kind: 'classes', unit: ch.measure, breaks: c.breaks, colors: c.colors, note }, count: rows.reduce((a, r) => a + r.count, 0), error: null };
    }, setInfo);

  // Opacity, visibility and order apply without refetching.
  useEffect(() => {
    if (!map || !ready) return;
    for (const id of Object.keys(L) as DataLayerId[]) setOpacity(map, id, L[id].opacity, L[id].visible && (id !== 'points' || pointsOn));
    applyOrder(map, s.order);
  }, [map, ready, L, s.order, pointsOn]);

  return infos;
}
