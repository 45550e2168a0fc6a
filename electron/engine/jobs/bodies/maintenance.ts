import { updateDerived } from '../../services/derived';
import type { JobBody } from '../types';
import { SqliteImportRepository } from '../../db/repos/import-repo';
import { SqliteAuditRepository } from '../../db/repos/audit-repo';
import { applyCrosswalk, importTaxonomy, taxonomyFromData } from '../../services/import/taxonomy';

/** Undo of an import: removes the batch's records and rejected rows; the removal is recorded. */
export const removeBatchJob: JobBody<{ batchId: number }, { records: number; rejected: number }> = async (ctx, p) => {
  await updateDerived(ctx, { kind: 'batch-removed', batchId: p.batchId });
  const out = new SqliteImportRepository(ctx.db).removeBatch(p.batchId, ctx.now());
  new SqliteAuditRepository(ctx.db).append({ at: ctx.now(), actor: 'user', action: 'import.removeBatch', detail: { batchId: p.batchId, ...out } });
  return out;
};

export const crosswalkApplyJob: JobBody<{ sourceCode?: string }, unknown> = async (ctx, p) => {
  const out = applyCrosswalk(ctx, p.sourceCode);
  await updateDerived(ctx, { kind: 'recategorised' });
  new SqliteAuditRepository(ctx.db).append({ at: ctx.now(), actor: 'user', action: 'crosswalk.apply', detail: { sourceCode: p.sourceCode ?? null, ...out } });
  return out;
};

export const taxonomyImportJob: JobBody<{ path: string }, unknown> = async (ctx, p) => {
  const out = await importTaxonomy(ctx, p);
  if (out.records > 0) await updateDerived(ctx, { kind: 'recategorised' });
  return out;
};
export const taxonomyFromDataJob: JobBody<{ sourceCode?: string }, unknown> = async (ctx, p) => {
  const out = taxonomyFromData(ctx, p);
  if (out.records > 0) await updateDerived(ctx, { kind: 'recategorised' });
  return out;
};
