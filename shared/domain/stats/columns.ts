/**
 * The columnar form of the records the dashboard reads: one typed array per field, text fields
 * dictionary-coded (code 0 = empty). The engine fills it from its summary store; tests build it from
 * plain arrays. Every metric is a scan over these arrays, so any filter combination costs the same.
 */

/** Text fields kept dictionary-coded. */
export const DICT_DIMS = ['source', 'district', 'street', 'community', 'department', 'status', 'channel', 'requestType', 'categoryOriginal'] as const;
export type DictDim = (typeof DICT_DIMS)[number];

/** Received time is stored as whole seconds since this instant (2000-01-01T00:00Z), so Int32 lasts to 2068. */
export const T_EPOCH_MS = Date.UTC(2000, 0, 1);
/** Missing duration / time in Int32 columns. */
export const NULL_I32 = -2147483648;
/** Missing satisfaction (stored 0–100). */
export const NULL_SAT = 255;

export interface FactColumns {
  n: number;
  /** records.id */
  id: Int32Array;
  /** received_at as seconds since T_EPOCH_MS */
  t: Int32Array;
  /** first response − received, seconds (NULL_I32 when missing) */
  resp: Int32Array;
  /** closed − received, seconds (NULL_I32 when missing) */
  close: Int32Array;
  /** deepest category id (cat3 ?? cat2 ?? cat1), 0 = uncategorised */
  cat: Int32Array;
  transfers: Uint8Array;
  /** satisfaction × 100, NULL_SAT when unrated */
  sat: Uint8Array;
  /** 0 for rows superseded by a newer copy of the same record (kept out of every statistic) */
  alive: Uint8Array;
  codes: Record<DictDim, Uint16Array | Int32Array>;
  /** Loaded on demand (area filters, repeat requests). */
  lon?: Float64Array;
  lat?: Float64Array;
  /** First 32 bits of the caller hash, 0 = unknown. */
  caller?: Int32Array;
}

/** Dictionaries: values[code] is the text of a code; values[0] is the empty value (''). */
export type Dictionaries = Record<DictDim, readonly string[]>;

/** The unified category tree as the dashboard needs it. */
export interface CategoryNode { id: number; parentId: number | null; level: number; name: string }

export interface CategoryIndex {
  nodes: ReadonlyMap<number, CategoryNode>;
  /** ancestorAt[level-1][id] = the id of `id`'s ancestor (or itself) at that level, 0 if none. */
  ancestorAt: readonly [Int32Array, Int32Array, Int32Array];
}

export function buildCategoryIndex(nodes: readonly CategoryNode[]): CategoryIndex {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const size = nodes.reduce((m, n) => Math.max(m, n.id), 0) + 1;
  const at: [Int32Array, Int32Array, Int32Array] = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  for (const n of nodes) {
    for (let cur: CategoryNode | undefined = n, guard = 0; cur && guard < 4; guard++) {
      if (cur.level >= 1 && cur.level <= 3) at[cur.level - 1][n.id] = cur.id;
      cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
    }
  }
  return { nodes: byId, ancestorAt: at };
}

/** Reads a received time back as epoch ms. */
export const tToMs = (t: number): number => T_EPOCH_MS + t * 1000;
/** First stored second at or after `ms` (for `received_at >= ms`). */
export const msToTCeil = (ms: number): number => Math.ceil((ms - T_EPOCH_MS) / 1000);

/** Plain-array input for tests and small projects. */
export interface FactRow {
  id: number; receivedAt: number; firstResponseAt?: number | null; closedAt?: number | null;
  cat?: number | null; transfers?: number; satisfaction?: number | null;
  lon?: number | null; lat?: number | null; caller?: number;
  dims?: Partial<Record<DictDim, string | null>>;
}

/** Builds columns and dictionaries from rows (used by tests and as the reference implementation). */
export function columnsFromRows(rows: readonly FactRow[]): { cols: FactColumns; dicts: Dictionaries } {
  const n = rows.length;
  const dictMaps = Object.fromEntries(DICT_DIMS.map((d) => [d, new Map<string, number>([['', 0]])])) as Record<DictDim, Map<string, number>>;
  const codes = Object.fromEntries(DICT_DIMS.map((d) => [d, new Int32Array(n)])) as Record<DictDim, Int32Array>;
  const cols: FactColumns = {
    n, id: new Int32Array(n), t: new Int32Array(n), resp: new Int32Array(n), close: new Int32Array(n), cat: new Int32Array(n),
    transfers: new Uint8Array(n), sat: new Uint8Array(n), alive: new Uint8Array(n).fill(1), codes,
    lon: new Float64Array(n), lat: new Float64Array(n), caller: new Int32Array(n),
  };
  const dur = (end: number | null | undefined, start: number) => (end === null || end === undefined ? NULL_I32 : Math.round((end - start) / 1000));
  rows.forEach((r, i) => {
    cols.id[i] = r.id;
    cols.t[i] = Math.floor((r.receivedAt - T_EPOCH_MS) / 1000);
    cols.resp[i] = dur(r.firstResponseAt, r.receivedAt);
    cols.close[i] = dur(r.closedAt, r.receivedAt);
    cols.cat[i] = r.cat ?? 0;
    cols.transfers[i] = Math.min(255, r.transfers ?? 0);
    cols.sat[i] = r.satisfaction === null || r.satisfaction === undefined ? NULL_SAT : Math.round(r.satisfaction * 100);
    cols.lon![i] = r.lon ?? Number.NaN;
    cols.lat![i] = r.lat ?? Number.NaN;
    cols.caller![i] = r.caller ?? 0;
    for (const d of DICT_DIMS) {
      const v = r.dims?.[d] ?? '';
      const m = dictMaps[d];
      let c = m.get(v);
      if (c === undefined) { c = m.size; m.set(v, c); }
      codes[d][i] = c;
    }
  });
  const dicts = Object.fromEntries(DICT_DIMS.map((d) => [d, [...dictMaps[d].keys()]])) as unknown as Dictionaries;
  return { cols, dicts };
}
