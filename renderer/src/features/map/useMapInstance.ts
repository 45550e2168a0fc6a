import { useEffect, useRef, useState, type RefObject } from 'react';
import { Map as MlMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import type { Basemap } from '../../../../shared/api/areas/map';
import { basemapStyle, loadBundled, type BUNDLED_URLS } from './basemap-style';
import { MAP_FONT, loadMapFont, setupMapLibre } from './setup';
import type { View } from './data';

export interface MapView { bbox: View; zoom: number }

declare global {
  // A test hook: e2e tests and bench:map wait for `idle` on this instance.
  interface Window { __minshengMap?: MlMap }
}

const clampBbox = (b: View): View => [Math.max(-180, b[0]), Math.max(-85, b[1]), Math.min(180, b[2]), Math.min(85, b[3])];

/**
 * Creates the MapLibre map once (worker and fonts from the app bundle), swaps the basemap style
 * when the choice changes (data layers are re-added by their hooks, keyed on `styleGen`), and
 * reports the settled view after every move.
 */
export function useMapInstance(container: RefObject<HTMLDivElement | null>, basemap: string, basemaps: readonly Basemap[], lang: 'zh-CN' | 'en', initial: View | null) {
  const mapRef = useRef<MlMap | null>(null);
  const [mapState, setMapState] = useState<MlMap | null>(null);
  const [styleGen, setStyleGen] = useState(0);
  const [view, setView] = useState<MapView | null>(null);
  const [bundled, setBundled] = useState<Record<keyof typeof BUNDLED_URLS, unknown> | null>(null);
  const [fontOk, setFontOk] = useState<boolean | null>(null);

  useEffect(() => {
    let live = true;
    loadBundled().then(async ({ data, labelText }) => {
      const ok = await loadMapFont(`${labelText}民声地图热力密度社区街道区县0123456789`);
      if (!live) return;
      setFontOk(ok);
      setBundled(data);
    }).catch(() => { if (live) setFontOk(false); });
    return () => { live = false; };
  }, []);

  useEffect(() => {
    if (!container.current || mapRef.current || !bundled) return;
    setupMapLibre();
    const map = new MlMap({
      container: container.current,
      style: basemapStyle(basemap, basemaps, bundled, lang),
      bounds: initial ?? [73, 18, 135, 54],
      fitBoundsOptions: { padding: 24 },
      localIdeographFontFamily: `'${MAP_FONT}', sans-serif`,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      attributionControl: { compact: true },
      maxZoom: 19,
    });
    map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    map.on('style.load', () => setStyleGen((g) => g + 1));
    const report = () => {
      const b = map.getBounds();
      setView({ bbox: clampBbox([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]), zoom: map.getZoom() });
    };
    map.on('moveend', report);
    map.once('load', report);
    // Missing tiles of a partial archive are not errors worth a console line.
    map.on('error', (e) => { if (!String(e.error?.message ?? '').includes('tile')) console.warn('map:', e.error?.message); });
    mapRef.current = map;
    setMapState(map);
    window.__minshengMap = map;
    return () => { map.remove(); mapRef.current = null; setMapState(null); if (window.__minshengMap === map) delete window.__minshengMap; };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once; style changes below
  }, [bundled]);

  const styleKey = `${basemap}|${lang}|${basemaps.map((b) => `${b.id}:${b.crs}`).join(',')}`;
  const first = useRef(true);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !bundled) return;
    if (first.current) { first.current = false; return; }
    map.setStyle(basemapStyle(basemap, basemaps, bundled, lang));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- styleKey covers the inputs
  }, [styleKey, bundled]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && initial && view === null) map.fitBounds(initial, { padding: 24, duration: 0 });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the first extent
  }, [initial?.join(',')]);

  return { map: mapState, styleGen, view, fontOk };
}
