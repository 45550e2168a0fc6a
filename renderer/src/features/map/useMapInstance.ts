import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { Map as MlMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import type { Basemap } from '../../../../shared/api/areas/map';
import { useSession } from '../../state/session';
import { basemapStyle, loadBundled, type BUNDLED_URLS } from './basemap-style';
import { MAP_FONT, loadMapFont, setupMapLibre } from './setup';
import type { View } from './data';

export interface MapView { bbox: View; zoom: number }

declare global {
  // A test hook: e2e tests and bench:map wait for `idle` on this instance.
  interface Window { __minshengMap?: MlMap }
}

const clampBbox = (b: View): View => [Math.max(-180, b[0]), Math.max(-85, b[1]), Math.min(180, b[2]), Math.min(85, b[3])];

/** A view change is reported once the map has rested this long (a pan that goes on does not refetch layers). */
const SETTLE_MS = 250;

type Bundled = Record<keyof typeof BUNDLED_URLS, unknown>;

/** The bundled basemap and its font, loaded once per session. */
let bundledOnce: Promise<{ data: Bundled; fontOk: boolean }> | null = null;
let bundledLoaded: { data: Bundled; fontOk: boolean } | null = null;
function bundledData(): Promise<{ data: Bundled; fontOk: boolean }> {
  bundledOnce ??= loadBundled().then(async ({ data, labelText }) => (bundledLoaded = { data, fontOk: await loadMapFont(`${labelText}民声地图热力密度社区街道区县0123456789`) }));
  bundledOnce.catch(() => { bundledOnce = null; });
  return bundledOnce;
}

/**
 * The map outlives the screen: its element is parked while another screen shows, so coming back
 * shows the map at once with its view, tiles and layers (the layers' hooks then refresh their data).
 * A map of another project is discarded.
 */
interface Kept { map: MlMap; el: HTMLDivElement; project: string | null; styleGen: number; styleKey: string; onStyle: (() => void) | null; fitted: boolean }
let kept: Kept | null = null;

/** Views that differ less than this are one view (no refetch). */
export const viewKey = (v: MapView) => `${v.bbox.map((x) => x.toFixed(5)).join(',')}|${v.zoom.toFixed(2)}`;

function viewOf(map: MlMap): MapView {
  const b = map.getBounds();
  return { bbox: clampBbox([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]), zoom: map.getZoom() };
}

function createMap(project: string | null, style: ReturnType<typeof basemapStyle>, styleKey: string, initial: View | null): Kept {
  setupMapLibre();
  const el = document.createElement('div');
  el.style.width = '100%'; el.style.height = '100%';
  const map = new MlMap({
    container: el,
    style,
    bounds: initial ?? [73, 18, 135, 54],
    fitBoundsOptions: { padding: 24 },
    localIdeographFontFamily: `'${MAP_FONT}', sans-serif`,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    attributionControl: { compact: true },
    maxZoom: 19,
  });
  map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
  const k: Kept = { map, el, project, styleGen: 0, styleKey, onStyle: null, fitted: initial !== null };
  map.on('style.load', () => { k.styleGen++; k.onStyle?.(); });
  // Missing tiles of a partial archive are not errors worth a console line.
  map.on('error', (e) => { if (!String(e.error?.message ?? '').includes('tile')) console.warn('map:', e.error?.message); });
  return k;
}

/**
 * The MapLibre map (worker and fonts from the app bundle), kept across visits to the screen; swaps
 * the basemap style when the choice changes (data layers are re-added by their hooks, keyed on
 * `styleGen`), and reports the settled view after every move.
 */
export function useMapInstance(container: RefObject<HTMLDivElement | null>, basemap: string, basemaps: readonly Basemap[], lang: 'zh-CN' | 'en', initial: View | null) {
  const project = useSession((s) => s.project?.path ?? null);
  const reuse = kept && kept.project === project ? kept : null;
  const [mapState, setMapState] = useState<MlMap | null>(null);
  // A kept map starts out as it was left: no extra renders before its layers can be refreshed.
  const [styleGen, setStyleGen] = useState(reuse?.styleGen ?? 0);
  const [view, setView] = useState<MapView | null>(reuse?.map.loaded() ? viewOf(reuse.map) : null);
  const [bundled, setBundled] = useState<Bundled | null>(bundledLoaded?.data ?? null);
  const [fontOk, setFontOk] = useState<boolean | null>(bundledLoaded?.fontOk ?? null);
  const styleKey = `${basemap}|${lang}|${basemaps.map((b) => `${b.id}:${b.crs}`).join(',')}`;

  useEffect(() => {
    let live = true;
    if (bundledLoaded) return;
    bundledData().then(({ data, fontOk: ok }) => { if (live) { setFontOk(ok); setBundled(data); } })
      .catch(() => { if (live) setFontOk(false); });
    return () => { live = false; };
  }, []);

  useLayoutEffect(() => {
    const host = container.current;
    if (!host || !bundled) return;
    if (kept && kept.project !== project) { kept.map.remove(); kept = null; }
    const k = kept ?? (kept = createMap(project, basemapStyle(basemap, basemaps, bundled, lang), styleKey, initial));
    const { map } = k;
    host.appendChild(k.el);
    map.resize();
    k.onStyle = () => setStyleGen(k.styleGen);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = (v: MapView) => setView((prev) => (prev && viewKey(prev) === viewKey(v) ? prev : v));
    const report = () => { clearTimeout(timer); timer = setTimeout(() => show(viewOf(map)), SETTLE_MS); };
    const moving = () => clearTimeout(timer);
    map.on('moveend', report);
    map.on('movestart', moving);
    if (map.loaded()) show(viewOf(map)); else map.once('load', () => show(viewOf(map)));
    // The map is the external system this effect attaches: its instance becomes state once attached.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMapState(map);
    window.__minshengMap = map;
    return () => {
      clearTimeout(timer);
      map.off('moveend', report); map.off('movestart', moving);
      k.onStyle = null;
      k.el.remove();
      setMapState(null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- attached once per visit; style changes below
  }, [bundled, project]);

  useEffect(() => {
    const k = kept;
    if (!k || !mapState || !bundled || k.styleKey === styleKey) return;
    k.styleKey = styleKey;
    k.map.setStyle(basemapStyle(basemap, basemaps, bundled, lang));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- styleKey covers the inputs
  }, [styleKey, bundled, mapState]);

  useEffect(() => {
    const k = kept;
    if (!k || !mapState || !initial || k.fitted) return;
    k.fitted = true;
    mapState.fitBounds(initial, { padding: 24, duration: 0 });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the first extent
  }, [initial?.join(','), mapState]);

  return { map: mapState, styleGen, view, fontOk };
}
