import { describe, expect, it } from 'vitest';
import { rowsToColumns } from '../../../electron/engine/services/map/chunk-codec';
import { PointIndex } from '../../../electron/engine/services/map/point-index';
import { binsInView, type Memo } from '../../../electron/engine/services/map/queries';
import { SpatialGrid, selectionRuns } from '../../../electron/engine/services/map/spatial-grid';
import { createBinner } from '../../../shared/domain/spatial/bins';
import { bboxToWorld, type Bbox } from '../../../shared/domain/spatial/mercator';

/** Deterministic pseudo-random points around a city centre, two dense spots. */
function points(n: number, seed = 7): [number, number][] {
  let s = seed;
  const rnd = () => { s = (s * 16807) % 2147483647; return s / 2147483647; };
  return Array.from({ length: n }, (_, i) => {
    const spot = i % 3;
    const spread = spot === 0 ? 0.3 : 0.02;
    const cx = spot === 2 ? 118.9 : 118.8;
    return [cx + (rnd() - 0.5) * spread, 32.05 + (rnd() - 0.5) * spread];
  });
}

function index(pts: [number, number][]): PointIndex {
  return new PointIndex([rowsToColumns(pts.map(([lon, lat], i) => [i + 1, 1e12 + i, lon, lat, 1 + (i % 4), null, null,
    'src', `d${i % 5}`, null, null, null, i % 2 ? 'closed' : 'open', null, null] as never))]);
}

function memoMap(): { memo: Memo; builds: () => number } {
  const m = new Map<string, unknown>(); let builds = 0;
  return { memo: <T>(k: string, b: () => T) => { if (!m.has(k)) { builds++; m.set(k, b()); } return m.get(k) as T; }, builds: () => builds };
}

describe('spatial grid of the map index', () => {
  it('sorts rows by cell so a box is a few runs holding every row inside it', () => {
    const pts = points(5000);
    const x = Float32Array.from(pts, (p) => (p[0] + 180) / 360);
    const y = Float32Array.from(pts, (p) => p[1] / 90); // any monotone y will do for the grid
    let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
    for (let i = 0; i < x.length; i++) { x0 = Math.min(x0, x[i]); x1 = Math.max(x1, x[i]); y0 = Math.min(y0, y[i]); y1 = Math.max(y1, y[i]); }
    const { grid, perm } = SpatialGrid.build(x, y, [x0, y0, x1, y1]);
    expect(new Set(perm).size).toBe(5000);
    const box = [x0 + (x1 - x0) * 0.3, y0 + (y1 - y0) * 0.4, x0 + (x1 - x0) * 0.6, y0 + (y1 - y0) * 0.5] as const;
    const inRuns = new Set<number>();
    const runs = grid.runs(...box);
    for (let r = 0; r < runs.length; r += 2) for (let k = runs[r]; k < runs[r + 1]; k++) inRuns.add(perm[k]);
    const inside = [...x.keys()].filter((i) => x[i] >= box[0] && x[i] <= box[2] && y[i] >= box[1] && y[i] <= box[3]);
    expect(inside.length).toBeGreaterThan(50);
    for (const i of inside) expect(inRuns.has(i)).toBe(true);
    // Only the cells near the box: far fewer rows than all.
    expect(inRuns.size).toBeLessThan(5000 / 2);
    // A selection (ascending rows) is cut to the same runs by binary search.
    const sel = Uint32Array.from({ length: 2500 }, (_, k) => 2 * k);
    const cut = selectionRuns(sel, runs);
    let n = 0;
    for (let r = 0; r < cut.length; r += 2) for (let k = cut[r]; k < cut[r + 1]; k++) { n++; expect(inRuns.has(perm[sel[k]])).toBe(true); }
    expect(n).toBe([...Array(5000).keys()].filter((k) => k % 2 === 0 && inRuns.has(perm[k])).length);
  });
});

describe('bins over the index', () => {
  const pts = points(20_000);
  const idx = index(pts);
  const all = idx.select({});

  /** Brute force: counts per cell key of the points whose cell centre is in the padded view. */
  function expected(kind: 'hex' | 'square', view: Bbox, zoom: number, px: number): Map<string, number> {
    const size = px / (512 * 2 ** Math.floor(zoom));
    const b = createBinner(kind, size);
    const [x0, y0, x1, y1] = bboxToWorld(view);
    const out = new Map<string, number>();
    for (let i = 0; i < idx.n; i++) {
      const [cx, cy] = b.center(b.key(idx.x[i], idx.y[i]));
      if (cx < x0 - 2 * size || cx > x1 + 2 * size || cy < y0 - 2 * size || cy > y1 + 2 * size) continue;
      const k = `${cx.toFixed(12)},${cy.toFixed(12)}`;
      out.set(k, (out.get(k) ?? 0) + 1);
    }
    return out;
  }
  const got = (r: ReturnType<typeof binsInView>) => new Map(Array.from(r.x, (x, c) => [`${x.toFixed(12)},${r.y[c].toFixed(12)}`, r.count[c]]));

  it('gives every cell of the view its exact count, from the cached whole-extent grid and without it', () => {
    const { memo, builds } = memoMap();
    for (const kind of ['hex', 'square'] as const) {
      for (const view of [[118.7, 31.95, 118.95, 32.15], [118.78, 32.03, 118.83, 32.07], [118.6, 31.9, 118.79, 32.2]] as Bbox[]) {
        const want = expected(kind, view, 12.4, 20);
        expect(want.size).toBeGreaterThan(3);
        const cached = binsInView(idx, all, view, 12.4, kind, 20, memo);
        const fresh = binsInView(idx, all, view, 12.4, kind, 20);
        expect(got(cached)).toEqual(want);
        expect(got(fresh)).toEqual(want);
        expect(cached.total).toBe([...want.values()].reduce((a, v) => a + v, 0));
        expect(cached.max).toBe(Math.max(...want.values()));
      }
    }
    // One whole-extent grid per kind served all three views (panning does not bin again).
    expect(builds()).toBe(2);
  });

  it('bins only the selected rows, and a drawn area selects through the grid', () => {
    const area = { type: 'circle' as const, center: [118.8, 32.05] as [number, number], radiusM: 800 };
    const sel = idx.select({ area, statuses: ['open'] });
    const brute = pts.filter(([lon, lat], i) => {
      const dx = (lon - 118.8) * 111_320 * Math.cos((32.05 * Math.PI) / 180); const dy = (lat - 32.05) * 110_574;
      return i % 2 === 0 && Math.hypot(dx, dy) < 800;
    }).length;
    expect(Math.abs(sel.length - brute)).toBeLessThanOrEqual(Math.max(3, brute * 0.01));
    expect([...sel].every((r, k) => k === 0 || r > sel[k - 1])).toBe(true);
    const r = binsInView(idx, sel, [118.7, 31.95, 118.95, 32.15], 12, 'square', 20);
    expect(r.total).toBe(sel.length);
  });
});
