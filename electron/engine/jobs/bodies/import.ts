import type { JobBody } from '../types';
import type { ImportResult } from '../../../../shared/api/areas/import';
import { runImport, type ImportParams } from '../../services/import/pipeline';
import { updateDerived } from '../../services/derived';

/**
 * Imports of at least this many new or updated records leave the expensive derived data (full-text
 * index, alert detection) to the `derived.refresh` job started right after; smaller ones do it all
 * in their own transaction, so their results are complete the moment the import ends.
 */
const DEFER_MIN_ROWS = Number(process.env.MINSHENG_DERIVED_DEFER_MIN_ROWS ?? 50_000);

export const importJob: JobBody<ImportParams, ImportResult> = async (ctx, p) => {
  const { result: out, prepared } = await runImport(ctx, p);
  await updateDerived(ctx, { kind: 'batch-added', batchId: out.batchId }, { defer: out.imported + out.updated >= DEFER_MIN_ROWS, prepared });
  return out;
};
