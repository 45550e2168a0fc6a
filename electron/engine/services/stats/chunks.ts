/** Typed-array columns of the statistics store: their types, growable builders and blob codec. */
import { DICT_DIMS, NULL_I32, NULL_SAT, T_EPOCH_MS, type DictDim } from '../../../../shared/domain/stats/columns';

export type ColType = 'i32' | 'u8' | 'f64';
export const BASE_COLUMNS = { id: 'i32', t: 'i32', resp: 'i32', close: 'i32', cat: 'i32', transfers: 'u8', sat: 'u8', lon: 'f64', lat: 'f64', caller: 'i32' } as const satisfies Record<string, ColType>;
export type BaseCol = keyof typeof BASE_COLUMNS;
export type ChunkCol = BaseCol | DictDim;
export const CHUNK_COLUMNS: readonly ChunkCol[] = [...(Object.keys(BASE_COLUMNS) as BaseCol[]), ...DICT_DIMS];
export const colType = (c: ChunkCol): ColType => (c in BASE_COLUMNS ? BASE_COLUMNS[c as BaseCol] : 'i32');

type Typed = Int32Array | Uint8Array | Float64Array;
const make = (type: ColType, n: number): Typed => (type === 'i32' ? new Int32Array(n) : type === 'u8' ? new Uint8Array(n) : new Float64Array(n));
const SIZE: Record<ColType, number> = { i32: 4, u8: 1, f64: 8 };

/** A column being appended to; doubles its capacity as needed. */
export class GrowableColumn {
  private arr: Typed;
  length = 0;
  constructor(readonly type: ColType, capacity = 4096) { this.arr = make(type, capacity); }
  push(v: number): void {
    if (this.length === this.arr.length) {
      const next = make(this.type, this.arr.length * 2);
      next.set(this.arr);
      this.arr = next;
    }
    this.arr[this.length++] = v;
  }
  /** The filled part as bytes (little-endian on every platform Minsheng runs on). */
  bytes(): Uint8Array {
    return new Uint8Array(this.arr.buffer, 0, this.length * this.arr.BYTES_PER_ELEMENT);
  }
}

/** Decodes a blob into a typed array of the column's type (copying when the bytes are misaligned). */
export function decodeColumn(type: ColType, data: Uint8Array): Typed {
  const size = SIZE[type];
  const aligned = data.byteOffset % size === 0 ? data : data.slice();
  const n = aligned.byteLength / size;
  if (type === 'u8') return new Uint8Array(aligned.buffer, aligned.byteOffset, n);
  if (type === 'i32') return new Int32Array(aligned.buffer, aligned.byteOffset, n);
  return new Float64Array(aligned.buffer, aligned.byteOffset, n);
}

const I32_MAX = 2147483647;
const clampI32 = (v: number): number => (v > I32_MAX ? I32_MAX : v < -I32_MAX ? -I32_MAX : v);
const seconds = (end: unknown, start: number): number =>
  (end === null || end === undefined ? NULL_I32 : clampI32(Math.round(((end as number) - start) / 1000)));

/** First 32 bits of a hex caller hash as a signed integer; 0 when there is none. */
export function callerKey(hash: unknown): number {
  if (typeof hash !== 'string' || hash.length < 8) return 0;
  const v = Number.parseInt(hash.slice(0, 8), 16);
  return Number.isFinite(v) ? v | 0 : 0;
}

/** Converts raw record rows (FACT_SOURCE_COLUMNS order) of one batch into columns. */
export class ChunkBuilder {
  readonly cols: Record<ChunkCol, GrowableColumn>;
  constructor() {
    this.cols = Object.fromEntries(CHUNK_COLUMNS.map((c) => [c, new GrowableColumn(colType(c))])) as Record<ChunkCol, GrowableColumn>;
  }
  get rows(): number { return this.cols.id.length; }

  /** `codeOf(dim, value)` returns the dictionary code (assigning new ones). */
  add(r: readonly unknown[], codeOf: (dim: DictDim, value: string) => number): void {
    const c = this.cols;
    const received = r[2] as number;
    c.id.push(r[0] as number);
    c.t.push(clampI32(Math.floor((received - T_EPOCH_MS) / 1000)));
    c.resp.push(seconds(r[3], received));
    c.close.push(seconds(r[4], received));
    c.cat.push((r[7] ?? r[6] ?? r[5] ?? 0) as number);
    c.transfers.push(Math.min(255, Math.max(0, (r[8] as number | null) ?? 0)));
    const sat = r[9] as number | null;
    c.sat.push(sat === null || sat === undefined ? NULL_SAT : Math.min(100, Math.max(0, Math.round(sat * 100))));
    c.lon.push((r[10] as number | null) ?? Number.NaN);
    c.lat.push((r[11] as number | null) ?? Number.NaN);
    c.caller.push(callerKey(r[12]));
    for (let d = 0; d < DICT_DIMS.length; d++) {
      const v = r[13 + d];
      c[DICT_DIMS[d]].push(v === null || v === undefined || v === '' ? 0 : codeOf(DICT_DIMS[d], String(v)));
    }
  }
}
