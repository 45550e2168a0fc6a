import { binSizeWorld, type BinKind } from '../../../../shared/domain/spatial/bins';
import { kernelDensity } from '../../../../shared/domain/spatial/kde';
import { bboxToWorld, metresPerWorldUnit, pxToWorld, worldToBbox, xToLon, yToLat, type Bbox } from '../../../../shared/domain/spatial/mercator';
import type { MapDim } from '../../db/repos/map-repo';
import type { PointIndex } from './point-index';

const SQRT3 = Math.sqrt(3);

export interface BinsResult { x: Float64Array; y: Float64Array; lon: Float64Array; lat: Float64Array; count: Float64Array; size: number; max: number; total: number }

/** Counts the selected records per hexagon or square of `px` pixels at `zoom`, within the view (plus one cell). */
export function binsInView(idx: PointIndex, sel: Uint32Array, view: Bbox, zoom: number, kind: BinKind, px: number): BinsResult {
  const size = binSizeWorld(zoom, px);
  const [wx0, wy0, wx1, wy1] = bboxToWorld(view);
  const mx0 = wx0 - 2 * size; const my0 = wy0 - 2 * size; const mx1 = wx1 + 2 * size; const my1 = wy1 + 2 * size;
  // Dense accumulation over the cells that can occur in the padded view.
  let a0: number; let b0: number; let w: number; let h: number;
  if (kind === 'square') {
    a0 = Math.floor(mx0 / size); b0 = Math.floor(my0 / size);
    w = Math.floor(mx1 / size) - a0 + 1; h = Math.floor(my1 / size) - b0 + 1;
  } else {
    b0 = Math.floor(my0 / (1.5 * size)) - 1; const b1 = Math.ceil(my1 / (1.5 * size)) + 1;
    a0 = Math.floor(mx0 / (size * SQRT3) - b1 / 2) - 1; const a1 = Math.ceil(mx1 / (size * SQRT3) - b0 / 2) + 1;
    w = a1 - a0 + 1; h = b1 - b0 + 1;
  }
  if (w * h > 4_000_000) throw new RangeError('too many cells for this view; zoom in or use larger cells');
  const grid = new Float64Array(w * h);
  let total = 0;
  const { x, y } = idx;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k];
    const px_ = x[i]; const py = y[i];
    if (px_ < mx0 || px_ > mx1 || py < my0 || py > my1) continue;
    let a: number; let b: number;
    if (kind === 'square') { a = Math.floor(px_ / size); b = Math.floor(py / size); } else {
      // hexAxial inlined (cube rounding) — no tuple per point in the hot loop.
      const qf = ((SQRT3 / 3) * px_ - py / 3) / size; const rf = ((2 / 3) * py) / size; const sf = -qf - rf;
      a = Math.round(qf); b = Math.round(rf); const c = Math.round(sf);
      const dq = Math.abs(a - qf); const dr = Math.abs(b - rf); const ds = Math.abs(c - sf);
      if (dq > dr && dq > ds) a = -b - c; else if (dr > ds) b = -a - c;
    }
    const ga = a - a0; const gb = b - b0;
    if (ga < 0 || gb < 0 || ga >= w || gb >= h) continue;
    grid[gb * w + ga]++;
    total++;
  }
  let cells = 0;
  for (let g = 0; g < grid.length; g++) if (grid[g] > 0) cells++;
  const out: BinsResult = { x: new Float64Array(cells), y: new Float64Array(cells), lon: new Float64Array(cells), lat: new Float64Array(cells), count: new Float64Array(cells), size, max: 0, total };
  let c = 0;
  for (let g = 0; g < grid.length; g++) {
    if (grid[g] === 0) continue;
    const a = (g % w) + a0; const b = Math.floor(g / w) + b0;
    const cx = kind === 'square' ? (a + 0.5) * size : size * SQRT3 * (a + b / 2);
    const cy = kind === 'square' ? (b + 0.5) * size : size * 1.5 * b;
    out.x[c] = cx; out.y[c] = cy; out.lon[c] = xToLon(cx); out.lat[c] = yToLat(cy); out.count[c] = grid[g];
    if (grid[g] > out.max) out.max = grid[g];
    c++;
  }
  return out;
}

export interface PointsResult { rows: Uint32Array; total: number; step: number }

/** The selected records inside the view; above `limit`, an even sample (every step-th) of them. */
export function pointsInView(idx: PointIndex, sel: Uint32Array, view: Bbox, limit: number): PointsResult {
  const inView = new Uint32Array(sel.length);
  let n = 0;
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k];
    const lon = idx.lon[i]; const lat = idx.lat[i];
    if (lon >= view[0] && lon <= view[2] && lat >= view[1] && lat <= view[3]) inView[n++] = i;
  }
  const step = Math.max(1, Math.ceil(n / limit));
  const rows = new Uint32Array(Math.ceil(n / step));
  for (let k = 0, j = 0; k < n; k += step) rows[j++] = inView[k];
  return { rows, total: n, step };
}

export interface DensityResult {
  values: Float32Array; width: number; height: number;
  /** Geographic bounds of the grid: [west, south, east, north]. */
  bounds: [number, number, number, number];
  cellM: number; bandwidthM: number; max: number; points: number;
}

/**
 * Quartic kernel density of the selected records over the view, on cells of `cellPx` pixels;
 * values in records per km². Default bandwidth: 1/40 of the view's width, at least 100 m.
 */
export function densityInView(idx: PointIndex, sel: Uint32Array, view: Bbox, zoom: number, opts: { cellPx: number; bandwidthM?: number; maxCells: number }): DensityResult {
  const [wx0, wy0, wx1, wy1] = bboxToWorld(view);
  let cell = pxToWorld(opts.cellPx, zoom);
  while (((wx1 - wx0) / cell) * ((wy1 - wy0) / cell) > opts.maxCells) cell *= 1.25;
  const width = Math.max(1, Math.ceil((wx1 - wx0) / cell));
  const height = Math.max(1, Math.ceil((wy1 - wy0) / cell));
  const midLat = (view[1] + view[3]) / 2;
  const mpu = metresPerWorldUnit(midLat);
  const bandwidthM = opts.bandwidthM ?? Math.max(100, ((wx1 - wx0) * mpu) / 40);
  const h = bandwidthM / mpu;
  let points = 0;
  const grid = kernelDensity({
    width, height, x0: wx0, y0: wy0, cell, bandwidth: Math.max(h, cell),
    each: (emit) => {
      const pad = h + cell;
      for (let k = 0; k < sel.length; k++) {
        const i = sel[k];
        const x = idx.x[i]; const y = idx.y[i];
        if (x < wx0 - pad || x > wx1 + pad || y < wy0 - pad || y > wy1 + pad) continue;
        emit(x, y);
        points++;
      }
    },
  });
  // Per world unit² → per km² of ground.
  const scale = 1e6 / (mpu * mpu);
  const values = new Float32Array(grid.values.length);
  for (let k = 0; k < values.length; k++) values[k] = grid.values[k] * scale;
  const b = worldToBbox([wx0, wy0, wx0 + width * cell, wy0 + height * cell]);
  return { values, width, height, bounds: b, cellM: cell * mpu, bandwidthM: Math.max(h, cell) * mpu, max: grid.max * scale, points };
}

/** Selected records per value of a text column (e.g. per community name). */
export function countByDim(idx: PointIndex, sel: Uint32Array, dim: MapDim): Map<string, number> {
  const d = idx.dims[dim];
  const counts = new Float64Array(d.dict.length);
  for (let k = 0; k < sel.length; k++) counts[d.codes[sel[k]]]++;
  const out = new Map<string, number>();
  for (let c = 1; c < counts.length; c++) if (counts[c] > 0) out.set(d.dict[c] as string, counts[c]);
  return out;
}

/** Selected records per category id at a level (1..3); 0 = none. */
export function countByCategory(idx: PointIndex, sel: Uint32Array, level: 1 | 2 | 3): Map<number, number> {
  const col = idx.cats[level - 1];
  const out = new Map<number, number>();
  for (let k = 0; k < sel.length; k++) { const c = col[sel[k]]; out.set(c, (out.get(c) ?? 0) + 1); }
  return out;
}
