import path from 'node:path';
import fs from 'node:fs';
import { ApiError } from '../../../../shared/api/errors';
import type { ImportResult, MappingSpecInput, ReadOptionsInput } from '../../../../shared/api/areas/import';
import { createRowMapper, QualityAccumulator } from '../../../../shared/domain/ingest';
import type { MappingSpec } from '../../../../shared/domain/ingest/types';
import { createCategoryResolver } from '../../../../shared/domain/taxonomy/resolve';
import type { JobContext } from '../../jobs/types';
import { SqliteImportRepository } from '../../db/repos/import-repo';
import { SqliteTaxonomyRepository } from '../../db/repos/taxonomy-repo';
import { SqliteAuditRepository } from '../../db/repos/audit-repo';
import { dropSecondaryIndexes, rebuildIndexes } from '../../db/repos/indexes';
import { openRowSource } from './readers';
import { newSalt, phoneHasher, sha256File } from './hash';

export interface ImportParams {
  path: string;
  sourceCode: string;
  sourceName?: string;
  options: ReadOptionsInput;
  mapping: MappingSpecInput;
  onDuplicate: 'skip' | 'update';
}

/** Files above this size drop and rebuild the secondary indexes of `records` (faster for big batches). */
const BIG_FILE_BYTES = 64 * 1024 * 1024;
const BATCH_ROWS = 2000;

/**
 * One import = one batch = one transaction (held by the job runner). Every non-blank data row ends as
 * imported, updated, duplicate or rejected; rejected rows are kept with their reason and raw text.
 */
export async function runImport(ctx: JobContext, p: ImportParams): Promise<ImportResult> {
  const t0 = ctx.now();
  if (!fs.existsSync(p.path)) throw new ApiError('FILE_NOT_FOUND', { path: p.path });
  const fileSize = fs.statSync(p.path).size;
  const repo = new SqliteImportRepository(ctx.db);
  const taxonomy = new SqliteTaxonomyRepository(ctx.db);
  ctx.progress(0, fileSize, 'sha256');
  const sha256 = await sha256File(p.path);
  const source = await openRowSource(p.path, p.options);
  try {
    repo.ensureSource(p.sourceCode, p.sourceName);
    const batchId = repo.createBatch({ sourceCode: p.sourceCode, fileName: path.basename(p.path), sha256, fileSize, mapping: p.mapping, readOptions: p.options, startedAt: t0 });
    let salt = repo.getMeta('phone_salt');
    if (!salt) { salt = newSalt(); repo.setMeta('phone_salt', salt); }
    const hashPhone = phoneHasher(salt);
    const mapping = p.mapping as MappingSpec;
    const mapper = createRowMapper(mapping, { headerCount: source.headers.length, now: ctx.now() });
    const quality = new QualityAccumulator(mapping);
    const resolver = createCategoryResolver(taxonomy.tree(), taxonomy.crosswalk(p.sourceCode));
    const write = repo.recordWriter(batchId, p.sourceCode, p.onDuplicate);
    const reject = repo.rejecter(batchId);
    // Rebuilding indexes once beats maintaining them row by row only when the batch is large relative to the table.
    const existing = (ctx.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    const bulk = fileSize >= BIG_FILE_BYTES && fileSize / 300 > existing;
    const dropped = bulk ? dropSecondaryIndexes(ctx.db, 'records', ['records_source_ext']) : [];
    const counts = { rowsRead: 0, imported: 0, updated: 0, duplicates: 0, rejected: 0 };
    for await (const rows of source.batches(BATCH_ROWS)) {
      ctx.checkCancelled();
      for (const raw of rows) {
        counts.rowsRead++;
        const r = mapper(raw.cells, raw.rowNumber);
        if (!r.ok) {
          reject(raw.rowNumber, r.rejection.code, r.rejection.params, raw.raw);
          quality.addRejection(r.rejection);
          counts.rejected++;
          continue;
        }
        const cats = resolver.resolve(r.row.catLabels, r.row.categoryOriginal);
        if (!cats && (r.row.categoryOriginal || r.row.catLabels.some((l) => l))) r.flags.push('unknown_category');
        quality.add(r.row, r.flags);
        const phone = r.row.callerPhone;
        const outcome = write(r.row, cats ?? { cat1: null, cat2: null, cat3: null }, phone ? hashPhone(phone) : null, phone && mapping.keepPhone ? phone : null);
        if (outcome === 'imported') counts.imported++; else if (outcome === 'updated') counts.updated++; else counts.duplicates++;
      }
      ctx.progress(source.bytesRead(), source.totalBytes, `${counts.rowsRead}`);
    }
    ctx.checkCancelled();
    ctx.progress(source.totalBytes, source.totalBytes, 'indexes');
    if (dropped.length) rebuildIndexes(ctx.db, dropped);
    const placeholders = repo.placeholderPoints(batchId, 0.02, 20);
    let marked = 0;
    for (const pt of placeholders) marked += repo.markPlaceholder(batchId, pt);
    const seconds = (ctx.now() - t0) / 1000;
    const base = quality.toReport();
    const report = {
      ...base, placeholderPoints: placeholders,
      locations: { ...base.locations, coordinates: base.locations.coordinates - marked, placeholder: base.locations.placeholder + marked },
    };
    repo.finishBatch(batchId, { ...counts, blankRows: source.blankRows(), quality: report, finishedAt: ctx.now(), seconds });
    new SqliteAuditRepository(ctx.db).append({ at: ctx.now(), actor: 'user', action: 'import', detail: { batchId, file: path.basename(p.path), sha256, sourceCode: p.sourceCode, ...counts, blankRows: source.blankRows() } });
    return { batchId, ...counts, blankRows: source.blankRows(), seconds };
  } finally {
    await source.close();
  }
}
