import type Database from 'better-sqlite3';

/** Record ids per chunk of segmented terms (chunk = id >> CHUNK_BITS). */
export const CHUNK_BITS = 12;

/** One record's segmented words: distinct term ids, ascending. */
export interface TermEntry {
  time: number;
  terms: Uint32Array;
}

/** A decoded chunk: parallel arrays, ids ascending; terms of record i are terms[offs[i] .. offs[i+1]). */
export interface TermChunk {
  chunk: number;
  ids: Uint32Array;
  times: Float64Array;
  offs: Uint32Array;
  terms: Uint16Array | Uint32Array;
}

type Ctor<T> = { new (len: number): T; new (buf: ArrayBufferLike, off: number, len: number): T; BYTES_PER_ELEMENT: number };

/** A typed view over blob bytes (copied when the bytes are not aligned). */
function view<T extends ArrayBufferView>(buf: Buffer, C: Ctor<T>): T {
  const len = buf.byteLength / C.BYTES_PER_ELEMENT;
  if (buf.byteOffset % C.BYTES_PER_ELEMENT === 0) return new C(buf.buffer, buf.byteOffset, len);
  const out = new C(len);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

export function encodeChunk(chunk: number, entries: Map<number, TermEntry>): { chunk: number; n: number; wide: number; ids: Buffer; times: Buffer; offs: Buffer; terms: Buffer } {
  const ids = Uint32Array.from([...entries.keys()].sort((a, b) => a - b));
  const times = new Float64Array(ids.length);
  const offs = new Uint32Array(ids.length + 1);
  let total = 0;
  let max = 0;
  ids.forEach((id, i) => {
    const e = entries.get(id) as TermEntry;
    times[i] = e.time;
    total += e.terms.length;
    offs[i + 1] = total;
    for (const t of e.terms) if (t > max) max = t;
  });
  const wide = max > 0xffff ? 1 : 0;
  const terms = wide ? new Uint32Array(total) : new Uint16Array(total);
  ids.forEach((id, i) => terms.set((entries.get(id) as TermEntry).terms, offs[i]));
  return { chunk, n: ids.length, wide, ids: bytes(ids), times: bytes(times), offs: bytes(offs), terms: bytes(terms) };
}

interface ChunkRow { chunk: number; n: number; wide: number; ids: Buffer; times: Buffer; offs: Buffer; terms: Buffer }

function decode(r: ChunkRow): TermChunk {
  return {
    chunk: r.chunk, ids: view(r.ids, Uint32Array), times: view(r.times, Float64Array), offs: view(r.offs, Uint32Array),
    terms: r.wide ? view(r.terms, Uint32Array) : view(r.terms, Uint16Array),
  };
}

export function chunkEntries(c: TermChunk): Map<number, TermEntry> {
  const out = new Map<number, TermEntry>();
  c.ids.forEach((id, i) => out.set(id, { time: c.times[i], terms: Uint32Array.from(c.terms.subarray(c.offs[i], c.offs[i + 1])) }));
  return out;
}

/** SQL of the segmented-terms chunks. */
export class TextChunkRepository {
  constructor(private readonly db: Database.Database) {}

  get(chunk: number): TermChunk | null {
    const r = this.db.prepare('SELECT chunk, n, wide, ids, times, offs, terms FROM text_chunks WHERE chunk = ?').get(chunk) as ChunkRow | undefined;
    return r ? decode(r) : null;
  }

  put(chunk: number, entries: Map<number, TermEntry>): void {
    if (entries.size === 0) { this.db.prepare('DELETE FROM text_chunks WHERE chunk = ?').run(chunk); return; }
    const e = encodeChunk(chunk, entries);
    this.db.prepare('INSERT OR REPLACE INTO text_chunks(chunk, n, wide, ids, times, offs, terms) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(e.chunk, e.n, e.wide, e.ids, e.times, e.offs, e.terms);
  }

  all(): TermChunk[] {
    return (this.db.prepare('SELECT chunk, n, wide, ids, times, offs, terms FROM text_chunks ORDER BY chunk').all() as ChunkRow[]).map(decode);
  }

  clear(): void {
    this.db.exec('DELETE FROM text_chunks');
  }

  stats(): { chunks: number; records: number; bytes: number } {
    return this.db.prepare('SELECT count(*) AS chunks, coalesce(sum(n), 0) AS records, coalesce(sum(length(ids) + length(times) + length(offs) + length(terms)), 0) AS bytes FROM text_chunks').get() as never;
  }
}
