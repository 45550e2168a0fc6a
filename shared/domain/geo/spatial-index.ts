/**
 * Packed R-tree (flatbush) indexes for overlay at city scale: which polygon holds a point, which
 * line or point feature is nearest within a distance (metres), and every feature within a buffer.
 * Rings and segments live in typed arrays so millions of queries allocate little.
 */
import FlatbushImport from 'flatbush';
import type { Geometry } from './geometry';
import { linesOf, pointsOf, polygonsOf } from './geometry';
import { M_PER_DEG, mPerDegLon, pointSegmentM } from './measure';

/**
 * flatbush is ESM-only; where a CommonJS bundle loads it through require() (the development job
 * worker), the default import arrives as the module namespace, so take its `default` when present.
 */
const Flatbush: typeof FlatbushImport = (FlatbushImport as unknown as { default?: typeof FlatbushImport }).default ?? FlatbushImport;
type Flatbush = FlatbushImport;

export interface IndexedFeature {
  /** Caller's id (e.g. the features table id). */
  id: number;
  geometry: Geometry;
}

function ringContains(x: number, y: number, r: Float64Array): boolean {
  let inside = false;
  const n = r.length >> 1;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const yi = r[2 * i + 1]; const yj = r[2 * j + 1];
    if ((yi > y) !== (yj > y)) {
      const xi = r[2 * i]; const xj = r[2 * j];
      if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Point-in-polygon over many polygons; overlapping polygons resolve to the smallest one. */
export class PolygonIndex {
  private readonly tree: Flatbush | null;
  private readonly parts: { id: number; rings: Float64Array[]; area: number; box: [number, number, number, number] }[] = [];

  constructor(features: readonly IndexedFeature[]) {
    for (const f of features) {
      for (const poly of polygonsOf(f.geometry)) {
        if (!poly.length) continue;
        const rings = poly.map((ring) => Float64Array.from(ring.flatMap((p) => [p[0], p[1]])));
        let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
        const outer = rings[0];
        for (let i = 0; i < outer.length; i += 2) {
          x0 = Math.min(x0, outer[i]); x1 = Math.max(x1, outer[i]); y0 = Math.min(y0, outer[i + 1]); y1 = Math.max(y1, outer[i + 1]);
        }
        this.parts.push({ id: f.id, rings, area: (x1 - x0) * (y1 - y0), box: [x0, y0, x1, y1] });
      }
    }
    if (!this.parts.length) { this.tree = null; return; }
    this.tree = new Flatbush(this.parts.length);
    for (const { box: b } of this.parts) this.tree.add(b[0], b[1], b[2], b[3]);
    this.tree.finish();
  }

  get size(): number { return this.parts.length; }

  /** The id of the polygon containing (lon, lat), or -1. */
  find(x: number, y: number): number {
    if (!this.tree) return -1;
    const hits = this.tree.search(x, y, x, y);
    let best = -1; let bestArea = Infinity;
    for (const h of hits) {
      const p = this.parts[h];
      if (p.area >= bestArea || !ringContains(x, y, p.rings[0])) continue;
      let inHole = false;
      for (let k = 1; k < p.rings.length && !inHole; k++) inHole = ringContains(x, y, p.rings[k]);
      if (!inHole) { best = p.id; bestArea = p.area; }
    }
    return best;
  }
}

/** Nearest line (or point) feature: every segment of every line, points as zero-length segments. */
export class SegmentIndex {
  private readonly tree: Flatbush | null;
  private readonly coords: Float64Array;
  private readonly ids: Int32Array;

  constructor(features: readonly IndexedFeature[]) {
    const segs: number[] = []; const ids: number[] = [];
    for (const f of features) {
      for (const l of linesOf(f.geometry)) {
        for (let i = 1; i < l.length; i++) { segs.push(l[i - 1][0], l[i - 1][1], l[i][0], l[i][1]); ids.push(f.id); }
      }
      for (const p of pointsOf(f.geometry)) { segs.push(p[0], p[1], p[0], p[1]); ids.push(f.id); }
    }
    this.coords = Float64Array.from(segs);
    this.ids = Int32Array.from(ids);
    if (!ids.length) { this.tree = null; return; }
    this.tree = new Flatbush(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const c = this.coords;
      this.tree.add(Math.min(c[4 * i], c[4 * i + 2]), Math.min(c[4 * i + 1], c[4 * i + 3]), Math.max(c[4 * i], c[4 * i + 2]), Math.max(c[4 * i + 1], c[4 * i + 3]));
    }
    this.tree.finish();
  }

  get segments(): number { return this.ids.length; }

  private candidates(x: number, y: number, maxM: number): { hits: number[]; kx: number } {
    const kx = mPerDegLon(y);
    const dx = maxM / kx; const dy = maxM / M_PER_DEG;
    return { hits: this.tree ? this.tree.search(x - dx, y - dy, x + dx, y + dy) : [], kx };
  }

  private dist(h: number, x: number, y: number, kx: number): number {
    const c = this.coords;
    return pointSegmentM(x, y, c[4 * h], c[4 * h + 1], c[4 * h + 2], c[4 * h + 3], kx);
  }

  /** The nearest feature within maxM metres of (lon, lat), with its distance, or null. */
  nearest(x: number, y: number, maxM: number): { id: number; distanceM: number } | null {
    const { hits, kx } = this.candidates(x, y, maxM);
    let best = -1; let bd = Infinity;
    for (const h of hits) {
      const d = this.dist(h, x, y, kx);
      if (d < bd || (d === bd && this.ids[h] < this.ids[best])) { bd = d; best = h; }
    }
    return best >= 0 && bd <= maxM ? { id: this.ids[best], distanceM: bd } : null;
  }

  /** Every feature within maxM metres of (lon, lat). */
  within(x: number, y: number, maxM: number): number[] {
    const { hits, kx } = this.candidates(x, y, maxM);
    const out = new Set<number>();
    for (const h of hits) if (!out.has(this.ids[h]) && this.dist(h, x, y, kx) <= maxM) out.add(this.ids[h]);
    return [...out];
  }
}
