/**
 * Geometry checks per feature. Nothing here throws: every problem becomes a coded entry, repairable
 * ones are repaired (unclosed rings closed, repeated vertices dropped, degenerate rings removed), and a
 * feature whose geometry is unusable is returned without one so the reader can skip it and say why.
 */
import type { Geometry, GeometryKind, Position } from './geometry';
import { flatten, kindOf } from './geometry';

export type ProblemCode =
  | 'null_geometry' | 'empty_geometry' | 'non_finite' | 'out_of_range' | 'unclosed_ring' | 'degenerate_ring'
  | 'too_few_points' | 'self_intersection' | 'wrong_kind' | 'parts_dropped' | 'unsupported_geometry';

export interface GeometryProblem {
  code: ProblemCode;
  /** 'error': the feature is not loaded; 'warning': loaded (repaired or usable as is). */
  severity: 'error' | 'warning';
  /** Short detail, e.g. the position of a crossing. */
  detail?: string;
}

export const PROBLEM_SEVERITY: Record<ProblemCode, 'error' | 'warning'> = {
  null_geometry: 'error', empty_geometry: 'error', non_finite: 'error', out_of_range: 'error', unsupported_geometry: 'error',
  wrong_kind: 'error', unclosed_ring: 'warning', degenerate_ring: 'warning', too_few_points: 'warning',
  self_intersection: 'warning', parts_dropped: 'warning',
};

const problem = (code: ProblemCode, detail?: string): GeometryProblem => ({ code, severity: PROBLEM_SEVERITY[code], ...(detail ? { detail } : {}) });

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const o = (p: Position, q: Position, r: Position) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const d1 = o(c, d, a); const d2 = o(c, d, b); const d3 = o(a, b, c); const d4 = o(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const onSeg = (p: Position, q: Position, r: Position) => Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
  // collinear overlaps count too (a ring folding back on itself)
  return (d1 === 0 && onSeg(c, d, a)) || (d2 === 0 && onSeg(c, d, b)) || (d3 === 0 && onSeg(a, b, c)) || (d4 === 0 && onSeg(a, b, d));
}

/**
 * First crossing of two non-adjacent edges of a closed ring, found by sweeping edges sorted by their
 * smallest x (about n log n on real boundaries). Returns the crossing's approximate position or null.
 */
export function ringSelfIntersection(ring: readonly Position[]): Position | null {
  const n = ring.length - 1; // closed: last equals first
  if (n < 4) return null;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => Math.min(ring[i][0], ring[i + 1][0]) - Math.min(ring[j][0], ring[j + 1][0]));
  for (let s = 0; s < n; s++) {
    const i = order[s];
    const maxX = Math.max(ring[i][0], ring[i + 1][0]);
    for (let t = s + 1; t < n; t++) {
      const j = order[t];
      if (Math.min(ring[j][0], ring[j + 1][0]) > maxX) break;
      if (Math.abs(i - j) <= 1 || Math.abs(i - j) === n - 1) continue; // neighbours share a vertex
      if (segmentsCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return [(ring[i][0] + ring[i + 1][0]) / 2, (ring[i][1] + ring[i + 1][1]) / 2];
    }
  }
  return null;
}

function dedupe(line: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}

function repairRing(ring: Position[], problems: GeometryProblem[]): Position[] | null {
  let r = dedupe(ring);
  const first = r[0]; const last = r[r.length - 1];
  if (r.length && (first[0] !== last[0] || first[1] !== last[1])) {
    problems.push(problem('unclosed_ring'));
    r = [...r, first];
  }
  if (r.length < 4) { problems.push(problem('degenerate_ring')); return null; }
  const x = ringSelfIntersection(r);
  if (x) problems.push(problem('self_intersection', `${x[0].toFixed(6)},${x[1].toFixed(6)}`));
  return r;
}

function repairPolygon(rings: Position[][], problems: GeometryProblem[]): Position[][] | null {
  const out: Position[][] = [];
  for (let k = 0; k < rings.length; k++) {
    const r = repairRing(rings[k], problems);
    if (r) out.push(r);
    else if (k === 0) return null; // no outer ring: the holes mean nothing
  }
  return out.length ? out : null;
}

function finiteAll(g: Geometry): boolean {
  let ok = true;
  const check = (p: Position) => { if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) ok = false; };
  const walk = (x: unknown, depth: number): void => {
    if (!Array.isArray(x)) { ok = false; return; }
    if (depth === 0) check(x as Position); else for (const y of x) walk(y, depth - 1);
  };
  switch (g.type) {
    case 'Point': walk(g.coordinates, 0); break;
    case 'MultiPoint': case 'LineString': walk(g.coordinates, 1); break;
    case 'MultiLineString': case 'Polygon': walk(g.coordinates, 2); break;
    case 'MultiPolygon': walk(g.coordinates, 3); break;
    case 'GeometryCollection': ok = Array.isArray(g.geometries) && g.geometries.every(finiteAll); break;
    default: ok = false;
  }
  return ok;
}

/**
 * Checks and repairs one feature's geometry for a layer of the given dimension. Returns the repaired
 * geometry (null when the feature cannot be loaded) and every problem found.
 */
export function checkGeometry(g: Geometry | null | undefined, kind: GeometryKind): { geometry: Geometry | null; problems: GeometryProblem[] } {
  const problems: GeometryProblem[] = [];
  if (!g || typeof g !== 'object' || !('type' in g)) return { geometry: null, problems: [problem('null_geometry')] };
  const known = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];
  if (!known.includes(g.type)) return { geometry: null, problems: [problem('unsupported_geometry', String(g.type))] };
  if (!finiteAll(g)) return { geometry: null, problems: [problem('non_finite')] };
  const k = kindOf(g);
  if (k === null) return { geometry: null, problems: [problem('empty_geometry')] };
  if (k !== kind) return { geometry: null, problems: [problem('wrong_kind', `${g.type}`)] };
  const flat = flatten(g, kind);
  if (flat.dropped > 0) problems.push(problem('parts_dropped', String(flat.dropped)));
  const f = flat.geometry!;
  let out: Geometry | null = null;
  if (f.type === 'Polygon' || f.type === 'MultiPolygon') {
    const polys = (f.type === 'Polygon' ? [f.coordinates] : f.coordinates).map((p) => repairPolygon(p, problems)).filter((p): p is Position[][] => p !== null);
    out = polys.length === 0 ? null : polys.length === 1 && f.type === 'Polygon' ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
  } else if (f.type === 'LineString' || f.type === 'MultiLineString') {
    const lines = (f.type === 'LineString' ? [f.coordinates] : f.coordinates).map(dedupe);
    const good = lines.filter((l) => l.length >= 2);
    if (good.length < lines.length) problems.push(problem('too_few_points'));
    out = good.length === 0 ? null : f.type === 'LineString' ? { type: 'LineString', coordinates: good[0] } : { type: 'MultiLineString', coordinates: good };
  } else if (f.type === 'Point' || f.type === 'MultiPoint') {
    out = f.type === 'Point' || f.coordinates.length ? f : null;
  }
  if (!out) problems.push(problem('empty_geometry'));
  return { geometry: out, problems };
}

/** Coordinates outside lon/lat range after reprojection: the declared system is probably wrong. */
export function outOfRange(g: Geometry): boolean {
  let bad = false;
  const visit = (p: Position) => { if (!(Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90)) bad = true; };
  const walk = (x: Geometry) => {
    switch (x.type) {
      case 'Point': visit(x.coordinates); break;
      case 'MultiPoint': case 'LineString': x.coordinates.forEach(visit); break;
      case 'MultiLineString': case 'Polygon': x.coordinates.forEach((l) => l.forEach(visit)); break;
      case 'MultiPolygon': x.coordinates.forEach((p) => p.forEach((l) => l.forEach(visit))); break;
      case 'GeometryCollection': x.geometries.forEach(walk); break;
    }
  };
  walk(g);
  return bad;
}

export { problem as geometryProblem };
