/** Small geometry helpers for area polygons (GeoJSON Polygon / MultiPolygon, WGS-84). */

export type Ring = [number, number][];

/** Outer rings of a Polygon or MultiPolygon. */
export function outerRings(g: { type: string; coordinates: unknown }): Ring[] {
  if (g.type === 'Polygon') return [(g.coordinates as Ring[])[0]];
  if (g.type === 'MultiPolygon') return (g.coordinates as Ring[][]).map((p) => p[0]);
  return [];
}

/** All rings (outer and holes) of each polygon part, as contiguity needs them. */
export function polygonParts(g: { type: string; coordinates: unknown }): number[][][][] {
  if (g.type === 'Polygon') return [g.coordinates as number[][][]];
  if (g.type === 'MultiPolygon') return g.coordinates as number[][][][];
  return [];
}

/** Area-weighted centroid of the outer rings (falls back to the vertex mean). */
export function centroidOf(g: { type: string; coordinates: unknown }): [number, number] {
  let a = 0;
  let cx = 0;
  let cy = 0;
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (const ring of outerRings(g)) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const f = x0 * y1 - x1 * y0;
      a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
      sx += x0; sy += y0; n++;
    }
  }
  if (Math.abs(a) > 1e-15) return [cx / (3 * a), cy / (3 * a)];
  return n ? [sx / n, sy / n] : [0, 0];
}
