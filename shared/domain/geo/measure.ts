/**
 * Planar measures on WGS-84 degrees, good to well under 0.5 % at city scale: distances use a local
 * equirectangular projection around the query point, areas and centroids a projection around the
 * geometry's own latitude. Point-in-polygon honours holes and multi-part polygons.
 */
import type { Geometry, Position } from './geometry';
import { linesOf, pointsOf, polygonsOf } from './geometry';

export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;
/** Metres per degree of latitude (and of longitude at the equator). */
export const M_PER_DEG = EARTH_RADIUS_M * RAD;

/** Metres per degree of longitude at a latitude. */
export function mPerDegLon(lat: number): number {
  return M_PER_DEG * Math.cos(lat * RAD);
}

/** Distance in metres between two nearby points (equirectangular; exact enough below ~100 km). */
export function distanceM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const kx = mPerDegLon((lat1 + lat2) / 2);
  const dx = (lon2 - lon1) * kx;
  const dy = (lat2 - lat1) * M_PER_DEG;
  return Math.sqrt(dx * dx + dy * dy);
}

/** Distance in metres from point p to the segment a–b; kx is metres per degree of longitude near p. */
export function pointSegmentM(px: number, py: number, ax: number, ay: number, bx: number, by: number, kx: number): number {
  const x1 = (ax - px) * kx; const y1 = (ay - py) * M_PER_DEG;
  const x2 = (bx - px) * kx; const y2 = (by - py) * M_PER_DEG;
  const dx = x2 - x1; const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? -(x1 * dx + y1 * dy) / len2 : 0;
  if (t < 0) t = 0; else if (t > 1) t = 1;
  const cx = x1 + t * dx; const cy = y1 + t * dy;
  return Math.sqrt(cx * cx + cy * cy);
}

/** Even-odd test against one ring (open or closed). */
export function inRing(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const yi = ring[i][1]; const yj = ring[j][1];
    if ((yi > y) !== (yj > y)) {
      const xi = ring[i][0]; const xj = ring[j][0];
      if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Whether (x, y) lies in a polygon given as rings (outer first, then holes). */
export function inPolygonRings(x: number, y: number, rings: readonly (readonly Position[])[]): boolean {
  if (!rings.length || !inRing(x, y, rings[0])) return false;
  for (let k = 1; k < rings.length; k++) if (inRing(x, y, rings[k])) return false;
  return true;
}

export function pointInGeometry(x: number, y: number, g: Geometry): boolean {
  for (const poly of polygonsOf(g)) if (inPolygonRings(x, y, poly)) return true;
  return false;
}

/** Signed planar area (degree units) and centroid of a ring, shoelace formula. */
function ringMoments(ring: readonly Position[], x0: number, y0: number, kx: number): { a: number; cx: number; cy: number } {
  let a = 0; let cx = 0; let cy = 0;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = (ring[i][0] - x0) * kx; const yi = (ring[i][1] - y0) * M_PER_DEG;
    const xj = (ring[j][0] - x0) * kx; const yj = (ring[j][1] - y0) * M_PER_DEG;
    const f = xj * yi - xi * yj;
    a += f; cx += (xj + xi) * f; cy += (yj + yi) * f;
  }
  return { a: a / 2, cx, cy };
}

/** Area in square metres of a (Multi)Polygon, holes subtracted. */
export function areaM2(g: Geometry): number {
  return polygonMoments(g)?.area ?? 0;
}

function polygonMoments(g: Geometry): { area: number; lon: number; lat: number } | null {
  const polys = polygonsOf(g);
  if (!polys.length || !polys[0].length || !polys[0][0].length) return null;
  const x0 = polys[0][0][0][0]; const y0 = polys[0][0][0][1];
  const kx = mPerDegLon(y0);
  let area = 0; let sx = 0; let sy = 0;
  for (const poly of polys) {
    poly.forEach((ring, k) => {
      const m = ringMoments(ring, x0, y0, kx);
      // outer rings count positive, holes negative, whatever their winding
      const sign = (k === 0 ? 1 : -1) * Math.sign(m.a || 1);
      area += sign * m.a; sx += sign * m.cx; sy += sign * m.cy;
    });
  }
  if (area === 0) return null;
  return { area, lon: x0 + sx / (6 * area) / kx, lat: y0 + sy / (6 * area) / M_PER_DEG };
}

/** Area-weighted centroid (polygons), length-weighted midpoint (lines) or mean (points). */
export function centroid(g: Geometry): [number, number] | null {
  const pm = polygonMoments(g);
  if (pm) return [pm.lon, pm.lat];
  const polys = polygonsOf(g);
  if (polys.length && polys[0].length && polys[0][0].length) { // zero net area (a bowtie): the mean of the outer vertices
    const ring = polys[0][0];
    return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
  }
  const lines = linesOf(g);
  if (lines.length) {
    let len = 0; let sx = 0; let sy = 0;
    for (const l of lines) {
      for (let i = 1; i < l.length; i++) {
        const d = distanceM(l[i - 1][0], l[i - 1][1], l[i][0], l[i][1]);
        len += d; sx += d * (l[i - 1][0] + l[i][0]) / 2; sy += d * (l[i - 1][1] + l[i][1]) / 2;
      }
    }
    if (len > 0) return [sx / len, sy / len];
    if (lines[0].length) return [lines[0][0][0], lines[0][0][1]];
  }
  const pts = g.type === 'GeometryCollection' ? [] : pointsOf(g);
  if (!pts.length) return null;
  return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
}

/**
 * A point guaranteed on the geometry: the centroid when it falls inside the polygon (or on a line
 * vertex nearest to it), else the middle of the widest horizontal chord through the polygon.
 */
export function pointOnSurface(g: Geometry): [number, number] | null {
  const c = centroid(g);
  if (!c) return null;
  const polys = polygonsOf(g);
  if (!polys.length) {
    const lines = linesOf(g);
    if (!lines.length) return c;
    let best: Position = lines[0][0]; let bd = Infinity;
    for (const l of lines) for (const p of l) { const d = distanceM(c[0], c[1], p[0], p[1]); if (d < bd) { bd = d; best = p; } }
    return [best[0], best[1]];
  }
  if (pointInGeometry(c[0], c[1], g)) return c;
  let bestLen = -1; let out: [number, number] = c;
  for (const poly of polys) {
    const ring = poly[0];
    let y0 = Infinity; let y1 = -Infinity;
    for (const p of ring) { y0 = Math.min(y0, p[1]); y1 = Math.max(y1, p[1]); }
    for (let k = 1; k < 8; k++) {
      const y = y0 + ((y1 - y0) * k) / 8;
      const xs: number[] = [];
      for (const r of poly) for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
        if ((r[i][1] > y) !== (r[j][1] > y)) xs.push(r[i][0] + ((y - r[i][1]) * (r[j][0] - r[i][0])) / (r[j][1] - r[i][1]));
      }
      xs.sort((a, b) => a - b);
      for (let i = 0; i + 1 < xs.length; i += 2) {
        if (xs[i + 1] - xs[i] > bestLen) { bestLen = xs[i + 1] - xs[i]; out = [(xs[i] + xs[i + 1]) / 2, y]; }
      }
    }
  }
  return out;
}

/** Linear-interpolated quantile of a sorted array (q in 0..1); null when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (!n) return null;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos); const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** A circle polygon of radius metres around a point (64 vertices): the buffer of a point. */
export function bufferPoint(lon: number, lat: number, radiusM: number, steps = 64): Geometry {
  const kx = mPerDegLon(lat);
  const ring: Position[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = (2 * Math.PI * (i % steps)) / steps;
    ring.push([lon + (Math.cos(a) * radiusM) / kx, lat + (Math.sin(a) * radiusM) / M_PER_DEG]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}
