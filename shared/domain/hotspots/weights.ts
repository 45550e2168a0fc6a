/**
 * Spatial weights as sparse neighbour lists: contiguity from polygons that share vertices (queen)
 * or edges (rook), and distance bands over centroids. Coordinates are WGS-84 lon/lat; vertices are
 * matched after rounding to 1e-7° (about 1 cm), so layers digitised from one source match exactly.
 */

export interface Weights {
  n: number;
  neighbours: number[][];
  weights: number[][];
}

/** A polygon as GeoJSON coordinates: rings of [lon, lat]; multipolygons as a list of polygons. */
export type PolygonCoords = number[][][];

const key = (p: readonly number[]): string => `${Math.round(p[0] * 1e7)},${Math.round(p[1] * 1e7)}`;

/** Contiguity weights (binary). `parts[i]` holds area i's polygons. */
export function contiguityWeights(parts: readonly (readonly PolygonCoords[])[], mode: 'queen' | 'rook' = 'queen'): Weights {
  const owners = new Map<string, Set<number>>();
  const add = (k: string, i: number) => { let s = owners.get(k); if (!s) { s = new Set(); owners.set(k, s); } s.add(i); };
  parts.forEach((polys, i) => {
    for (const poly of polys) for (const ring of poly) {
      for (let j = 0; j < ring.length; j++) {
        if (mode === 'queen') add(key(ring[j]), i);
        else if (j + 1 < ring.length) {
          const a = key(ring[j]);
          const b = key(ring[j + 1]);
          if (a !== b) add(a < b ? `${a}|${b}` : `${b}|${a}`, i);
        }
      }
    }
  });
  const nb = parts.map(() => new Set<number>());
  for (const set of owners.values()) {
    if (set.size < 2) continue;
    const arr = [...set];
    for (const a of arr) for (const b of arr) if (a !== b) nb[a].add(b);
  }
  const neighbours = nb.map((s) => [...s].sort((a, b) => a - b));
  return { n: parts.length, neighbours, weights: neighbours.map((l) => l.map(() => 1)) };
}

export function kmBetween(a: readonly number[], b: readonly number[]): number {
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * Math.cos(((a[1] + b[1]) / 2) * rad) * 111.32;
  const y = (b[1] - a[1]) * 110.57;
  return Math.hypot(x, y);
}

/** Binary distance-band weights: neighbours are the other points within `bandKm`. */
export function distanceBandWeights(points: readonly (readonly number[])[], bandKm: number): Weights {
  const neighbours = points.map((p, i) => points.map((q, j) => (i !== j && kmBetween(p, q) <= bandKm ? j : -1)).filter((j) => j >= 0));
  return { n: points.length, neighbours, weights: neighbours.map((l) => l.map(() => 1)) };
}

/** Row-standardised copy: each area's weights sum to 1 (areas without neighbours keep none). */
export function rowStandardise(w: Weights): Weights {
  return { ...w, weights: w.weights.map((row) => { const s = row.reduce((a, b) => a + b, 0); return s > 0 ? row.map((v) => v / s) : row.slice(); }) };
}

/** The smallest band (km) that gives every point at least one neighbour. */
export function minimumBandKm(points: readonly (readonly number[])[]): number {
  let band = 0;
  points.forEach((p, i) => {
    let nearest = Infinity;
    points.forEach((q, j) => { if (i !== j) nearest = Math.min(nearest, kmBetween(p, q)); });
    if (Number.isFinite(nearest)) band = Math.max(band, nearest);
  });
  return band;
}
