import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import { SqliteMapRepository } from '../../db/repos/map-repo';
import { ChunkBuilder, decodeChunk, type ChunkColumns } from './chunk-codec';
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

const PAGE = 50_000;
const SELECTION_CACHE = 6;

/**
 * The map's in-memory index for one open project: loaded from `map_chunks` (fast), or — for a
 * project whose chunks were never built (written before the map existed) — from the records table
 * page by page, yielding between pages so other calls are served meanwhile. Reloaded when another
 * connection (a job) has committed and the chunks changed. Selections are cached per filter.
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

  constructor(db: Database.Database) {
    this.repo = new SqliteMapRepository(db);
  }

  async getIndex(): Promise<PointIndex> {
    const dv = this.repo.dataVersion();
    if (this.index && dv === this.dataVersion) return this.index;
    if (this.loading) return this.loading;
    const sig = this.repo.chunkSignature();
    if (this.index && sig === this.signature && !sig.startsWith('0|')) { this.dataVersion = dv; return this.index; }
    this.loading = this.load(sig, dv).finally(() => { this.loading = null; });
    return this.loading;
  }

  private async load(sig: string, dv: number): Promise<PointIndex> {
    let chunks: ChunkColumns[];
    if (!sig.startsWith('0|')) {
      chunks = this.repo.readChunks().map((b) => decodeChunk(b));
    } else {
      const b = new ChunkBuilder();
      let after = 0;
      for (;;) {
        const rows = this.repo.locatedPage(after, PAGE);
        for (const r of rows) b.push(r);
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1][0];
        await new Promise((r) => setImmediate(r));
      }
      chunks = [b.finish()];
    }
    this.index = new PointIndex(chunks);
    this.signature = sig;
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
export function mapStateFor(db: Database.Database): MapState {
  let s = states.get(db);
  if (!s) { s = new MapState(db); states.set(db, s); }
  return s;
}
