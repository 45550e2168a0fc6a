import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../../shared/api/errors';
import { formatReason, headerSignature, suggestMapping } from '../../../../shared/domain/ingest';
import type { RejectCode } from '../../../../shared/domain/ingest/types';
import { sniffFile } from '../../services/import/readers';
import { distinctValues } from '../../services/import/distinct';
import { rowsToArrowIPC } from '../../services/arrow';
import { toCsvLine } from '../../services/import/csv-out';
import type { HandlerGroup } from '../types';
import { startProjectJob } from './jobs';

function requireFile(p: string): string {
  const abs = path.resolve(p);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) throw new ApiError('FILE_NOT_FOUND', { path: abs });
  return abs;
}

export const importHandlers: HandlerGroup<
  'import.preview' | 'import.previewRows' | 'import.distinctValues' | 'import.start' | 'import.batches' | 'import.batch' | 'import.rejected' | 'import.exportRejected' | 'import.removeBatch' | 'sources.list'
> = {
  'import.preview': async (i, ctx) => {
    const file = requireFile(i.path);
    const sniffed = await sniffFile(file, i.options);
    const project = ctx.projects.open;
    const template = project ? project.templates.findBySignature(headerSignature(sniffed.headers)) : null;
    const { sample: _sample, ...rest } = sniffed;
    return { path: file, fileName: path.basename(file), sniffed: rest, suggestions: suggestMapping(sniffed.headers), template };
  },
  'import.previewRows': async (i) => {
    const sniffed = await sniffFile(requireFile(i.path), i.options);
    const width = Math.max(sniffed.headers.length, ...sniffed.sample.map((r) => r.length));
    // Row numbers as in the source and in the rejected-rows view: the header is row headerRow (1 by default).
    const first = (i.options?.headerRow ?? 1) + 1;
    const rows = sniffed.sample.slice(0, i.limit ?? 20).map((r, idx) => {
      const o: Record<string, string | number | null> = { rowNumber: first + idx };
      for (let c = 0; c < width; c++) o[`c${c}`] = r[c] ?? null;
      return o;
    });
    const cols: [string, 'utf8' | 'int32'][] = [['rowNumber', 'int32'], ...Array.from({ length: width }, (_, c) => [`c${c}`, 'utf8'] as [string, 'utf8'])];
    return rowsToArrowIPC(rows, cols as never);
  },
  'import.distinctValues': (i) => distinctValues(requireFile(i.path), i.options ?? {}, i.column, i.maxRows, i.top),
  'import.start': async (i, ctx) => {
    const file = requireFile(i.path);
    const project = ctx.projects.require();
    const running = ctx.jobs.running();
    if (running) throw new ApiError('JOB_BUSY', { jobId: running.jobId });
    if (i.saveTemplate) {
      const sn = await sniffFile(file, i.options);
      project.templates.save({ sourceCode: i.sourceCode, name: i.saveTemplate.name, headerSignature: headerSignature(sn.headers), readOptions: i.options, mapping: i.mapping, updatedAt: Date.now() });
    }
    const jobId = startProjectJob(ctx, 'import.file', { path: file, sourceCode: i.sourceCode, sourceName: i.sourceName, options: i.options, mapping: i.mapping, onDuplicate: i.onDuplicate });
    return { jobId };
  },
  'import.batches': (_i, ctx) => ctx.projects.require().imports.listBatches(),
  'import.batch': (i, ctx) => {
    const repo = ctx.projects.require().imports;
    const b = repo.batchRow(i.batchId);
    if (!b) throw new ApiError('BAD_INPUT', { detail: `batch ${i.batchId} not found` });
    const locale = ctx.settings.locale;
    return {
      ...b, quality: (b.quality ?? null) as never,
      rejectReasons: repo.rejectReasonCounts(i.batchId).map((r) => ({ ...r, message: formatReason(r.code as RejectCode, {}, locale) })),
    };
  },
  'import.rejected': (i, ctx) => {
    const locale = ctx.settings.locale;
    const rows = ctx.projects.require().imports.rejectedPage(i.batchId, i.reason, i.offset, i.limit)
      .map((r) => ({ rowNumber: r.rowNumber, reasonCode: r.reasonCode, reason: formatReason(r.reasonCode as RejectCode, JSON.parse(r.params || '{}'), locale), raw: r.raw }));
    return rowsToArrowIPC(rows, [['rowNumber', 'int32'], ['reasonCode', 'utf8'], ['reason', 'utf8'], ['raw', 'utf8']]);
  },
  'import.exportRejected': (i, ctx) => {
    const out = path.resolve(i.path);
    const locale = ctx.settings.locale;
    const fd = fs.openSync(out, 'w');
    let rows = 0;
    try {
      fs.writeSync(fd, `\uFEFF${toCsvLine(locale === 'en' ? ['row', 'reason code', 'reason', 'raw'] : ['行号', '原因代码', '原因', '原始内容'])}\r\n`);
      for (const r of ctx.projects.require().imports.rejectedAll(i.batchId, i.reason)) {
        fs.writeSync(fd, `${toCsvLine([String(r.rowNumber), r.reasonCode, formatReason(r.reasonCode as RejectCode, JSON.parse(r.params || '{}'), locale), r.raw])}\r\n`);
        rows++;
      }
    } finally {
      fs.closeSync(fd);
    }
    return { path: out, rows };
  },
  'import.removeBatch': (i, ctx) => ({ jobId: startProjectJob(ctx, 'import.removeBatch', { batchId: i.batchId }) }),
  'sources.list': (_i, ctx) => ctx.projects.require().imports.sourcesWithCounts(),
};
