import type { JobBody } from '../types';
import type { PackageExportResult, PackageImportResult } from '../../../../shared/api/areas/package';
import { runPackageExport, type PackageExportParams } from '../../services/package/export';
import { runPackageImport } from '../../services/package/import';

export const packageExportJob: JobBody<PackageExportParams, PackageExportResult> = (ctx, p) => runPackageExport(ctx, p);
export const packageImportJob: JobBody<{ dir: string }, PackageImportResult> = (ctx, p) => runPackageImport(ctx, p);
