/** Small planar geometry helpers for the synthetic city (convex cells, rings as [x, y][]). */
import type { Rng } from './rng';

export type Pt = [number, number];
export type Ring = Pt[];

/** Signed area (positive when counter-clockwise), open ring. */
export function signedArea(ring: readonly Pt[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return s / 2;
}

/** Area centroid of an open ring. */
export function centroidOf(ring: readonly Pt[]): Pt {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f;
    cx += (ring[j][0] + ring[i][0]) * f;
    cy += (ring[j][1] + ring[i][1]) * f;
  }
  if (Math.abs(a) < 1e-18) return [ring[0][0], ring[0][1]];
  return [cx / (3 * a), cy / (3 * a)];
}

/** Ray-casting point-in-polygon test on a ring (open or closed). */
export function pointInRing(x: number, y: number, ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Keep the part of a convex ring on the side where a*x + b*y <= c (Sutherland–Hodgman, one plane).
 * Intersection points are computed once per edge, so two halves of one split share them exactly.
 */
export function clipHalfPlane(ring: readonly Pt[], a: number, b: number, c: number): Ring {
  const out: Ring = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % n];
    const dp = a * p[0] + b * p[1] - c;
    const dq = a * q[0] + b * q[1] - c;
    if (dp <= 0) out.push(p);
    if ((dp < 0 && dq > 0) || (dp > 0 && dq < 0)) {
      const t = dp / (dp - dq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return dedupe(out);
}

function dedupe(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || Math.abs(last[0] - p[0]) > 1e-12 || Math.abs(last[1] - p[1]) > 1e-12) out.push(p);
  }
  while (out.length > 1 && Math.abs(out[0][0] - out[out.length - 1][0]) <= 1e-12 && Math.abs(out[0][1] - out[out.length - 1][1]) <= 1e-12) out.pop();
  return out;
}

/** Voronoi cell of seeds[k] inside a convex parent ring: the parent clipped by every bisector. */
export function voronoiCell(parent: readonly Pt[], seeds: readonly Pt[], k: number): Ring {
  let cell: Ring = parent.slice();
  const [sx, sy] = seeds[k];
  for (let j = 0; j < seeds.length && cell.length >= 3; j++) {
    if (j === k) continue;
    const [tx, ty] = seeds[j];
    const a = tx - sx;
    const b = ty - sy;
    const c = (tx * tx + ty * ty - sx * sx - sy * sy) / 2;
    cell = clipHalfPlane(cell, a, b, c);
  }
  return cell;
}

export function bboxOf(ring: readonly (readonly number[])[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of ring) {
    if (p[0] < minX) minX = p[0];
    if (p[1] < minY) minY = p[1];
    if (p[0] > maxX) maxX = p[0];
    if (p[1] > maxY) maxY = p[1];
  }
  return [minX, minY, maxX, maxY];
}

/** A uniformly random point inside a convex ring (rejection in the bounding box). */
export function randomPointIn(ring: readonly Pt[], rng: Rng): Pt {
  const [minX, minY, maxX, maxY] = bboxOf(ring);
  for (let i = 0; i < 1000; i++) {
    const x = rng.range(minX, maxX);
    const y = rng.range(minY, maxY);
    if (pointInRing(x, y, ring)) return [x, y];
  }
  return centroidOf(ring);
}

/** Distance from a point to a segment. */
export function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return Math.sqrt(qx * qx + qy * qy);
}

export function distToLine(px: number, py: number, line: readonly Pt[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const d = distToSegment(px, py, line[i - 1][0], line[i - 1][1], line[i][0], line[i][1]);
    if (d < best) best = d;
  }
  return best;
}

/**
 * The chord of a convex ring cut by the line through (px, py) with direction angle `theta`,
 * or null when the line misses the ring.
 */
export function chordThrough(ring: readonly Pt[], px: number, py: number, theta: number): [Pt, Pt] | null {
  const dx = Math.cos(theta);
  const dy = Math.sin(theta);
  let tMin = Infinity;
  let tMax = -Infinity;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    const ex = b[0] - a[0];
    const ey = b[1] - a[1];
    const den = dx * ey - dy * ex;
    if (Math.abs(den) < 1e-15) continue;
    const t = ((a[0] - px) * ey - (a[1] - py) * ex) / den;
    const s = ((a[0] - px) * dy - (a[1] - py) * dx) / den;
    if (s >= 0 && s <= 1) {
      if (t < tMin) tMin = t;
      if (t > tMax) tMax = t;
    }
  }
  if (!(tMax > tMin)) return null;
  return [[px + tMin * dx, py + tMin * dy], [px + tMax * dx, py + tMax * dy]];
}

/** Convex hull (Andrew's monotone chain), counter-clockwise, open ring. */
export function convexHull(points: readonly Pt[]): Ring {
  const pts = points.slice().sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const cross = (o: Pt, a: Pt, b: Pt): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Pt[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Pt[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}
