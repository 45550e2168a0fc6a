import { binSizeWorld, type BinKind } from '../../../../shared/domain/spatial/bins';
import { kernelDensity } from '../../../../shared/domain/spatial/kde';
import { bboxToWorld, metresPerWorldUnit, pxToWorld, worldToBbox, type Bbox } from '../../../../shared/domain/spatial/mercator';
import type { MapDim } from '../../db/repos/map-repo';
import type { PointIndex } from './point-index';
import { buildBinGrid, cellRange, cutBinGrid, type BinsResult } from './bin-grid';

export type { BinsResult };

/** Whole-extent bin grids above this many cells are not built; the view is binned instead. */
const EXTENT_CELLS = 600_000;

/** Remembers values per key for the current selection (see MapState.select). */
export type Memo = <T>(key: string, build: () => T) => T;

/**
 * Counts the selected records per hexagon or square of `px` pixels at `zoom`, for the cells whose
 * centre is in the view (plus two cells). With a memo, the counts over the records' whole extent are
 * kept per zoom level, so panning and zooming within the level cut them instead of binning again.
 */
export function binsInView(idx: PointIndex, sel: Uint32Array, view: Bbox, zoom: number, kind: BinKind, px: number, memo?: Memo): BinsResult {
  const size = binSizeWorld(zoom, px);
  const [wx0, wy0, wx1, wy1] = bboxToWorld(view);
  const box = [wx0 - 2 * size, wy0 - 2 * size, wx1 + 2 * size, wy1 + 2 * size] as const;
  const ext = idx.world;
  if (ext && memo) {
    const e = [ext[0] - 2 * size, ext[1] - 2 * size, ext[2] + 2 * size, ext[3] + 2 * size] as const;
    const r = cellRange(kind, size, ...e);
    if (r.w * r.h <= EXTENT_CELLS) return cutBinGrid(memo(`bins|${kind}|${size}`, () => buildBinGrid(idx, sel, kind, size, e)), box);
  }
  // Points up to one cell radius outside the box belong to cells whose centre is inside it.
  const outer = [box[0] - size, box[1] - size, box[2] + size, box[3] + size] as const;
  const r = cellRange(kind, size, ...outer);
  if (r.w * r.h > 4_000_000) throw new RangeError('too many cells for this view; zoom in or use larger cells');
  return cutBinGrid(buildBinGrid(idx, sel, kind, size, outer), box);
}

export interface PointsResult { rows: Uint32Array; total: number; step: number }

/** The selected records inside the view; above `limit`, an even sample (every step-th) of them. */
export function pointsInView(idx: PointIndex, sel: Uint32Array, view: Bbox, limit: number): PointsResult {
  const [wx0, wy0, wx1, wy1] = bboxToWorld(view);
  const runs = idx.runsIn(sel, wx0, wy0, wx1, wy1);
  let cap = 0;
  for (let r = 0; r < runs.length; r += 2) cap += runs[r + 1] - runs[r];
  const inView = new Uint32Array(cap);
  let n = 0;
  for (let r = 0; r < runs.length; r += 2) for (let k = runs[r]; k < runs[r + 1]; k++) {
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
      const runs = idx.runsIn(sel, wx0 - pad, wy0 - pad, wx1 + pad, wy1 + pad);
      for (let r = 0; r < runs.length; r += 2) for (let k = runs[r]; k < runs[r + 1]; k++) {
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
