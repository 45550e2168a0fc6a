import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import { SqliteMapRepository } from '../../db/repos/map-repo';
import { readIndexSource } from './chunk-codec';
import type { LoadedIndex } from './load-thread';
import { PointIndex, residualFilter } from './point-index';
import type { Memo } from './queries';

const MEMO_ENTRIES = 8;

/** A filter's rows and what has been derived from them (bin grids per zoom level…). */
interface Selection { sel: Uint32Array; memo: Memo }

function makeMemo(): Memo {
  const values = new Map<string, unknown>();
  return <T>(key: string, build: () => T): T => {
    if (values.has(key)) {
      const v = values.get(key) as T;
      values.delete(key); values.set(key, v);
      return v;
    }
    const v = build();
    values.set(key, v);
    if (values.size > MEMO_ENTRIES) values.delete(values.keys().next().value as string);
    return v;
  };
}

const SELECTION_CACHE = 6;

/** Builds the index off the engine thread (see load-thread.ts). */
export type IndexLoader = () => Promise<LoadedIndex>;

/**
 * The map's in-memory index for one open project: built from `map_chunks`, or — for a project whose
 * chunks were never built (written before the map existed) — from the records table; in a helper
 * thread when a loader is given (the engine keeps answering meanwhile), else inline. Reloaded when
 * another connection (a job) has committed and the chunks changed. Selections are cached per filter.
 */
export class MapState {
  readonly repo: SqliteMapRepository;
  private index: PointIndex | null = null;
  private signature = '';
  private dataVersion = -1;
  private loading: Promise<PointIndex> | null = null;
  private readonly selections = new Map<string, Selection>();

  /** Facts about the project's layers, until the data changes (see `once`). */
  private readonly facts = new Map<string, unknown>();

  /** A value computed once per key until another connection changes the project. */
  once<T>(key: string, build: () => T): T {
    const dv = this.repo.dataVersion();
    if (dv !== this.factsVersion) { this.facts.clear(); this.factsVersion = dv; }
    if (!this.facts.has(key)) this.facts.set(key, build());
    return this.facts.get(key) as T;
  }
  private factsVersion = -1;

  constructor(db: Database.Database, private readonly loader: IndexLoader | null = null) {
    this.repo = new SqliteMapRepository(db);
  }

  async getIndex(): Promise<PointIndex> {
    const dv = this.repo.dataVersion();
    if (this.index && dv === this.dataVersion) return this.index;
    if (this.loading) return this.loading;
    const sig = this.repo.chunkSignature();
    if (this.index && sig === this.signature && !sig.startsWith('0|')) { this.dataVersion = dv; return this.index; }
    this.loading = this.load(dv).finally(() => { this.loading = null; });
    return this.loading;
  }

  private async load(dv: number): Promise<PointIndex> {
    const loaded = this.loader ? await this.loader().catch(() => null) : null;
    if (loaded) {
      this.index = new PointIndex(loaded.parts);
      // The thread read its own snapshot: its signature is the one the index matches.
      this.signature = loaded.signature;
    } else {
      const { chunks, signature } = this.repo.db.transaction(() => readIndexSource(this.repo))();
      this.index = new PointIndex(chunks);
      this.signature = signature;
    }
    this.dataVersion = dv;
    this.selections.clear();
    return this.index;
  }

  /** Row indices of the located records matching `filter`, and a memo for what is derived from them (both cached for the last few filters). */
  async select(filter: Filter): Promise<{ index: PointIndex; sel: Uint32Array; memo: Memo }> {
    const index = await this.getIndex();
    const key = JSON.stringify(filter);
    let s = this.selections.get(key);
    if (!s) {
      const rest = residualFilter(filter);
      const ids = Object.keys(rest).length ? this.repo.matchingIds(rest) : null;
      s = { sel: index.select(filter, ids), memo: makeMemo() };
      this.selections.set(key, s);
      if (this.selections.size > SELECTION_CACHE) this.selections.delete(this.selections.keys().next().value as string);
    } else {
      this.selections.delete(key);
      this.selections.set(key, s);
    }
    return { index, sel: s.sel, memo: s.memo };
  }
}

const states = new WeakMap<Database.Database, MapState>();

/** The map state of the project whose connection is `db` (one per open project). */
export function mapStateFor(db: Database.Database, loader: IndexLoader | null = null): MapState {
  let s = states.get(db);
  if (!s) { s = new MapState(db, loader); states.set(db, s); }
  return s;
}
