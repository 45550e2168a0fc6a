/**
 * Decoding the statistics store (stats_chunks) into whole typed columns. Runs in a helper thread
 * (load-thread.ts) so the engine keeps answering while millions of rows are read, or inline when
 * a caller needs the columns synchronously.
 */
import { ApiError } from '../../../../shared/api/errors';
import { DICT_DIMS, type CategoryNode, type Dictionaries, type DictDim, type FactColumns } from '../../../../shared/domain/stats/columns';
import type { SqliteStatsRepository } from '../../db/repos/stats-repo';
import { colType, decodeColumn, type ChunkCol } from './chunks';

type AnyTyped = Int32Array | Uint8Array | Float64Array;

/** Everything loaded from the store: plain data and typed arrays, so it can cross threads. */
export interface StatsCore {
  generation: number;
  cols: Omit<FactColumns, 'lon' | 'lat' | 'caller'>;
  dicts: Dictionaries;
  categories: CategoryNode[];
  minT: number;
  maxT: number;
}

/** One column of every batch, concatenated in batch order. */
export function concatColumn(repo: SqliteStatsRepository, col: ChunkCol, n: number): AnyTyped {
  const type = colType(col);
  const out = type === 'i32' ? new Int32Array(n) : type === 'u8' ? new Uint8Array(n) : new Float64Array(n);
  let at = 0;
  for (const c of repo.chunks(col)) {
    const part = decodeColumn(type, c.data);
    out.set(part as never, at);
    at += part.length;
  }
  if (at !== n) throw new ApiError('INTERNAL', { detail: `statistics column ${col}: ${at} rows, expected ${n}` });
  return out;
}

/** Narrows a dictionary-code column to 16 bits when its dictionary allows (halves its memory). */
function narrowCodes(codes: Int32Array, dictSize: number): Uint16Array | Int32Array {
  return dictSize <= 65_535 ? Uint16Array.from(codes) : codes;
}

/** alive[i] = 0 for rows superseded by a newer batch's copy of the same record (updates on re-import). */
function aliveMask(id: Int32Array, batchOfRow: Int32Array): Uint8Array {
  const n = id.length;
  const alive = new Uint8Array(n).fill(1);
  let maxId = 0;
  for (let i = 0; i < n; i++) if (id[i] > maxId) maxId = id[i];
  const owner = new Int32Array(maxId + 1).fill(-1);
  for (let i = 0; i < n; i++) {
    const prev = owner[id[i]];
    if (prev === -1) { owner[id[i]] = i; continue; }
    const keepNew = batchOfRow[i] > batchOfRow[prev];
    alive[keepNew ? prev : i] = 0;
    if (keepNew) owner[id[i]] = i;
  }
  return alive;
}

/** Reads the store (call inside one read transaction so every column comes from the same commit). */
export function decodeStats(repo: SqliteStatsRepository): StatsCore {
  const generation = repo.generation();
  const idChunks = repo.chunks('id');
  const n = idChunks.reduce((s, c) => s + c.rows, 0);
  const batchOfRow = new Int32Array(n);
  let at = 0;
  for (const c of idChunks) { batchOfRow.fill(c.batchId, at, at + c.rows); at += c.rows; }
  const dicts = repo.dictionaries();
  const get = (c: ChunkCol) => concatColumn(repo, c, n);
  const id = get('id') as Int32Array;
  const codes = Object.fromEntries(DICT_DIMS.map((d) => [d, narrowCodes(get(d) as Int32Array, dicts[d].length)])) as Record<DictDim, Uint16Array | Int32Array>;
  const t = get('t') as Int32Array;
  let minT = n ? t[0] : 0;
  let maxT = minT;
  for (let i = 0; i < n; i++) {
    const v = t[i];
    if (v > maxT) maxT = v;
    if (v < minT) minT = v;
  }
  return {
    generation, dicts, categories: repo.categories(), minT, maxT,
    cols: {
      n, id, t, resp: get('resp') as Int32Array, close: get('close') as Int32Array, cat: get('cat') as Int32Array,
      transfers: get('transfers') as Uint8Array, sat: get('sat') as Uint8Array, alive: aliveMask(id, batchOfRow), codes,
    },
  };
}

/** The buffers of a core's columns, to transfer (not copy) between threads. */
export function coreBuffers(core: StatsCore): ArrayBuffer[] {
  const { n: _n, codes, ...rest } = core.cols;
  const arrays = [...Object.values(rest), ...Object.values(codes)] as ArrayBufferView[];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
