import path from 'node:path';
import fs from 'node:fs';
import { ApiError } from '../../../../shared/api/errors';
import type { ImportResult, MappingSpecInput, ReadOptionsInput } from '../../../../shared/api/areas/import';
import type { JobContext } from '../../jobs/types';
import { DUPLICATE, SqliteImportRepository, UPDATED } from '../../db/repos/import-repo';
import { SqliteLayersRepository } from '../../db/repos/layers-repo';
import { SqliteTaxonomyRepository } from '../../db/repos/taxonomy-repo';
import { SqliteAuditRepository } from '../../db/repos/audit-repo';
import { dropSecondaryIndexes, rebuildIndexes } from '../../db/repos/indexes';
import { newSalt } from './hash';
import { hashInBackground } from './hash-thread';
import { produce, type ProduceEnd, type ProduceParams, type ProducedBatch } from './produce';
import { produceInThread } from './threaded';
import { textBytesOf } from './readers';
import { timed } from '../derived/timing';
import { ImportSummaries } from './summaries';

export interface ImportParams {
  path: string;
  sourceCode: string;
  sourceName?: string;
  options: ReadOptionsInput;
  mapping: MappingSpecInput;
  onDuplicate: 'skip' | 'update';
}

/**
 * Files above this size (as CSV-like text: see textBytesOf for XLSX) drop and rebuild the secondary
 * indexes of `records` once at the end (when the batch is large relative to the table). Measured (300k rows, 130 MB): 13.5 s with the rebuild, 19.0 s
 * maintaining the indexes row by row; at 1M rows the two were within 6 %; at 5M the rebuild finished
 * in 192 s while row-by-row maintenance was still loading after 4 minutes.
 */
const BIG_FILE_BYTES = Number(process.env.MINSHENG_IMPORT_REBUILD_MIN_BYTES ?? 64 * 1024 * 1024);
/**
 * Files from this size on are read and mapped in a helper thread while this one writes (batches cross
 * as structured clones, see parse-thread.ts). Measured with bench:import on 2 cores, alternating runs:
 * 1M CSV rows phase 11.3–13.0 s threaded against 13.9–19.4 s inline (ratio to `.import` 3.6–4.5×
 * against 4.2–5.0×); 300k CSV 4.3–4.6 s against 4.9–5.9 s; 200k XLSX 3.8–4.0 s against 4.7–5.1 s. The
 * price is a second JavaScript heap: peak RSS 390–420 MB against 325–335 MB at 1M. Below this size
 * the thread's start-up is not worth it. MINSHENG_IMPORT_THREAD_MIN_BYTES overrides (tests run both).
 */
const THREAD_MIN_BYTES = Number(process.env.MINSHENG_IMPORT_THREAD_MIN_BYTES ?? 16 * 1024 * 1024);
/** Off only to check the streamed summaries against the read-back ones (tests). */
const STREAM_SUMMARIES = process.env.MINSHENG_IMPORT_STREAM_SUMMARIES !== '0';

/** A point carrying this share of a batch's located records, and at least this many, is a placeholder. */
const PLACEHOLDER_SHARE = 0.02;
const PLACEHOLDER_MIN = 20;

/** An import's result and what it built on the way for the derived builders (see summaries.ts). */
export interface ImportOutcome { result: ImportResult; prepared: Record<string, unknown> }

/**
 * One import = one batch = one transaction (held by the job runner). Every non-blank data row ends as
 * imported, updated, duplicate or rejected; rejected rows are kept with their reason and raw text.
 */
export async function runImport(ctx: JobContext, p: ImportParams): Promise<ImportOutcome> {
  const t0 = ctx.now();
  if (!fs.existsSync(p.path)) throw new ApiError('FILE_NOT_FOUND', { path: p.path });
  const fileSize = fs.statSync(p.path).size;
  const repo = new SqliteImportRepository(ctx.db);
  const taxonomy = new SqliteTaxonomyRepository(ctx.db);
  // The checksum is computed beside the import and stored with the batch when it ends.
  const hashing = hashInBackground(ctx, p.path);
  try {
    return await importRows(ctx, p, { t0, fileSize, repo, taxonomy, sha256: hashing.hex });
  } finally {
    hashing.stop();
  }
}

async function importRows(ctx: JobContext, p: ImportParams, o: { t0: number; fileSize: number; repo: SqliteImportRepository; taxonomy: SqliteTaxonomyRepository; sha256: Promise<string> }): Promise<ImportOutcome> {
  const { t0, fileSize, repo, taxonomy } = o;
  repo.ensureSource(p.sourceCode, p.sourceName);
  const batchId = repo.createBatch({ sourceCode: p.sourceCode, fileName: path.basename(p.path), sha256: '', fileSize, mapping: p.mapping, readOptions: p.options, startedAt: t0 });
  let salt = repo.getMeta('phone_salt');
  if (!salt) { salt = newSalt(); repo.setMeta('phone_salt', salt); }
  const params: ProduceParams = {
    path: p.path, options: p.options, mapping: p.mapping, sourceCode: p.sourceCode, batchId, now: ctx.now(),
    tree: taxonomy.tree(), crosswalk: [...taxonomy.crosswalk(p.sourceCode)], salt,
  };
  // Rebuilding indexes once beats maintaining them row by row only when the batch is large relative to the table.
  const existing = (ctx.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
  const textBytes = await textBytesOf(p.path, p.options, fileSize);
  const dropped = textBytes >= BIG_FILE_BYTES && textBytes / 300 > existing ? dropSecondaryIndexes(ctx.db, 'records', ['records_source_ext']) : [];
  const write = repo.valuesWriter(p.onDuplicate);
  const reject = repo.rejecter(batchId);
  const counts = { rowsRead: 0, imported: 0, updated: 0, duplicates: 0, rejected: 0 };
  const summaries = STREAM_SUMMARIES ? new ImportSummaries(ctx.db, batchId, ctx.now) : null;
  const batches: AsyncGenerator<ProducedBatch, ProduceEnd> = ctx.spawnHelper && fileSize >= THREAD_MIN_BYTES ? produceInThread(ctx, params) : produce(params);
  const end = await timed('import:rows', async (): Promise<ProduceEnd> => {
    for (;;) {
      const next = await batches.next();
      if (next.done) return next.value;
      ctx.checkCancelled();
      const b = next.value;
      for (const vals of b.rows) {
        const id = write(vals);
        if (id > 0) { counts.imported++; summaries?.add(id, vals); } else if (id === UPDATED) { counts.updated++; summaries?.updated(vals); } else if (id === DUPLICATE) counts.duplicates++;
      }
      for (const [rowNumber, code, params, raw] of b.rejects) reject(rowNumber, code, JSON.parse(params), raw);
      counts.rejected += b.rejects.length;
      counts.rowsRead = b.rowsRead;
      ctx.progress(b.bytesRead, b.totalBytes, `${b.rowsRead}`);
    }
  });
  ctx.checkCancelled();
  const autoGeocode = new SqliteLayersRepository(ctx.db).config().autoGeocode;
  const settled = { updated: counts.updated, autoGeocode };
  const stats = timed('import:summaries', () => summaries?.settleStats(settled) ?? {});
  // Before anything of this job sorts in a temporary table: the rebuild can then sort in temporary files (see indexes.ts).
  ctx.progress(fileSize, fileSize, 'indexes');
  if (dropped.length) timed('import:indexes', () => rebuildIndexes(ctx.db, dropped));
  const placeholders = timed('import:placeholders', () => (summaries?.placeholderPossible(PLACEHOLDER_SHARE, PLACEHOLDER_MIN) ?? true ? repo.placeholderPoints(batchId, PLACEHOLDER_SHARE, PLACEHOLDER_MIN) : []));
  let marked = 0;
  for (const pt of placeholders) marked += repo.markPlaceholder(batchId, pt);
  const prepared = { ...stats, ...(summaries?.settleMap({ ...settled, placeholdersMarked: marked }) ?? {}) };
  const sha256 = await timed('import:sha256 (wait)', () => o.sha256);
  const seconds = (ctx.now() - t0) / 1000;
  const base = end.quality;
  const report = {
    ...base, placeholderPoints: placeholders,
    locations: { ...base.locations, coordinates: base.locations.coordinates - marked, placeholder: base.locations.placeholder + marked },
  };
  repo.finishBatch(batchId, { sha256, ...counts, blankRows: end.blankRows, quality: report, finishedAt: ctx.now(), seconds });
  new SqliteAuditRepository(ctx.db).append({ at: ctx.now(), actor: 'user', action: 'import', detail: { batchId, file: path.basename(p.path), sha256, sourceCode: p.sourceCode, ...counts, blankRows: end.blankRows } });
  return { result: { batchId, ...counts, blankRows: end.blankRows, seconds }, prepared };
}
