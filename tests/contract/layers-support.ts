/** Helpers of the layer contract tests: jobs run to completion, CSV files read back through the import readers. */
import { expect } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { openRowSource, sniffFile } from '../../electron/engine/services/import/readers';
import { cellText } from '../../electron/engine/services/import/readers/source';

export interface JobOutcome { job: { status: string; message: string | null }; result?: unknown; error?: { code: string; message: string } }

/** Starts a job and waits for its job.done event. */
export async function runJobRaw(api: ApiClient, start: () => Promise<{ jobId: string }>): Promise<JobOutcome> {
  let resolve!: (v: JobOutcome) => void;
  const done = new Promise<JobOutcome>((r) => { resolve = r; });
  const off = api.on('job.done', (d) => resolve(d as JobOutcome));
  try {
    await start();
    return await done;
  } finally {
    off();
  }
}

export async function runJob<T = unknown>(api: ApiClient, start: () => Promise<{ jobId: string }>): Promise<T> {
  const d = await runJobRaw(api, start);
  expect(d.job.status, d.job.message ?? '').toBe('succeeded');
  return d.result as T;
}

/** A CSV/TSV file as header-keyed rows (encoding and dialect detected). */
export async function readTable(file: string): Promise<Record<string, string>[]> {
  const s = await sniffFile(file);
  const src = await openRowSource(file, { format: s.format, encoding: s.encoding ?? undefined, delimiter: s.delimiter ?? undefined, quote: s.quote ?? undefined });
  const out: Record<string, string>[] = [];
  try {
    for await (const batch of src.batches(5000)) {
      for (const r of batch) {
        const o: Record<string, string> = {};
        src.headers.forEach((h, i) => { o[h] = cellText(r.cells[i] ?? null); });
        out.push(o);
      }
    }
  } finally {
    await src.close();
  }
  return out;
}

/** Imports a CSV of records with the suggested mapping. */
export async function importRecords(api: ApiClient, file: string, sourceCode: string, timezone = 'Asia/Shanghai'): Promise<{ batchId: number; imported: number }> {
  const pv = await api.call('import.preview', { path: file });
  const options = { format: pv.sniffed.format, encoding: pv.sniffed.encoding ?? undefined, delimiter: (pv.sniffed.delimiter ?? undefined) as never };
  const mapping = { columns: pv.suggestions.map(({ column, header, field }) => ({ column, header, field })), timezone, crs: 'wgs84' as const };
  return runJob(api, () => api.call('import.start', { path: file, sourceCode, options, mapping, onDuplicate: 'skip' }));
}
