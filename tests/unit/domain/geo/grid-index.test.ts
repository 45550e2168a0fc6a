/**
 * The grid-backed spatial indexes answer exactly as a brute-force scan: point in polygon (smallest
 * polygon wins, holes excluded, points outside the grid) and nearest / within for segments.
 */
import { describe, expect, it } from 'vitest';
import { PolygonIndex, SegmentIndex } from '../../../../shared/domain/geo/spatial-index';
import { pointSegmentM, mPerDegLon } from '../../../../shared/domain/geo/measure';
import type { Geometry } from '../../../../shared/domain/geo/geometry';

let seed = 99;
const rnd = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };

function ringContains(x: number, y: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]; const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

describe('grid spatial indexes', () => {
  // 300 random polygons of very different sizes (some with a hole), overlapping
  const polys = Array.from({ length: 300 }, (_, id) => {
    const cx = 120 + rnd(); const cy = 30 + rnd(); const r = id % 50 === 0 ? 0.3 : 0.005 + rnd() * 0.03;
    const ring = Array.from({ length: 9 }, (_, k) => { const a = (k / 9) * 2 * Math.PI; const rr = r * (0.6 + 0.4 * rnd()); return [cx + rr * Math.cos(a), cy + rr * Math.sin(a)]; });
    ring.push(ring[0]);
    const hole = id % 7 === 0 ? [[[cx - r / 5, cy - r / 5], [cx + r / 5, cy - r / 5], [cx + r / 5, cy + r / 5], [cx - r / 5, cy + r / 5], [cx - r / 5, cy - r / 5]]] : [];
    return { id: id + 1, rings: [ring, ...hole] };
  });
  const box = (ring: number[][]) => { const xs = ring.map((p) => p[0]); const ys = ring.map((p) => p[1]); return (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys)); };

  it('point in polygon equals brute force, including holes and points outside the grid', () => {
    const ix = new PolygonIndex(polys.map((p) => ({ id: p.id, geometry: { type: 'Polygon', coordinates: p.rings } as Geometry })));
    let hits = 0;
    for (let k = 0; k < 5000; k++) {
      const x = 119.8 + rnd() * 1.4; const y = 29.8 + rnd() * 1.4;
      let best = -1; let bestArea = Infinity;
      for (const p of polys) {
        const a = box(p.rings[0]);
        if (a < bestArea && ringContains(x, y, p.rings[0]) && !p.rings.slice(1).some((h) => ringContains(x, y, h))) { best = p.id; bestArea = a; }
      }
      expect(ix.find(x, y)).toBe(best);
      if (best > 0) hits++;
    }
    expect(hits).toBeGreaterThan(500);
  });

  it('nearest segment and features within a distance equal brute force', () => {
    const lines = Array.from({ length: 400 }, (_, id) => {
      const x = 120 + rnd() * 0.2; const y = 30 + rnd() * 0.2; const len = id % 40 === 0 ? 0.1 : 0.002 + rnd() * 0.004;
      return { id: id + 1, coords: [[x, y], [x + len / 2, y + len / 3], [x + len, y - len / 4]] };
    });
    const pois = Array.from({ length: 50 }, (_, id) => ({ id: 1000 + id, coords: [120 + rnd() * 0.2, 30 + rnd() * 0.2] }));
    const ix = new SegmentIndex([
      ...lines.map((l) => ({ id: l.id, geometry: { type: 'LineString', coordinates: l.coords } as Geometry })),
      ...pois.map((p) => ({ id: p.id, geometry: { type: 'Point', coordinates: p.coords } as Geometry })),
    ]);
    let found = 0;
    for (let k = 0; k < 2000; k++) {
      const x = 119.99 + rnd() * 0.22; const y = 29.99 + rnd() * 0.22; const maxM = k % 2 ? 50 : 400;
      const kx = mPerDegLon(y);
      const dist = new Map<number, number>();
      for (const l of lines) for (let i = 1; i < l.coords.length; i++) {
        const d = pointSegmentM(x, y, l.coords[i - 1][0], l.coords[i - 1][1], l.coords[i][0], l.coords[i][1], kx);
        dist.set(l.id, Math.min(dist.get(l.id) ?? Infinity, d));
      }
      for (const p of pois) dist.set(p.id, pointSegmentM(x, y, p.coords[0], p.coords[1], p.coords[0], p.coords[1], kx));
      const inRange = [...dist].filter(([, d]) => d <= maxM).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
      const near = ix.nearest(x, y, maxM);
      expect(near?.id ?? null).toBe(inRange[0]?.[0] ?? null);
      if (near) { expect(near.distanceM).toBeCloseTo(inRange[0][1], 6); found++; }
      expect(ix.within(x, y, maxM).sort((a, b) => a - b)).toEqual(inRange.map(([id]) => id).sort((a, b) => a - b));
    }
    expect(found).toBeGreaterThan(200);
  });
});
