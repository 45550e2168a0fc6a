/**
 * Web-Mercator helpers in "world units": x, y ∈ [0, 1] across the whole map (x east, y south), the
 * space MapLibre tiles live in. At zoom z one world unit is 512·2^z CSS pixels (MapLibre's tile size).
 */
export const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
export const MAX_MERCATOR_LAT = 85.051129;
export const TILE_PX = 512;

export type Bbox = readonly [number, number, number, number];

export function lonToX(lon: number): number {
  return (lon + 180) / 360;
}

export function latToY(lat: number): number {
  const l = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
  const s = Math.sin((l * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

export function xToLon(x: number): number {
  return x * 360 - 180;
}

export function yToLat(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/** Ground metres per world unit at latitude `lat` (Mercator stretches by 1 / cos φ). */
export function metresPerWorldUnit(lat: number): number {
  return EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180);
}

/** World units covered by `px` CSS pixels at zoom `z`. */
export function pxToWorld(px: number, zoom: number): number {
  return px / (TILE_PX * 2 ** zoom);
}

/** [minLon, minLat, maxLon, maxLat] → world-unit box [minX, minY, maxX, maxY] (y grows southwards). */
export function bboxToWorld(b: Bbox): [number, number, number, number] {
  return [lonToX(b[0]), latToY(b[3]), lonToX(b[2]), latToY(b[1])];
}

/** World-unit box → [minLon, minLat, maxLon, maxLat]. */
export function worldToBbox(w: Bbox): [number, number, number, number] {
  return [xToLon(w[0]), yToLat(w[3]), xToLon(w[2]), yToLat(w[1])];
}
