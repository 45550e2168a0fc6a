import type { Filter } from '../../../../shared/model/filter';
import { areaBbox, pointInArea } from '../../../../shared/domain/geo/area';
import { latToY, lonToX } from '../../../../shared/domain/spatial/mercator';
import { MAP_DIM_COLUMNS, type MapDim } from '../../db/repos/map-repo';
import type { ChunkColumns } from './chunk-codec';
import { SpatialGrid, selectionRuns, type GridParts } from './spatial-grid';

/** Filter keys that name a list of values of one record column. */
const LIST_KEYS = {
  sources: 'source_code', districts: 'district', streets: 'street', communities: 'community', departments: 'department',
  statuses: 'status', requestTypes: 'request_type', channels: 'channel',
} as const satisfies Partial<Record<keyof Filter, MapDim>>;

/** Filter keys the index tests itself; anything else (free text…) is resolved by SQL into an id set. */
const INDEX_KEYS = new Set<string>(['from', 'to', 'categories', 'area', ...Object.keys(LIST_KEYS)]);

export interface IndexDim { dict: (string | null)[]; lookup: Map<string, number>; codes: Uint16Array | Uint32Array }

/** The part of a filter the index cannot test (empty object when there is none). */
export function residualFilter(f: Filter): Filter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (!INDEX_KEYS.has(k) && v !== undefined) out[k] = v;
  return out as Filter;
}

function scatterCodes(out: Uint16Array | Uint32Array, src: Uint16Array | Uint32Array, remap: Uint32Array, dest: Uint32Array, off: number, n: number): void {
  for (let i = 0; i < n; i++) out[dest[off + i]] = remap[src[i]];
}

/** Everything a PointIndex holds, as plain data and typed arrays (so it can be built in a helper thread and transferred). */
export interface PointIndexParts {
  n: number;
  id: Int32Array; t: Float64Array; lon: Float32Array; lat: Float32Array; x: Float32Array; y: Float32Array;
  cats: [Int32Array, Int32Array, Int32Array];
  dims: Record<MapDim, { dict: (string | null)[]; codes: Uint16Array | Uint32Array }>;
  maxId: number; maxCat: number; tMin: number | null; tMax: number | null;
  bbox: [number, number, number, number] | null; world: [number, number, number, number] | null;
  grid: GridParts;
}

/** The buffers of `p`, to transfer (not copy) between threads. */
export function partsBuffers(p: PointIndexParts): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [p.id, p.t, p.lon, p.lat, p.x, p.y, ...p.cats, ...Object.values(p.dims).map((d) => d.codes), p.grid.start];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Sorts the chunks' rows by spatial grid cell into whole columns (≈ 60 bytes a record). */
export function buildIndexParts(chunks: readonly ChunkColumns[]): PointIndexParts {
  const n = chunks.reduce((s, c) => s + c.n, 0);
  // Pass 1, in chunk order: world coordinates and extents.
  const xs = new Float32Array(n); const ys = new Float32Array(n);
  let maxId = 0; let maxCat = 0; let tMin = Infinity; let tMax = -Infinity;
  let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
  let off = 0;
  for (const c of chunks) {
    const [k1, k2, k3] = c.cats;
    for (let i = 0; i < c.n; i++) {
      if (c.id[i] > maxId) maxId = c.id[i];
      const cm = Math.max(k1[i], k2[i], k3[i]); if (cm > maxCat) maxCat = cm;
      const t = c.t[i]; if (t < tMin) tMin = t; if (t > tMax) tMax = t;
      const lon = c.lon[i]; const lat = c.lat[i];
      if (lon < x0) x0 = lon; if (lon > x1) x1 = lon; if (lat < y0) y0 = lat; if (lat > y1) y1 = lat;
      xs[off + i] = lonToX(lon); ys[off + i] = latToY(lat);
    }
    off += c.n;
  }
  const world: [number, number, number, number] | null = n ? [lonToX(x0), latToY(y1), lonToX(x1), latToY(y0)] : null;
  const { grid, perm } = SpatialGrid.build(xs, ys, world);
  const dest = new Uint32Array(n);
  for (let k = 0; k < n; k++) dest[perm[k]] = k;
  // Pass 2: every column scattered straight to its sorted row.
  const id = new Int32Array(n); const t = new Float64Array(n);
  const lon = new Float32Array(n); const lat = new Float32Array(n); const x = new Float32Array(n); const y = new Float32Array(n);
  const cats: [Int32Array, Int32Array, Int32Array] = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  const dims = {} as PointIndexParts['dims'];
  const lookups = {} as Record<MapDim, Map<string, number>>;
  for (const d of MAP_DIM_COLUMNS) {
    const lookup = new Map<string, number>();
    const dict: (string | null)[] = [null];
    for (const c of chunks) for (const v of c.dims[d].dict) if (v !== null && !lookup.has(v)) { lookup.set(v, dict.length); dict.push(v); }
    dims[d] = { dict, codes: dict.length <= 0xffff ? new Uint16Array(n) : new Uint32Array(n) };
    lookups[d] = lookup;
  }
  const [c1, c2, c3] = cats;
  off = 0;
  for (const c of chunks) {
    const [k1, k2, k3] = c.cats;
    for (let i = 0; i < c.n; i++) {
      const r = dest[off + i];
      id[r] = c.id[i]; t[r] = c.t[i]; lon[r] = c.lon[i]; lat[r] = c.lat[i]; x[r] = xs[off + i]; y[r] = ys[off + i];
      c1[r] = k1[i]; c2[r] = k2[i]; c3[r] = k3[i];
    }
    for (const d of MAP_DIM_COLUMNS) {
      const remap = Uint32Array.from(c.dims[d].dict, (v) => (v === null ? 0 : lookups[d].get(v) ?? 0));
      scatterCodes(dims[d].codes, c.dims[d].codes, remap, dest, off, c.n);
    }
    off += c.n;
  }
  return {
    n, id, t, lon, lat, x, y, cats, dims, maxId, maxCat, tMin: n ? tMin : null, tMax: n ? tMax : null,
    bbox: n ? [x0, y0, x1, y1] : null, world, grid: grid.parts(),
  };
}

/**
 * All located records in memory as columns (≈ 60 bytes each): the map's filters, bins, density and
 * counts run over typed arrays in milliseconds instead of scanning the records table.
 */
export class PointIndex {
  readonly n: number;
  readonly id: Int32Array; readonly t: Float64Array;
  readonly lon: Float32Array; readonly lat: Float32Array;
  /** Web-Mercator world units (see shared/domain/spatial/mercator.ts). */
  readonly x: Float32Array; readonly y: Float32Array;
  readonly cats: [Int32Array, Int32Array, Int32Array];
  readonly dims: Record<MapDim, IndexDim>;
  readonly maxId: number; readonly maxCat: number;
  readonly tMin: number | null; readonly tMax: number | null;
  readonly bbox: [number, number, number, number] | null;
  /** Rows are sorted by the cells of this grid (see spatial-grid.ts). */
  readonly grid: SpatialGrid;
  /** The records' extent in world units [x0, y0, x1, y1] (y grows southwards). */
  readonly world: [number, number, number, number] | null;
  /** Every row, in order: the selection of the empty filter. */
  readonly all: Uint32Array;

  /** From the parts (see buildIndexParts), or straight from map chunks. */
  constructor(source: PointIndexParts | readonly ChunkColumns[]) {
    const p = Array.isArray(source) ? buildIndexParts(source as readonly ChunkColumns[]) : source as PointIndexParts;
    this.n = p.n;
    this.id = p.id; this.t = p.t; this.lon = p.lon; this.lat = p.lat; this.x = p.x; this.y = p.y; this.cats = p.cats;
    this.maxId = p.maxId; this.maxCat = p.maxCat; this.tMin = p.tMin; this.tMax = p.tMax; this.bbox = p.bbox; this.world = p.world;
    this.grid = SpatialGrid.restore(p.grid);
    this.dims = {} as Record<MapDim, IndexDim>;
    for (const d of MAP_DIM_COLUMNS) {
      const { dict, codes } = p.dims[d];
      const lookup = new Map<string, number>();
      for (let c = 1; c < dict.length; c++) if (dict[c] !== null) lookup.set(dict[c] as string, c);
      this.dims[d] = { dict, lookup, codes };
    }
    this.all = new Uint32Array(p.n);
    for (let i = 0; i < p.n; i++) this.all[i] = i;
  }

  /**
   * Positions [lo, hi) (pairs, flattened) in `sel` of the selected rows whose grid cell overlaps the
   * world-unit box: callers still test each point, but only near the box.
   */
  runsIn(sel: Uint32Array, wx0: number, wy0: number, wx1: number, wy1: number): number[] {
    return selectionRuns(sel, this.grid.runs(wx0, wy0, wx1, wy1));
  }

  /** Row indices of the records matching `f`; `allowedIds` (from SQL, for the residual filter) narrows further. */
  select(f: Filter, allowedIds: Int32Array | null = null): Uint32Array {
    const n = this.n;
    const from = f.from ?? -Infinity; const to = f.to ?? Infinity;
    const masks: { codes: Uint16Array | Uint32Array; allow: Uint8Array }[] = [];
    for (const [key, dimName] of Object.entries(LIST_KEYS)) {
      const values = f[key as keyof typeof LIST_KEYS];
      if (!values?.length) continue;
      const dim = this.dims[dimName];
      const allow = new Uint8Array(dim.dict.length);
      for (const v of values) { const c = dim.lookup.get(v); if (c !== undefined) allow[c] = 1; }
      masks.push({ codes: dim.codes, allow });
    }
    let cat: Uint8Array | null = null;
    if (f.categories?.length) {
      cat = new Uint8Array(this.maxCat + 1);
      for (const c of f.categories) if (c >= 0 && c <= this.maxCat) cat[c] = 1;
    }
    let ids: Uint8Array | null = null;
    if (allowedIds) {
      ids = new Uint8Array(this.maxId + 1);
      for (const id of allowedIds) if (id <= this.maxId) ids[id] = 1;
    }
    const area = f.area;
    const timed = f.from !== undefined || f.to !== undefined;
    if (!timed && !masks.length && !cat && !ids && !area) return this.all;
    // Successive tight passes, each over the survivors of the last (filtered in place in `buf`);
    // an area starts from the grid cells under its bounding box instead of every row.
    let src = this.all; let len = n;
    if (area) {
      const ab = areaBbox(area);
      const runs = this.grid.runs(lonToX(ab[0]), latToY(ab[3]), lonToX(ab[2]), latToY(ab[1]));
      len = 0;
      for (let r = 0; r < runs.length; r += 2) len += runs[r + 1] - runs[r];
      src = new Uint32Array(len);
      let k = 0;
      for (let r = 0; r < runs.length; r += 2) for (let i = runs[r]; i < runs[r + 1]; i++) src[k++] = i;
    }
    const buf = src === this.all ? new Uint32Array(n) : src;
    for (const { codes, allow } of masks) {
      let k = 0;
      for (let j = 0; j < len; j++) { const i = src[j]; if (allow[codes[i]] !== 0) buf[k++] = i; }
      src = buf; len = k;
    }
    if (timed) {
      const tt = this.t; let k = 0;
      for (let j = 0; j < len; j++) { const i = src[j]; const t = tt[i]; if (t >= from && t < to) buf[k++] = i; }
      src = buf; len = k;
    }
    if (cat) {
      const [c1, c2, c3] = this.cats; let k = 0;
      for (let j = 0; j < len; j++) { const i = src[j]; if (cat[c1[i]] !== 0 || cat[c2[i]] !== 0 || cat[c3[i]] !== 0) buf[k++] = i; }
      src = buf; len = k;
    }
    if (ids) {
      const id = this.id; let k = 0;
      for (let j = 0; j < len; j++) { const i = src[j]; if (ids[id[i]] !== 0) buf[k++] = i; }
      src = buf; len = k;
    }
    if (area) {
      const ab = areaBbox(area); let k = 0;
      for (let j = 0; j < len; j++) {
        const i = src[j]; const lon = this.lon[i]; const lat = this.lat[i];
        if (lon < ab[0] || lon > ab[2] || lat < ab[1] || lat > ab[3]) continue;
        if (area.type === 'bbox' || pointInArea(lon, lat, area)) buf[k++] = i;
      }
      src = buf; len = k;
    }
    return src.slice(0, len);
  }
}
