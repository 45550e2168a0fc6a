import { bboxToWorld, worldToBbox, type Bbox } from '../../../../shared/domain/spatial/mercator';
import { rampRgb, type RampName } from '../../../../shared/domain/spatial/ramps';
import type { HeatImage } from './heat-layer';
import { upsample } from './heat-mesh';

/**
 * The heatmap drawn by the app itself: the engine's bins splatted with MapLibre's heatmap kernel
 * (a Gaussian with σ = radius / 3, weight × intensity × 1/√(2π)) into a small grid over the view,
 * coloured along a ramp and shown as one image (heat-layer.ts). Panning and zooming then cost the
 * map one texture sample per covered pixel, and a new answer no tiling in the map's worker.
 */
export interface HeatGrid {
  width: number; height: number;
  /** World-unit box the grid covers [x0, y0, x1, y1] (y grows southwards). */
  box: readonly [number, number, number, number];
}

const GAUSS_COEF = 0.3989422804014327;
export const HEAT_INTENSITY = 1.3;

/**
 * Accumulated kernel density per grid cell (row 0 = north). Each bin (centre x, y in world units)
 * weighs √count / √max; `radius` is in grid cells.
 */
export function heatDensity(g: HeatGrid, x: ArrayLike<number>, y: ArrayLike<number>, count: ArrayLike<number>, max: number, radius: number): Float32Array {
  const { width: W, height: H, box } = g;
  const out = new Float32Array(W * H);
  const sx = W / (box[2] - box[0]); const sy = H / (box[3] - box[1]);
  const r = Math.max(0.5, radius); const R = Math.ceil(r);
  // Kernel by squared distance (in cells): exp(-½ (3d / r)²).
  const k = -4.5 / (r * r);
  const norm = HEAT_INTENSITY * GAUSS_COEF / Math.sqrt(Math.max(1, max));
  for (let i = 0; i < count.length; i++) {
    const px = (x[i] - box[0]) * sx - 0.5; const py = (y[i] - box[1]) * sy - 0.5;
    if (px < -R || py < -R || px > W + R || py > H + R) continue;
    const w = Math.sqrt(count[i]) * norm;
    const cx0 = Math.max(0, Math.ceil(px - R)); const cx1 = Math.min(W - 1, Math.floor(px + R));
    const cy0 = Math.max(0, Math.ceil(py - R)); const cy1 = Math.min(H - 1, Math.floor(py + R));
    for (let cy = cy0; cy <= cy1; cy++) {
      const dy = cy - py; const row = cy * W;
      for (let cx = cx0; cx <= cx1; cx++) {
        const dx = cx - px; const d2 = dx * dx + dy * dy;
        if (d2 <= r * r) out[row + cx] += w * Math.exp(k * d2);
      }
    }
  }
  return out;
}

/** The colour of a density in [0, 1]: the ramp from transparent at 0 (the stops of MapLibre's heatmap style before). */
export function heatStops(ramp: RampName): [number, number, number, number][] {
  const stops: [number, number, number, number][] = [];
  for (let i = 0; i <= 5; i++) {
    const [r, g, b] = rampRgb(ramp, i / 5);
    stops.push([r, g, b, i === 0 ? 0 : Math.min(1, 0.35 + i * 0.13)]);
  }
  return stops;
}

/** RGBA pixels (premultiplied-free, alpha 0–255) of the densities, interpolated between the ramp's stops. */
export function heatPixels(density: Float32Array, ramp: RampName): Uint8ClampedArray {
  const stops = heatStops(ramp);
  // A 256-entry lookup table over [0, 1].
  const lut = new Uint8ClampedArray(256 * 4);
  for (let j = 0; j < 256; j++) {
    const t = (j / 255) * 5; const a = Math.min(4, Math.floor(t)); const f = t - a;
    for (let c = 0; c < 4; c++) {
      const v = stops[a][c] * (1 - f) + stops[a + 1][c] * f;
      lut[j * 4 + c] = c === 3 ? Math.round(v * 255) : Math.round(v);
    }
  }
  const px = new Uint8ClampedArray(density.length * 4);
  for (let i = 0; i < density.length; i++) {
    const v = density[i];
    if (!(v > 0)) continue;
    const j = Math.min(255, Math.round(v * 255)) * 4;
    px[i * 4] = lut[j]; px[i * 4 + 1] = lut[j + 1]; px[i * 4 + 2] = lut[j + 2]; px[i * 4 + 3] = lut[j + 3];
  }
  return px;
}

/** Texels of the heat image per grid cell: the image is smoothed here, once, and drawn without filtering (2 CSS px a texel). */
export const HEAT_UPSAMPLE = 2;

/** The heatmap as an image for the heat layer: the densities upsampled (bilinear) and coloured along the ramp. */
export function heatImage(g: HeatGrid, density: Float32Array, ramp: RampName): HeatImage {
  const f = HEAT_UPSAMPLE;
  return { width: g.width * f, height: g.height * f, pixels: heatPixels(upsample(density, g.width, g.height, f), ramp) };
}

/** Grid cell of the heatmap (CSS px) and the margin drawn around the view (share of its size per side). */
const HEAT_SCALE = 4;
const HEAT_MARGIN = 0.25;

/** The area a heatmap is drawn over: the view with a margin, its grid, and the zoom it was asked at. */
export interface HeatCover { grid: HeatGrid; bbox: [number, number, number, number]; zoom: number; scale: number; key: string }

/**
 * The area to draw the heatmap of `view` over: `prev` while the view stays inside it and in its
 * zoom level (the engine's bins are per level), else the view with a margin on each side.
 */
export function heatCover(prev: HeatCover | null, view: Bbox, zoom: number, widthPx: number, heightPx: number): HeatCover {
  // A detached map (another screen showing) has no size: keep what was drawn.
  if (prev && (widthPx <= 0 || heightPx <= 0)) return prev;
  if (prev && Math.floor(prev.zoom) === Math.floor(zoom) && view[0] >= prev.bbox[0] && view[1] >= prev.bbox[1] && view[2] <= prev.bbox[2] && view[3] <= prev.bbox[3]) return prev;
  const [x0, y0, x1, y1] = bboxToWorld(view);
  const mx = (x1 - x0) * HEAT_MARGIN; const my = (y1 - y0) * HEAT_MARGIN;
  const box: [number, number, number, number] = [Math.max(0, x0 - mx), Math.max(0, y0 - my), Math.min(1, x1 + mx), Math.min(1, y1 + my)];
  const sx = (box[2] - box[0]) / Math.max(1e-12, x1 - x0); const sy = (box[3] - box[1]) / Math.max(1e-12, y1 - y0);
  const width = Math.max(1, Math.ceil((Math.max(1, widthPx) * sx) / HEAT_SCALE)); const height = Math.max(1, Math.ceil((Math.max(1, heightPx) * sy) / HEAT_SCALE));
  const bbox = worldToBbox(box);
  const grid = { width, height, box };
  return { grid, bbox, zoom, scale: HEAT_SCALE, key: `${bbox.map((v) => v.toFixed(6)).join(',')}|${zoom.toFixed(3)}|${width}x${height}` };
}
