import { MAP_DIM_COLUMNS, type MapDim, type MapRawRow, type SqliteMapRepository } from '../../db/repos/map-repo';

/**
 * Column blobs of located records ("map chunks"). Layout: "MSMC", u32 header length, JSON header
 * (row count, one dictionary per text column; code 0 is null), padding to 8, then the columns:
 * id Int32, t Float64, lon Float32, lat Float32, cat1..3 Int32 (0 = none), one Uint16/Uint32 code
 * column per text column; each column padded to 8 bytes.
 */
export interface ChunkColumns {
  n: number;
  id: Int32Array;
  t: Float64Array;
  lon: Float32Array;
  lat: Float32Array;
  cats: [Int32Array, Int32Array, Int32Array];
  dims: Record<MapDim, { dict: (string | null)[]; codes: Uint16Array | Uint32Array }>;
}

const MAGIC = 0x434d534d; // "MSMC" little-endian
const pad8 = (n: number) => (n + 7) & ~7;

function grow<T extends Int32Array | Float64Array | Float32Array | Uint32Array>(a: T, n: number): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (len: number) => T)(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** Accumulates MapRawRow rows into columns without holding the rows (a 2 M-row batch stays small). */
export class ChunkBuilder {
  private n = 0;
  private id = new Int32Array(1024); private t = new Float64Array(1024);
  private lon = new Float32Array(1024); private lat = new Float32Array(1024);
  private cats = [new Int32Array(1024), new Int32Array(1024), new Int32Array(1024)];
  private readonly dicts = MAP_DIM_COLUMNS.map(() => new Map<string, number>());
  private raw = MAP_DIM_COLUMNS.map(() => new Uint32Array(1024));

  /** Rows pushed so far. */
  get rows(): number { return this.n; }

  push(r: MapRawRow): void {
    const i = this.n++;
    if (i >= this.id.length) {
      const m = i + 1;
      this.id = grow(this.id, m); this.t = grow(this.t, m); this.lon = grow(this.lon, m); this.lat = grow(this.lat, m);
      this.cats = this.cats.map((c) => grow(c, m)); this.raw = this.raw.map((c) => grow(c, m));
    }
    this.id[i] = r[0]; this.t[i] = r[1]; this.lon[i] = r[2]; this.lat[i] = r[3];
    this.cats[0][i] = r[4] ?? 0; this.cats[1][i] = r[5] ?? 0; this.cats[2][i] = r[6] ?? 0;
    for (let d = 0; d < this.dicts.length; d++) {
      const v = r[7 + d] as string | null;
      if (v === null || v === undefined) { this.raw[d][i] = 0; continue; }
      let code = this.dicts[d].get(v);
      if (code === undefined) { code = this.dicts[d].size + 1; this.dicts[d].set(v, code); }
      this.raw[d][i] = code;
    }
  }

  finish(): ChunkColumns {
    const n = this.n;
    const dims = {} as ChunkColumns['dims'];
    MAP_DIM_COLUMNS.forEach((name, d) => {
      const dict: (string | null)[] = [null, ...this.dicts[d].keys()];
      const codes = this.raw[d].subarray(0, n);
      dims[name] = { dict, codes: dict.length <= 0xffff ? Uint16Array.from(codes) : codes.slice() };
    });
    return {
      n, id: this.id.slice(0, n), t: this.t.slice(0, n), lon: this.lon.slice(0, n), lat: this.lat.slice(0, n),
      cats: [this.cats[0].slice(0, n), this.cats[1].slice(0, n), this.cats[2].slice(0, n)], dims,
    };
  }
}

export function rowsToColumns(rows: Iterable<MapRawRow>): ChunkColumns {
  const b = new ChunkBuilder();
  for (const r of rows) b.push(r);
  return b.finish();
}

export function encodeChunk(c: ChunkColumns): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({
    v: 1, n: c.n, dims: MAP_DIM_COLUMNS.map((d) => ({ name: d, dict: c.dims[d].dict, wide: c.dims[d].codes instanceof Uint32Array })),
  }));
  const arrays: ArrayBufferView[] = [c.id, c.t, c.lon, c.lat, ...c.cats, ...MAP_DIM_COLUMNS.map((d) => c.dims[d].codes)];
  let size = pad8(8 + header.byteLength);
  for (const a of arrays) size += pad8(a.byteLength);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, header.byteLength, true);
  out.set(header, 8);
  let off = pad8(8 + header.byteLength);
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), off);
    off += pad8(a.byteLength);
  }
  return out;
}

export function decodeChunk(blob: Uint8Array): ChunkColumns {
  // Copy to an 8-byte-aligned buffer: SQLite hands out blobs at arbitrary offsets.
  const buf = blob.slice();
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('not a map chunk');
  const hlen = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(buf.subarray(8, 8 + hlen))) as { v: number; n: number; dims: { name: MapDim; dict: (string | null)[]; wide: boolean }[] };
  if (header.v !== 1) throw new Error(`map chunk version ${header.v} unsupported`);
  const n = header.n;
  let off = buf.byteOffset + pad8(8 + hlen);
  const take = <T>(ctor: { new (b: ArrayBufferLike, o: number, l: number): T; BYTES_PER_ELEMENT: number }): T => {
    const a = new ctor(buf.buffer, off, n);
    off += pad8(n * ctor.BYTES_PER_ELEMENT);
    return a;
  };
  const id = take(Int32Array); const t = take(Float64Array); const lon = take(Float32Array); const lat = take(Float32Array);
  const cats: [Int32Array, Int32Array, Int32Array] = [take(Int32Array), take(Int32Array), take(Int32Array)];
  const dims = {} as ChunkColumns['dims'];
  for (const d of header.dims) dims[d.name] = { dict: d.dict, codes: d.wide ? take(Uint32Array) : take(Uint16Array) };
  return { n, id, t, lon, lat, cats, dims };
}

/**
 * What the point index is built from, read in one go (call inside a read transaction): the decoded
 * map chunks, or — for a project whose chunks were never built — its located records as one chunk.
 */
export function readIndexSource(repo: SqliteMapRepository): { chunks: ChunkColumns[]; signature: string } {
  const signature = repo.chunkSignature();
  const chunks = signature.startsWith('0|') ? [rowsToColumns(repo.locatedRows(null))] : repo.readChunks().map((b) => decodeChunk(b));
  return { chunks, signature };
}
