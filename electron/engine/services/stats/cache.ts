/**
 * The open project's statistics columns in memory, loaded from stats_chunks and reloaded when a job
 * changed them (the stored generation moved). The engine loads them in a helper thread
 * (statsDataAsync) so it keeps answering other calls meanwhile; statsData loads inline for callers
 * that need them synchronously. Heavy columns (coordinates, callers) load on first use.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../../shared/api/errors';
import { buildCategoryIndex, type CategoryIndex, type Dictionaries, type FactColumns } from '../../../../shared/domain/stats/columns';
import { repeatFlags } from '../../../../shared/domain/stats/performance';
import { SqliteStatsRepository } from '../../db/repos/stats-repo';
import { concatColumn, decodeStats, type StatsCore } from './decode';

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

function lazy<T>(fn: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= fn());
}

/** StatsData around decoded columns; coordinates and callers are read on first use. */
function assemble(core: StatsCore, repo: SqliteStatsRepository): StatsData {
  const cols = core.cols as FactColumns;
  const n = cols.n;
  let repeat: Uint8Array | null = null;
  const data: StatsData = {
    generation: core.generation, cols, dicts: core.dicts, cats: buildCategoryIndex(core.categories), repo, minT: core.minT, maxT: core.maxT,
    repeat: () => {
      cols.caller ??= concatColumn(repo, 'caller', n) as Int32Array;
      repeat ??= repeatFlags(cols, 30);
      return repeat;
    },
  };
  Object.defineProperty(cols, 'lon', { configurable: true, enumerable: true, get: lazy(() => concatColumn(repo, 'lon', n) as Float64Array) });
  Object.defineProperty(cols, 'lat', { configurable: true, enumerable: true, get: lazy(() => concatColumn(repo, 'lat', n) as Float64Array) });
  return data;
}

const CACHE = new WeakMap<Database.Database, StatsData>();
const PENDING = new WeakMap<Database.Database, { generation: number; promise: Promise<StatsData> }>();

function current(db: Database.Database, startRebuild: () => string): { repo: SqliteStatsRepository; hit: StatsData | null } {
  const repo = new SqliteStatsRepository(db);
  if (repo.needsRebuild()) throw new ApiError('STATS_PREPARING', { jobId: startRebuild() });
  const cached = CACHE.get(db);
  return { repo, hit: cached && cached.generation === repo.generation() ? cached : null };
}

/**
 * The statistics of the project on `db`, current as of the last committed job, loaded inline when
 * needed. Throws STATS_PREPARING (with the job id) while an older project's columns are built by
 * `startRebuild`.
 */
export function statsData(db: Database.Database, startRebuild: () => string): StatsData {
  const { repo, hit } = current(db, startRebuild);
  if (hit) return hit;
  const fresh = assemble(db.transaction(() => decodeStats(repo))(), repo);
  CACHE.set(db, fresh);
  return fresh;
}

/** The statistics columns when they are built (loaded inline if needed), or null — never starts their rebuild; callers fall back to SQL. */
export function readyStatsData(db: Database.Database): StatsData | null {
  if (new SqliteStatsRepository(db).needsRebuild()) return null;
  try { return statsData(db, () => { throw new Error('the columns are being rebuilt'); }); } catch { return null; }
}

/** Decodes the store of the project file off this thread (see load-thread.ts). */
export type ThreadLoader = () => Promise<StatsCore>;

/** Figures of the last load, for the benchmark. */
export const lastLoad = { ms: 0, inThread: false };

/**
 * statsData without blocking: the columns are decoded by `loadInThread` while this thread goes on
 * answering; concurrent callers share one load. Falls back to an inline load if the thread fails.
 */
export async function statsDataAsync(db: Database.Database, startRebuild: () => string, loadInThread: ThreadLoader): Promise<StatsData> {
  const { repo, hit } = current(db, startRebuild);
  if (hit) return hit;
  const generation = repo.generation();
  const pending = PENDING.get(db);
  if (pending && pending.generation === generation) return pending.promise;
  const t0 = performance.now();
  const promise = loadInThread().then(
    (core) => {
      const data = assemble(core, repo);
      Object.assign(lastLoad, { ms: performance.now() - t0, inThread: true });
      return data;
    },
    () => {
      Object.assign(lastLoad, { ms: 0, inThread: false });
      return statsData(db, startRebuild);
    },
  ).then((data) => {
    const cached = CACHE.get(db);
    // keep whichever is newer (an inline load may have finished meanwhile)
    if (!cached || cached.generation <= data.generation) CACHE.set(db, data);
    if (PENDING.get(db)?.promise === promise) PENDING.delete(db);
    return data;
  });
  PENDING.set(db, { generation, promise });
  return promise;
}
