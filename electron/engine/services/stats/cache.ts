/**
 * The open project's statistics columns in memory, loaded from stats_chunks and reloaded when a job
 * changed them (the stored generation moved). Heavy columns (coordinates, callers) load on first use.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../../shared/api/errors';
import {
  buildCategoryIndex, DICT_DIMS, type CategoryIndex, type Dictionaries, type DictDim, type FactColumns,
} from '../../../../shared/domain/stats/columns';
import { repeatFlags } from '../../../../shared/domain/stats/performance';
import { SqliteStatsRepository } from '../../db/repos/stats-repo';
import { colType, decodeColumn, type ChunkCol } from './chunks';

export interface StatsData {
  generation: number;
  cols: FactColumns;
  dicts: Dictionaries;
  cats: CategoryIndex;
  repo: SqliteStatsRepository;
  /** Earliest and latest receipt in the project (stored seconds); maxT is "now" for open requests' ages. */
  minT: number;
  maxT: number;
  repeat(): Uint8Array;
}

type AnyTyped = Int32Array | Uint8Array | Float64Array;

function concatColumn(repo: SqliteStatsRepository, col: ChunkCol, n: number): AnyTyped {
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

function load(db: Database.Database): StatsData {
  const repo = new SqliteStatsRepository(db);
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
  const cols: FactColumns = {
    n, id, t: get('t') as Int32Array, resp: get('resp') as Int32Array, close: get('close') as Int32Array, cat: get('cat') as Int32Array,
    transfers: get('transfers') as Uint8Array, sat: get('sat') as Uint8Array, alive: aliveMask(id, batchOfRow), codes,
  };
  let minT = n ? cols.t[0] : 0;
  let maxT = minT;
  for (let i = 0; i < n; i++) {
    const t = cols.t[i];
    if (t > maxT) maxT = t;
    if (t < minT) minT = t;
  }
  let repeat: Uint8Array | null = null;
  const data: StatsData = {
    generation, cols, dicts, cats: buildCategoryIndex(repo.categories()), repo, minT, maxT,
    repeat: () => {
      if (!cols.caller) cols.caller = get('caller') as Int32Array;
      repeat ??= repeatFlags(cols, 30);
      return repeat;
    },
  };
  Object.defineProperty(cols, 'lon', { configurable: true, enumerable: true, get: lazy(() => get('lon') as Float64Array) });
  Object.defineProperty(cols, 'lat', { configurable: true, enumerable: true, get: lazy(() => get('lat') as Float64Array) });
  return data;
}

function lazy<T>(fn: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= fn());
}

const CACHE = new WeakMap<Database.Database, StatsData>();

/**
 * The statistics of the project on `db`, current as of the last committed job. Throws
 * STATS_PREPARING (with the job id) while an older project's columns are built by `startRebuild`.
 */
export function statsData(db: Database.Database, startRebuild: () => string): StatsData {
  const repo = new SqliteStatsRepository(db);
  if (repo.needsRebuild()) throw new ApiError('STATS_PREPARING', { jobId: startRebuild() });
  const cached = CACHE.get(db);
  if (cached && cached.generation === repo.generation()) return cached;
  const fresh = load(db);
  CACHE.set(db, fresh);
  return fresh;
}
