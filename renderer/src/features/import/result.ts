import type { Batch, ImportResult } from '../../../../shared/api/areas/import';

const KEYS = ['batchId', 'rowsRead', 'blankRows', 'imported', 'updated', 'duplicates', 'rejected', 'seconds'] as const;

/** The `result` of a `job.done` event as an ImportResult, or null when it is not one. */
export function toImportResult(x: unknown): ImportResult | null {
  if (!x || typeof x !== 'object') return null;
  const o = x as Record<string, unknown>;
  for (const k of KEYS) if (typeof o[k] !== 'number' || !Number.isFinite(o[k])) return null;
  return Object.fromEntries(KEYS.map((k) => [k, o[k]])) as unknown as ImportResult;
}

/** A finished batch as an ImportResult (fallback when the job's own result was not received). */
export function resultFromBatch(b: Batch): ImportResult {
  return {
    batchId: b.id, rowsRead: b.rowsRead, blankRows: b.blankRows, imported: b.imported, updated: b.updated,
    duplicates: b.duplicates, rejected: b.rejected, seconds: b.seconds ?? (b.finishedAt ? (b.finishedAt - b.startedAt) / 1000 : 0),
  };
}

/** The four outcomes of the rows read, in display order; they add up to rowsRead. */
export const OUTCOMES = ['imported', 'updated', 'duplicates', 'rejected'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Share of rows read, 0..100 with one decimal (0 when nothing was read). */
export function shareOf(n: number, rowsRead: number): number {
  return rowsRead > 0 ? Math.round((n / rowsRead) * 1000) / 10 : 0;
}
