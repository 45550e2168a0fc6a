import type { Filter } from '../../../../shared/model/filter';
import { areaBbox, pointInArea } from '../../../../shared/domain/geo/area';
import { latToY, lonToX } from '../../../../shared/domain/spatial/mercator';
import { MAP_DIM_COLUMNS, type MapDim } from '../../db/repos/map-repo';
import type { ChunkColumns } from './chunk-codec';

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

  constructor(chunks: readonly ChunkColumns[]) {
    const n = chunks.reduce((s, c) => s + c.n, 0);
    this.n = n;
    this.id = new Int32Array(n); this.t = new Float64Array(n);
    this.lon = new Float32Array(n); this.lat = new Float32Array(n); this.x = new Float32Array(n); this.y = new Float32Array(n);
    this.cats = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
    this.dims = {} as Record<MapDim, IndexDim>;
    for (const d of MAP_DIM_COLUMNS) {
      const lookup = new Map<string, number>();
      const dict: (string | null)[] = [null];
      for (const c of chunks) for (const v of c.dims[d].dict) if (v !== null && !lookup.has(v)) { lookup.set(v, dict.length); dict.push(v); }
      this.dims[d] = { dict, lookup, codes: dict.length <= 0xffff ? new Uint16Array(n) : new Uint32Array(n) };
    }
    let off = 0;
    for (const c of chunks) {
      this.id.set(c.id, off); this.t.set(c.t, off); this.lon.set(c.lon, off); this.lat.set(c.lat, off);
      for (let l = 0; l < 3; l++) this.cats[l].set(c.cats[l], off);
      for (const d of MAP_DIM_COLUMNS) {
        const dim = this.dims[d];
        const remap = Uint32Array.from(c.dims[d].dict, (v) => (v === null ? 0 : dim.lookup.get(v) ?? 0));
        const src = c.dims[d].codes;
        for (let i = 0; i < c.n; i++) dim.codes[off + i] = remap[src[i]];
      }
      off += c.n;
    }
    let maxId = 0; let maxCat = 0; let tMin = Infinity; let tMax = -Infinity;
    let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      if (this.id[i] > maxId) maxId = this.id[i];
      for (let l = 0; l < 3; l++) if (this.cats[l][i] > maxCat) maxCat = this.cats[l][i];
      const t = this.t[i]; if (t < tMin) tMin = t; if (t > tMax) tMax = t;
      const lon = this.lon[i]; const lat = this.lat[i];
      if (lon < x0) x0 = lon; if (lon > x1) x1 = lon; if (lat < y0) y0 = lat; if (lat > y1) y1 = lat;
      this.x[i] = lonToX(lon); this.y[i] = latToY(lat);
    }
    this.maxId = maxId; this.maxCat = maxCat;
    this.tMin = n ? tMin : null; this.tMax = n ? tMax : null;
    this.bbox = n ? [x0, y0, x1, y1] : null;
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
    const ab = area ? areaBbox(area) : null;
    const [c1, c2, c3] = this.cats;
    const out = new Uint32Array(n);
    let k = 0;
    rows: for (let i = 0; i < n; i++) {
      const t = this.t[i];
      if (t < from || t >= to) continue;
      for (let m = 0; m < masks.length; m++) if (masks[m].allow[masks[m].codes[i]] === 0) continue rows;
      if (cat && cat[c1[i]] === 0 && cat[c2[i]] === 0 && cat[c3[i]] === 0) continue;
      if (ids && ids[this.id[i]] === 0) continue;
      if (area && ab) {
        const lon = this.lon[i]; const lat = this.lat[i];
        if (lon < ab[0] || lon > ab[2] || lat < ab[1] || lat > ab[3]) continue;
        if (area.type !== 'bbox' && !pointInArea(lon, lat, area)) continue;
      }
      out[k++] = i;
    }
    return out.slice(0, k);
  }
}
