import { addProtocol, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import '@fontsource/noto-sans-sc/400.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import { api } from '../../platform/select';

/** The bundled CJK font (Noto Sans SC, OFL) that draws every map label: no glyph server, no system font needed. */
export const MAP_FONT = 'Noto Sans SC';
export const TILE_PROTOCOL = 'mstile';

// A 1×1 transparent PNG for raster tiles the archive does not have.
const EMPTY_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

let ready = false;

/**
 * One-time MapLibre set-up: the worker comes from the app's own bundle (works under app://, a
 * strict CSP and browser mode), and tiles of basemaps from disk come through the engine API
 * (`mstile://<basemap id>/<z>/<x>/<y>.<raster|vector>`), never over the network.
 */
export function setupMapLibre(): void {
  if (ready) return;
  ready = true;
  setWorkerUrl(workerUrl);
  addProtocol(TILE_PROTOCOL, async (params) => {
    const m = /^mstile:\/\/([^/]+)\/(\d+)\/(\d+)\/(\d+)\.(raster|vector)/.exec(params.url);
    if (!m) throw new Error(`bad tile url ${params.url}`);
    const bytes = await api.call('map.tile', { id: m[1], z: Number(m[2]), x: Number(m[3]), y: Number(m[4]) });
    const data = bytes.byteLength ? bytes : m[5] === 'raster' ? EMPTY_PNG : new Uint8Array(0);
    return { data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer };
  });
}

/**
 * Loads the bundled font's subsets for `text` before labels are drawn: MapLibre rasterises glyphs
 * once, so a label drawn before its subset arrived would keep the fallback font.
 */
export async function loadMapFont(text: string): Promise<boolean> {
  try {
    await document.fonts.load(`16px "${MAP_FONT}"`, text);
    return document.fonts.check(`16px "${MAP_FONT}"`, text);
  } catch {
    return false;
  }
}
