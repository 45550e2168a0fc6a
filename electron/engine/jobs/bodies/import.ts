import type { JobBody } from '../types';
import type { ImportResult } from '../../../../shared/api/areas/import';
import { runImport, type ImportParams } from '../../services/import/pipeline';

export const importJob: JobBody<ImportParams, ImportResult> = (ctx, p) => runImport(ctx, p);
