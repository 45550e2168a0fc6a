import type { JobBody } from '../types';
import type { ImportResult } from '../../../../shared/api/areas/import';
import { runImport, type ImportParams } from '../../services/import/pipeline';
import { updateDerived } from '../../services/derived';

export const importJob: JobBody<ImportParams, ImportResult> = async (ctx, p) => {
  const out = await runImport(ctx, p);
  await updateDerived(ctx, { kind: 'batch-added', batchId: out.batchId });
  return out;
};
