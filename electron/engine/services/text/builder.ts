/**
 * Keeps the text index current inside every record-changing job (a DerivedBuilder): the bigram FTS
 * table behind the search filter, the segmented words of each record (chunks + vocabulary with
 * document frequencies) and the personal-information counts per batch.
 */
import { bigramDocument, contentWords, countPii, type PiiKind } from '../../../../shared/domain/text';
import { CHUNK_BITS, TextChunkRepository, chunkEntries, type TermEntry } from '../../db/repos/text-chunks';
import { SqliteTextRepository, type TextSourceRow } from '../../db/repos/text-repo';
import type { JobContext } from '../../jobs/types';
import type { DerivedBuilder, RecordsChange } from '../derived';
import { segmenterFor, type TextSegmenter } from './segmenter';

const SLICE = 4096;

type PiiTally = Map<number, Map<PiiKind, { records: number; hits: number }>>;

export function projectSegmenter(repo: SqliteTextRepository): TextSegmenter {
  return segmenterFor(repo.placeNames(), repo.words('dict'));
}

/** One run of index maintenance over a job's connection. */
export class TextIndexer {
  private readonly repo: SqliteTextRepository;
  private readonly chunks: TextChunkRepository;
  private readonly seg: TextSegmenter;
  private readonly vocab = new Map<string, number>();
  private readonly df: number[] = [0];
  private readonly changed = new Set<number>();
  private readonly added: { id: number; term: string }[] = [];
  private readonly ftsInsert: (id: number, body: string) => void;
  private readonly ftsDelete: (id: number) => void;
  readonly pii: PiiTally = new Map();

  constructor(private readonly ctx: JobContext, opts: { fresh?: boolean } = {}) {
    this.repo = new SqliteTextRepository(ctx.db);
    this.chunks = new TextChunkRepository(ctx.db);
    if (opts.fresh) {
      this.repo.ftsClear();
      this.chunks.clear();
      this.repo.clearVocab();
      this.repo.deletePii(null);
    } else {
      for (const v of this.repo.vocab()) { this.vocab.set(v.term, v.id); this.df[v.id] = v.df; }
    }
    this.seg = projectSegmenter(this.repo);
    this.ftsInsert = this.repo.ftsInsert();
    this.ftsDelete = this.repo.ftsDelete();
  }

  private termId(term: string): number {
    let id = this.vocab.get(term);
    if (id === undefined) {
      id = this.df.length;
      this.vocab.set(term, id);
      this.df.push(0);
      this.added.push({ id, term });
    }
    return id;
  }

  private adjust(terms: Uint32Array, by: 1 | -1): void {
    for (const t of terms) { this.df[t] += by; this.changed.add(t); }
  }

  termsOf(title: string | null, content: string | null): Uint32Array {
    const words = contentWords(`${title ?? ''} ${content ?? ''}`, this.seg.segment);
    return Uint32Array.from(new Set(words.map((w) => this.termId(w)))).sort();
  }

  private tallyPii(r: TextSourceRow): void {
    const counts = countPii(`${r.title ?? ''}\n${r.content ?? ''}`);
    let batch = this.pii.get(r.batchId);
    for (const [kind, hits] of Object.entries(counts) as [PiiKind, number][]) {
      if (!batch) { batch = new Map(); this.pii.set(r.batchId, batch); }
      const c = batch.get(kind) ?? { records: 0, hits: 0 };
      c.records++;
      c.hits += hits;
      batch.set(kind, c);
    }
  }

  /** Indexes (or re-indexes) rows sorted by id. */
  indexRows(rows: readonly TextSourceRow[]): void {
    let i = 0;
    while (i < rows.length) {
      const chunk = rows[i].id >> CHUNK_BITS;
      const existing = this.chunks.get(chunk);
      const entries = existing ? chunkEntries(existing) : new Map<number, TermEntry>();
      for (; i < rows.length && rows[i].id >> CHUNK_BITS === chunk; i++) {
        const r = rows[i];
        const old = entries.get(r.id);
        if (old) { this.adjust(old.terms, -1); this.ftsDelete(r.id); }
        const terms = this.termsOf(r.title, r.content);
        this.adjust(terms, 1);
        entries.set(r.id, { time: r.receivedAt, terms });
        this.ftsInsert(r.id, bigramDocument(r.title, r.content, r.address));
        this.tallyPii(r);
      }
      this.chunks.put(chunk, entries);
    }
  }

  /** Drops records (ascending ids) from every part of the index. */
  removeIds(ids: readonly number[]): void {
    let i = 0;
    while (i < ids.length) {
      const chunk = ids[i] >> CHUNK_BITS;
      const existing = this.chunks.get(chunk);
      const entries = existing ? chunkEntries(existing) : new Map<number, TermEntry>();
      for (; i < ids.length && ids[i] >> CHUNK_BITS === chunk; i++) {
        const old = entries.get(ids[i]);
        if (!old) continue;
        this.adjust(old.terms, -1);
        this.ftsDelete(ids[i]);
        entries.delete(ids[i]);
      }
      if (existing) this.chunks.put(chunk, entries);
    }
    this.repo.forgetRecords(ids);
  }

  /** Streams the records of one batch (or all) through indexRows. */
  indexSource(batchId: number | null, total: number | null): number {
    let after = 0;
    let done = 0;
    for (;;) {
      const rows = this.repo.sourceRows(batchId, after, SLICE);
      if (rows.length === 0) break;
      this.indexRows(rows);
      after = rows[rows.length - 1].id;
      done += rows.length;
      this.ctx.progress(done, total, '正在建立文本索引（分词、全文检索）');
      this.ctx.checkCancelled();
    }
    return done;
  }

  finish(): void {
    this.repo.saveVocab(this.added, this.df, this.changed);
    for (const [batchId, counts] of this.pii) this.repo.savePii(batchId, counts);
    this.repo.bumpVersion(this.ctx.now());
  }
}

/** Brings the whole text index up to date for one records change. */
export function updateTextIndex(ctx: JobContext, change: RecordsChange): void {
  if (change.kind === 'recategorised') return;
  const repo = new SqliteTextRepository(ctx.db);
  if (change.kind === 'rebuilt') {
    const ix = new TextIndexer(ctx, { fresh: true });
    ix.indexSource(null, repo.recordCount());
    ix.finish();
    repo.ftsOptimize();
    repo.setStale(false);
    repo.storeFtsBytes();
    return;
  }
  const ix = new TextIndexer(ctx);
  if (change.kind === 'batch-removed') {
    ix.removeIds(repo.batchRecordIds(change.batchId));
    repo.deletePii(change.batchId);
  } else {
    ix.indexSource(change.batchId, null);
    if (!ix.pii.has(change.batchId)) repo.deletePii(change.batchId);
  }
  ix.finish();
  repo.storeFtsBytes();
}

export const textBuilder: DerivedBuilder = { name: 'text', update: updateTextIndex };
