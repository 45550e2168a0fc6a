/**
 * Read side of the segmented words: decoded chunks and vocabulary cached per project version, and
 * the set of records a filter selects as a bitmap over record ids. Analyses scan the chunks, so a
 * filter over 2 million records costs one id query plus a pass over typed arrays.
 */
import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import { stopwordSet } from '../../../../shared/domain/text';
import { TextChunkRepository, type TermChunk } from '../../db/repos/text-chunks';
import { SqliteTextRepository } from '../../db/repos/text-repo';

export interface TermIndex {
  version: string;
  chunks: TermChunk[];
  terms: string[];
  df: Uint32Array;
  docs: number;
}

export interface Selection {
  /** null = every record. */
  bitmap: Uint8Array | null;
  size: number;
}

const cache = new WeakMap<Database.Database, TermIndex>();

export function termIndex(db: Database.Database): TermIndex {
  const repo = new SqliteTextRepository(db);
  const version = repo.version();
  const hit = cache.get(db);
  if (hit?.version === version) return hit;
  const chunks = new TextChunkRepository(db).all();
  const vocab = repo.vocab();
  const size = vocab.length ? vocab[vocab.length - 1].id + 1 : 1;
  const terms = new Array<string>(size).fill('');
  const df = new Uint32Array(size);
  for (const v of vocab) { terms[v.id] = v.term; df[v.id] = v.df; }
  const idx: TermIndex = { version, chunks, terms, df, docs: chunks.reduce((a, c) => a + c.ids.length, 0) };
  cache.set(db, idx);
  return idx;
}

function isEverything(f: Filter): boolean {
  return Object.values(f).every((v) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0));
}

export function select(db: Database.Database, filter: Filter): Selection {
  if (isEverything(filter)) return { bitmap: null, size: termIndex(db).docs };
  const repo = new SqliteTextRepository(db);
  const ids = repo.filteredIds(filter);
  const bitmap = new Uint8Array(repo.maxRecordId() + 1);
  for (const id of ids) bitmap[id] = 1;
  return { bitmap, size: ids.length };
}

/** The complement of a selection (every indexed record not in it). */
export function complement(s: Selection, idx: TermIndex): Selection {
  if (!s.bitmap) return { bitmap: new Uint8Array(0), size: 0 };
  const maxId = idx.chunks.reduce((m, c) => Math.max(m, c.ids.length ? c.ids[c.ids.length - 1] : 0), 0);
  const bitmap = new Uint8Array(Math.max(maxId + 1, s.bitmap.length));
  for (let i = 0; i < bitmap.length; i++) bitmap[i] = s.bitmap[i] ? 0 : 1;
  return { bitmap, size: idx.docs - s.size };
}

/** Calls `visit` for every selected record: its terms as a sub-array and its receipt time. */
export function scan(idx: TermIndex, sel: Selection, visit: (terms: Uint16Array | Uint32Array, time: number, id: number) => void): number {
  let n = 0;
  for (const c of idx.chunks) {
    for (let i = 0; i < c.ids.length; i++) {
      const id = c.ids[i];
      if (sel.bitmap && !sel.bitmap[id]) continue;
      n++;
      visit(c.terms.subarray(c.offs[i], c.offs[i + 1]), c.times[i], id);
    }
  }
  return n;
}

/** Document frequency of every term within a selection. */
export function countTerms(idx: TermIndex, sel: Selection): { counts: Uint32Array; docs: number } {
  const counts = new Uint32Array(idx.terms.length);
  const docs = scan(idx, sel, (terms) => { for (let k = 0; k < terms.length; k++) counts[terms[k]]++; });
  return { counts, docs };
}

/**
 * A predicate that is true for stopword term ids (defaults ± the analyst's changes) and, unless
 * `places` is set, for the place names of loaded layers (which otherwise fill every keyword list).
 */
export function stopSkipper(db: Database.Database, idx: TermIndex, places = false): (id: number) => boolean {
  const repo = new SqliteTextRepository(db);
  const stop = stopwordSet(repo.words('stop'), repo.words('unstop'));
  if (!places) for (const p of repo.placeNames()) stop.add(p.toLowerCase());
  const flags = new Uint8Array(idx.terms.length);
  idx.terms.forEach((t, i) => { if (stop.has(t)) flags[i] = 1; });
  return (id) => flags[id] === 1;
}
