import type { BinKind } from '../../../../shared/domain/spatial/bins';
import { xToLon, yToLat } from '../../../../shared/domain/spatial/mercator';
import type { PointIndex } from './point-index';

const SQRT3 = Math.sqrt(3);

/**
 * Counts per cell over a rectangle of cells: squares (a, b) = (⌊x/s⌋, ⌊y/s⌋), or pointy-top hexagons
 * in axial coordinates (q, r) with circumradius s. Built once per selection, kind, size and zoom
 * level over the whole extent of the records, then cut to each view (panning within a zoom level
 * costs no pass over the records), or — when the extent would need too many cells — over the view.
 */
export interface BinGrid {
  kind: BinKind; size: number;
  a0: number; b0: number; w: number; h: number;
  counts: Uint32Array;
}

export interface BinsResult { x: Float64Array; y: Float64Array; lon: Float64Array; lat: Float64Array; count: Float64Array; size: number; max: number; total: number }

/** The cell rectangle covering the world box [x0, y0, x1, y1] for cells of `size`. */
export function cellRange(kind: BinKind, size: number, x0: number, y0: number, x1: number, y1: number): { a0: number; b0: number; w: number; h: number } {
  if (kind === 'square') {
    const a0 = Math.floor(x0 / size); const b0 = Math.floor(y0 / size);
    return { a0, b0, w: Math.floor(x1 / size) - a0 + 1, h: Math.floor(y1 / size) - b0 + 1 };
  }
  const b0 = Math.floor(y0 / (1.5 * size)) - 1; const b1 = Math.ceil(y1 / (1.5 * size)) + 1;
  const a0 = Math.floor(x0 / (size * SQRT3) - b1 / 2) - 1; const a1 = Math.ceil(x1 / (size * SQRT3) - b0 / 2) + 1;
  return { a0, b0, w: a1 - a0 + 1, h: b1 - b0 + 1 };
}

/** Bins the selected records inside the world box [x0, y0, x1, y1] (only the grid cells near it are visited). */
export function buildBinGrid(idx: PointIndex, sel: Uint32Array, kind: BinKind, size: number, box: readonly [number, number, number, number]): BinGrid {
  const [x0, y0, x1, y1] = box;
  const { a0, b0, w, h } = cellRange(kind, size, x0, y0, x1, y1);
  const counts = new Uint32Array(w * h);
  const { x, y } = idx;
  const runs = idx.runsIn(sel, x0, y0, x1, y1);
  const inv = 1 / size;
  if (kind === 'square') {
    for (let r = 0; r < runs.length; r += 2) for (let k = runs[r]; k < runs[r + 1]; k++) {
      const i = sel[k]; const px = x[i]; const py = y[i];
      if (px < x0 || px > x1 || py < y0 || py > y1) continue;
      const ga = Math.floor(px * inv) - a0; const gb = Math.floor(py * inv) - b0;
      if (ga >= 0 && gb >= 0 && ga < w && gb < h) counts[gb * w + ga]++;
    }
  } else {
    const kq = (SQRT3 / 3) * inv; const kr = (1 / 3) * inv; const ky = (2 / 3) * inv;
    for (let r = 0; r < runs.length; r += 2) for (let k = runs[r]; k < runs[r + 1]; k++) {
      const i = sel[k]; const px = x[i]; const py = y[i];
      if (px < x0 || px > x1 || py < y0 || py > y1) continue;
      // Cube rounding of the fractional axial coordinates (see hexAxial in shared/domain/spatial/bins.ts).
      const qf = kq * px - kr * py; const rf = ky * py; const sf = -qf - rf;
      let a = Math.round(qf); let b = Math.round(rf); const c = Math.round(sf);
      const dq = Math.abs(a - qf); const dr = Math.abs(b - rf); const ds = Math.abs(c - sf);
      if (dq > dr && dq > ds) a = -b - c; else if (dr > ds) b = -a - c;
      const ga = a - a0; const gb = b - b0;
      if (ga >= 0 && gb >= 0 && ga < w && gb < h) counts[gb * w + ga]++;
    }
  }
  return { kind, size, a0, b0, w, h, counts };
}

/** The non-empty cells of `g` whose centres lie in the world box, as columns for Arrow. */
export function cutBinGrid(g: BinGrid, box: readonly [number, number, number, number]): BinsResult {
  const [x0, y0, x1, y1] = box;
  const { kind, size, w, h, a0, b0, counts } = g;
  // Only the rows / columns of cells that can have their centre in the box.
  const r = cellRange(kind, size, x0, y0, x1, y1);
  const ga0 = Math.max(0, r.a0 - a0); const ga1 = Math.min(w - 1, r.a0 + r.w - 1 - a0);
  const gb0 = Math.max(0, r.b0 - b0); const gb1 = Math.min(h - 1, r.b0 + r.h - 1 - b0);
  const picked: number[] = [];
  for (let gb = gb0; gb <= gb1; gb++) {
    for (let ga = ga0; ga <= ga1; ga++) {
      const v = counts[gb * w + ga];
      if (v === 0) continue;
      const a = ga + a0; const b = gb + b0;
      const cx = kind === 'square' ? (a + 0.5) * size : size * SQRT3 * (a + b / 2);
      const cy = kind === 'square' ? (b + 0.5) * size : size * 1.5 * b;
      if (cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1) picked.push(gb * w + ga);
    }
  }
  const n = picked.length;
  const out: BinsResult = { x: new Float64Array(n), y: new Float64Array(n), lon: new Float64Array(n), lat: new Float64Array(n), count: new Float64Array(n), size, max: 0, total: 0 };
  for (let c = 0; c < n; c++) {
    const g_ = picked[c];
    const a = (g_ % w) + a0; const b = Math.floor(g_ / w) + b0;
    const cx = kind === 'square' ? (a + 0.5) * size : size * SQRT3 * (a + b / 2);
    const cy = kind === 'square' ? (b + 0.5) * size : size * 1.5 * b;
    const v = counts[g_];
    out.x[c] = cx; out.y[c] = cy; out.lon[c] = xToLon(cx); out.lat[c] = yToLat(cy); out.count[c] = v;
    out.total += v;
    if (v > out.max) out.max = v;
  }
  return out;
}
