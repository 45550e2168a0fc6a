/**
 * Spatial indexes for overlay at city scale: which polygon holds a point, which line or point
 * feature is nearest within a distance (metres), and every feature within a buffer. Rings and
 * segments live in flat typed arrays behind a uniform grid (grid.ts), so millions of queries
 * allocate nothing per query.
 */
import type { Geometry } from './geometry';
import { BoxGrid } from './grid';
import { linesOf, pointsOf, polygonsOf } from './geometry';
import { M_PER_DEG, mPerDegLon, pointSegmentM } from './measure';

export interface IndexedFeature {
  /** Caller's id (e.g. the features table id). */
  id: number;
  geometry: Geometry;
}

function ringContains(x: number, y: number, c: Float64Array, from: number, to: number): boolean {
  let inside = false;
  for (let i = from, j = to - 2; i < to; j = i, i += 2) {
    const yi = c[i + 1]; const yj = c[j + 1];
    if ((yi > y) !== (yj > y)) {
      const xi = c[i]; const xj = c[j];
      if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Point-in-polygon over many polygons; overlapping polygons resolve to the smallest one. */
export class PolygonIndex {
  private readonly grid: BoxGrid | null;
  /** Per polygon part: feature id, bbox area, bbox, and its rings [ringFirst, ringFirst + ringCount). */
  private readonly ids: Int32Array;
  private readonly area: Float64Array;
  private readonly box: Float64Array;
  private readonly ringFirst: Int32Array;
  private readonly ringCount: Int32Array;
  /** Ring r spans coords[ringStart[r] .. ringStart[r + 1]) as x, y pairs. */
  private readonly ringStart: Int32Array;
  private readonly coords: Float64Array;

  constructor(features: readonly IndexedFeature[]) {
    const ids: number[] = []; const rf: number[] = []; const rc: number[] = []; const rs: number[] = [0]; const xy: number[] = [];
    for (const f of features) {
      for (const poly of polygonsOf(f.geometry)) {
        if (!poly.length || !poly[0].length) continue;
        ids.push(f.id); rf.push(rs.length - 1); rc.push(poly.length);
        for (const ring of poly) { for (const p of ring) xy.push(p[0], p[1]); rs.push(xy.length); }
      }
    }
    this.ids = Int32Array.from(ids); this.ringFirst = Int32Array.from(rf); this.ringCount = Int32Array.from(rc);
    this.ringStart = Int32Array.from(rs); this.coords = Float64Array.from(xy);
    const n = ids.length;
    this.box = new Float64Array(4 * n); this.area = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
      const r = rf[k];
      for (let i = rs[r]; i < rs[r + 1]; i += 2) {
        const x = xy[i]; const y = xy[i + 1];
        if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
      }
      this.box.set([x0, y0, x1, y1], 4 * k);
      this.area[k] = (x1 - x0) * (y1 - y0);
    }
    this.grid = n ? new BoxGrid(this.box) : null;
  }

  get size(): number { return this.ids.length; }

  /** The id of the polygon containing (lon, lat), or -1. */
  find(x: number, y: number): number {
    const g = this.grid;
    if (!g) return -1;
    const cell = g.cellAt(x, y);
    if (cell < 0) return -1;
    const { box, area, coords, ringStart } = this;
    let best = -1; let bestArea = Infinity;
    for (let k = g.start[cell], end = g.start[cell + 1]; k < end; k++) {
      const p = g.items[k];
      if (area[p] >= bestArea || x < box[4 * p] || x > box[4 * p + 2] || y < box[4 * p + 1] || y > box[4 * p + 3]) continue;
      const r0 = this.ringFirst[p];
      if (!ringContains(x, y, coords, ringStart[r0], ringStart[r0 + 1])) continue;
      let inHole = false;
      for (let r = r0 + 1; r < r0 + this.ringCount[p] && !inHole; r++) inHole = ringContains(x, y, coords, ringStart[r], ringStart[r + 1]);
      if (!inHole) { best = this.ids[p]; bestArea = area[p]; }
    }
    return best;
  }
}

/** Nearest line (or point) feature: every segment of every line, points as zero-length segments. */
export class SegmentIndex {
  private readonly grid: BoxGrid | null;
  private readonly coords: Float64Array;
  private readonly ids: Int32Array;
  /** Per segment: its feature's dense number; seen[] marks features met by the current query. */
  private readonly feature: Int32Array;
  private readonly seen: Uint32Array;
  private query = 0;

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
    const dense = new Map<number, number>();
    this.feature = Int32Array.from(ids, (id) => { let k = dense.get(id); if (k === undefined) dense.set(id, k = dense.size); return k; });
    this.seen = new Uint32Array(dense.size);
    const boxes = new Float64Array(4 * ids.length);
    const c = this.coords;
    for (let i = 0; i < ids.length; i++) {
      boxes.set([Math.min(c[4 * i], c[4 * i + 2]), Math.min(c[4 * i + 1], c[4 * i + 3]), Math.max(c[4 * i], c[4 * i + 2]), Math.max(c[4 * i + 1], c[4 * i + 3])], 4 * i);
    }
    this.grid = ids.length ? new BoxGrid(boxes) : null;
  }

  get segments(): number { return this.ids.length; }

  /** Calls visit(segment, distanceM) for every segment in the grid cells within maxM of (x, y) (a segment may come twice). */
  private scan(x: number, y: number, maxM: number, visit: (h: number, d: number) => void): void {
    const g = this.grid;
    if (!g) return;
    const kx = mPerDegLon(y);
    const dx = maxM / kx; const dy = maxM / M_PER_DEG;
    if (!g.overlaps(x - dx, y - dy, x + dx, y + dy)) return;
    const c0 = g.col(x - dx); const c1 = g.col(x + dx); const r0 = g.row(y - dy); const r1 = g.row(y + dy);
    const c = this.coords;
    for (let r = r0; r <= r1; r++) {
      for (let col = c0; col <= c1; col++) {
        const cell = r * g.nx + col;
        for (let k = g.start[cell], end = g.start[cell + 1]; k < end; k++) {
          const h = g.items[k];
          visit(h, pointSegmentM(x, y, c[4 * h], c[4 * h + 1], c[4 * h + 2], c[4 * h + 3], kx));
        }
      }
    }
  }

  /** The nearest feature within maxM metres of (lon, lat), with its distance, or null. */
  nearest(x: number, y: number, maxM: number): { id: number; distanceM: number } | null {
    let best = -1; let bd = Infinity;
    const ids = this.ids;
    this.scan(x, y, maxM, (h, d) => { if (d < bd || (d === bd && ids[h] < ids[best])) { bd = d; best = h; } });
    return best >= 0 && bd <= maxM ? { id: ids[best], distanceM: bd } : null;
  }

  /** Every feature within maxM metres of (lon, lat). */
  within(x: number, y: number, maxM: number): number[] {
    const out: number[] = [];
    this.visitWithin(x, y, maxM, (id) => out.push(id));
    return out;
  }

  /** Calls visit(id) once for every feature within maxM metres of (lon, lat), without allocating. */
  visitWithin(x: number, y: number, maxM: number, visit: (id: number) => void): void {
    const stamp = ++this.query;
    const { seen, feature, ids } = this;
    this.scan(x, y, maxM, (h, d) => {
      if (d <= maxM && seen[feature[h]] !== stamp) { seen[feature[h]] = stamp; visit(ids[h]); }
    });
  }
}
