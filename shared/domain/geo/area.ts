/**
 * Ad-hoc areas of the global filter (a drawn rectangle, polygon or circle, WGS-84 degrees) and the
 * pure tests SQL uses for them: a bounding box to narrow by index, then an exact test per point.
 */
export type LonLat = readonly [number, number];

export type FilterArea =
  | { readonly type: 'bbox'; readonly bbox: readonly [number, number, number, number] }
  | { readonly type: 'polygon'; readonly ring: readonly LonLat[] }
  | { readonly type: 'circle'; readonly center: LonLat; readonly radiusM: number };

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine). */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Even-odd ray casting; the ring may be open or closed. Points on an edge may fall either way. */
export function pointInRing(lon: number, lat: number, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** [minLon, minLat, maxLon, maxLat] enclosing the area. */
export function areaBbox(a: FilterArea): [number, number, number, number] {
  if (a.type === 'bbox') return [a.bbox[0], a.bbox[1], a.bbox[2], a.bbox[3]];
  if (a.type === 'polygon') {
    let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
    for (const [x, y] of a.ring) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
    return [x0, y0, x1, y1];
  }
  const [lon, lat] = a.center;
  const dLat = a.radiusM / (EARTH_RADIUS_M * RAD);
  const cos = Math.max(Math.cos(lat * RAD), 1e-6);
  const dLon = Math.min(180, dLat / cos);
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}

/** Whether a point lies in the area (exact test after the bounding box). */
export function pointInArea(lon: number, lat: number, a: FilterArea): boolean {
  const [x0, y0, x1, y1] = areaBbox(a);
  if (lon < x0 || lon > x1 || lat < y0 || lat > y1) return false;
  if (a.type === 'bbox') return true;
  if (a.type === 'polygon') return pointInRing(lon, lat, a.ring);
  return haversineM(lon, lat, a.center[0], a.center[1]) <= a.radiusM;
}
