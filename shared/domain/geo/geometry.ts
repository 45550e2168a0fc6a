/**
 * GeoJSON geometry types and the small structural helpers every reader and algorithm shares:
 * bounding boxes, coordinate mapping, and flattening GeometryCollections into one Multi* geometry.
 */
export type Position = number[];
export type BBox = [number, number, number, number];

export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'GeometryCollection'; geometries: Geometry[] };

export type GeometryKind = 'Polygon' | 'LineString' | 'Point';

/** A feature as readers hand it over: attributes and a geometry (null when the source had none). */
export interface RawFeature {
  properties: Record<string, unknown>;
  geometry: Geometry | null;
}

/** The dimension of a geometry: Polygon for (Multi)Polygon, LineString for lines, Point for points. */
export function kindOf(g: Geometry): GeometryKind | null {
  switch (g.type) {
    case 'Point': case 'MultiPoint': return 'Point';
    case 'LineString': case 'MultiLineString': return 'LineString';
    case 'Polygon': case 'MultiPolygon': return 'Polygon';
    default: {
      let best: GeometryKind | null = null;
      for (const part of g.geometries ?? []) {
        const k = kindOf(part);
        if (k === 'Polygon' || (k === 'LineString' && best !== 'Polygon') || (k === 'Point' && best === null)) best = k;
      }
      return best;
    }
  }
}

/** Calls fn for every position of the geometry. */
export function eachPosition(g: Geometry, fn: (p: Position) => void): void {
  switch (g.type) {
    case 'Point': fn(g.coordinates); break;
    case 'MultiPoint': case 'LineString': g.coordinates.forEach(fn); break;
    case 'MultiLineString': case 'Polygon': for (const l of g.coordinates) l.forEach(fn); break;
    case 'MultiPolygon': for (const p of g.coordinates) for (const l of p) l.forEach(fn); break;
    case 'GeometryCollection': for (const part of g.geometries) eachPosition(part, fn); break;
  }
}

export function bboxOf(g: Geometry): BBox | null {
  let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
  eachPosition(g, (p) => {
    if (p[0] < x0) x0 = p[0];
    if (p[0] > x1) x1 = p[0];
    if (p[1] < y0) y0 = p[1];
    if (p[1] > y1) y1 = p[1];
  });
  return x0 === Infinity ? null : [x0, y0, x1, y1];
}

/** A copy of the geometry with every position mapped (2-D output). */
export function mapPositions(g: Geometry, fn: (p: Position) => Position): Geometry {
  const line = (l: Position[]) => l.map(fn);
  switch (g.type) {
    case 'Point': return { type: 'Point', coordinates: fn(g.coordinates) };
    case 'MultiPoint': return { type: 'MultiPoint', coordinates: line(g.coordinates) };
    case 'LineString': return { type: 'LineString', coordinates: line(g.coordinates) };
    case 'MultiLineString': return { type: 'MultiLineString', coordinates: g.coordinates.map(line) };
    case 'Polygon': return { type: 'Polygon', coordinates: g.coordinates.map(line) };
    case 'MultiPolygon': return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(line)) };
    case 'GeometryCollection': return { type: 'GeometryCollection', geometries: g.geometries.map((x) => mapPositions(x, fn)) };
  }
}

/** Polygons of a (Multi)Polygon as arrays of rings. */
export function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return [];
}

/** Lines of a (Multi)LineString. */
export function linesOf(g: Geometry): Position[][] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(linesOf);
  return [];
}

export function pointsOf(g: Geometry): Position[] {
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'MultiPoint') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(pointsOf);
  return [];
}

/**
 * One simple geometry of the given dimension: a GeometryCollection becomes a MultiPolygon /
 * MultiLineString / MultiPoint of its parts of that dimension (parts of other dimensions are
 * dropped and counted). Single-part Multi* stay Multi*; callers need not care.
 */
export function flatten(g: Geometry, kind: GeometryKind): { geometry: Geometry | null; dropped: number } {
  if (g.type !== 'GeometryCollection') return { geometry: kindOf(g) === kind ? g : null, dropped: kindOf(g) === kind ? 0 : 1 };
  const parts = g.geometries.flatMap((p) => (p.type === 'GeometryCollection' ? flatten(p, kind).geometry ?? [] : [p]));
  const same = parts.filter((p) => kindOf(p) === kind);
  const dropped = g.geometries.length - same.length;
  if (same.length === 0) return { geometry: null, dropped };
  if (kind === 'Polygon') return { geometry: { type: 'MultiPolygon', coordinates: same.flatMap(polygonsOf) }, dropped };
  if (kind === 'LineString') return { geometry: { type: 'MultiLineString', coordinates: same.flatMap(linesOf) }, dropped };
  return { geometry: { type: 'MultiPoint', coordinates: same.flatMap(pointsOf) }, dropped };
}

/** Rounds positions to 7 decimals (~1 cm) to keep stored GeoJSON compact. */
export function roundGeometry(g: Geometry, decimals = 7): Geometry {
  const k = 10 ** decimals;
  return mapPositions(g, (p) => [Math.round(p[0] * k) / k, Math.round(p[1] * k) / k]);
}
