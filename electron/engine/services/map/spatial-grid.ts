/**
 * A coarse grid over the located records' extent (world units). The index keeps its rows sorted by
 * grid cell (row-major), so the rows of any box are a few contiguous runs — one per grid row — and a
 * selection (ascending row numbers) is cut to a view with two binary searches per grid row.
 */
export const GRID_SIDE = 256;

/** A grid as plain data (to cross threads). */
export interface GridParts { x0: number; y0: number; cw: number; ch: number; start: Uint32Array }

export class SpatialGrid {
  private constructor(
    readonly x0: number, readonly y0: number, readonly cw: number, readonly ch: number,
    /** start[c] … start[c + 1]: the rows of cell c (c = gy · side + gx). */
    readonly start: Uint32Array,
  ) {}

  static restore(p: GridParts): SpatialGrid {
    return new SpatialGrid(p.x0, p.y0, p.cw, p.ch, p.start);
  }

  parts(): GridParts {
    return { x0: this.x0, y0: this.y0, cw: this.cw, ch: this.ch, start: this.start };
  }

  /** The grid for points (x, y) and the permutation (new row → old row) that sorts them by cell. */
  static build(x: Float32Array, y: Float32Array, bbox: [number, number, number, number] | null): { grid: SpatialGrid; perm: Uint32Array } {
    const n = x.length;
    const S = GRID_SIDE;
    const [x0, y0, x1, y1] = bbox ?? [0, 0, 1, 1];
    // A hair wider than the extent so the last point falls inside the last cell.
    const cw = Math.max((x1 - x0) * (1 + 1e-9), 1e-12) / S; const ch = Math.max((y1 - y0) * (1 + 1e-9), 1e-12) / S;
    const cellOf = new Uint32Array(n);
    const counts = new Uint32Array(S * S + 1);
    for (let i = 0; i < n; i++) {
      const gx = Math.min(S - 1, Math.max(0, Math.floor((x[i] - x0) / cw)));
      const gy = Math.min(S - 1, Math.max(0, Math.floor((y[i] - y0) / ch)));
      const c = gy * S + gx;
      cellOf[i] = c; counts[c + 1]++;
    }
    for (let c = 0; c < S * S; c++) counts[c + 1] += counts[c];
    const start = counts.slice();
    const fill = counts.subarray(0, S * S).slice();
    const perm = new Uint32Array(n);
    for (let i = 0; i < n; i++) perm[fill[cellOf[i]]++] = i;
    return { grid: new SpatialGrid(x0, y0, cw, ch, start), perm };
  }

  /** Row runs [from, to) covering every row whose cell overlaps the box (world units); adjacent runs merged. */
  runs(bx0: number, by0: number, bx1: number, by1: number): number[] {
    const S = GRID_SIDE;
    const gx0 = Math.max(0, Math.floor((bx0 - this.x0) / this.cw)); const gx1 = Math.min(S - 1, Math.floor((bx1 - this.x0) / this.cw));
    const gy0 = Math.max(0, Math.floor((by0 - this.y0) / this.ch)); const gy1 = Math.min(S - 1, Math.floor((by1 - this.y0) / this.ch));
    const out: number[] = [];
    if (gx0 > gx1 || gy0 > gy1) return out;
    for (let gy = gy0; gy <= gy1; gy++) {
      const a = this.start[gy * S + gx0]; const b = this.start[gy * S + gx1 + 1];
      if (a === b) continue;
      if (out.length && out[out.length - 1] === a) out[out.length - 1] = b; else out.push(a, b);
    }
    return out;
  }
}

/** First position in the ascending `sel` whose value is ≥ v. */
function lowerBound(sel: Uint32Array, v: number): number {
  let lo = 0; let hi = sel.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (sel[mid] < v) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Positions [lo, hi) in `sel` (ascending rows) of the rows inside the given row runs. */
export function selectionRuns(sel: Uint32Array, runs: readonly number[]): number[] {
  const out: number[] = [];
  for (let r = 0; r < runs.length; r += 2) {
    const lo = lowerBound(sel, runs[r]); const hi = lowerBound(sel, runs[r + 1]);
    if (hi > lo) out.push(lo, hi);
  }
  return out;
}
