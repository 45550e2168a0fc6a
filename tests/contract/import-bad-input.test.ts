/** Bad input through the import path: each case gives a clear message and loses nothing. */
import fs from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { ApiError } from '../../shared/api/errors';
import type { ImportResult } from '../../shared/api/areas/import';
import { tmpDir } from '../helpers/tmp';
import { generateExtract } from '../bench/gen-extract';
import { inProcess, type TransportHarness } from './transports';

const HEADER = '工单编号,受理时间,诉求内容,所属区,办结时间,满意度';

describe('import: bad input is explained and nothing is lost', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let dir: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir());
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    await api.call('project.create', { path: path.join(dir, 'bad.minsheng') });
  });
  afterAll(async () => { await h.close(); cleanup(); });

  const write = (name: string, content: string | Buffer) => { const f = path.join(dir, name); fs.writeFileSync(f, content); return f; };
  const count = async () => (await api.call('records.count', { filter: {} })).count;

  async function run(file: string, source = 'bad'): Promise<{ result?: ImportResult; error?: string; status: string }> {
    const pv = await api.call('import.preview', { path: file });
    const mapping = { columns: pv.suggestions.map(({ column, header, field }) => ({ column, header, field })), timezone: 'Asia/Shanghai', crs: 'wgs84' as const };
    const options = { format: pv.sniffed.format, encoding: pv.sniffed.encoding ?? undefined, delimiter: (pv.sniffed.delimiter ?? undefined) as never };
    let resolve!: (v: { job: { status: string; message: string | null }; result?: unknown }) => void;
    const done = new Promise<{ job: { status: string; message: string | null }; result?: unknown }>((r) => { resolve = r; });
    const off = api.on('job.done', (d) => resolve(d as never));
    await api.call('import.start', { path: file, sourceCode: source, options, mapping, onDuplicate: 'skip' });
    const d = await done;
    off();
    return { status: d.job.status, result: d.result as ImportResult | undefined, error: d.job.message ?? undefined };
  }

  async function previewError(file: string): Promise<ApiError> {
    try { await api.call('import.preview', { path: file }); } catch (e) { return e as ApiError; }
    throw new Error('expected an error');
  }

  it('an empty file and a binary file are refused at preview with a clear message', async () => {
    const empty = await previewError(write('empty.csv', ''));
    expect(empty.code).toBe('BAD_INPUT');
    expect(empty.localized('zh-CN')).toMatch(/空|empty/);
    const png = await previewError(write('image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, ...new Array(200).fill(7)])));
    expect(png.code).toBe('BAD_INPUT');
    expect(png.localized('en')).toMatch(/PNG|binary|not an importable/i);
    expect(await count()).toBe(0);
  });

  it('a header-only file imports zero rows as a recorded batch', async () => {
    const r = await run(write('header-only.csv', `${HEADER}\r\n`));
    expect(r.status).toBe('succeeded');
    expect(r.result).toMatchObject({ rowsRead: 0, imported: 0, rejected: 0 });
  });

  it('unparseable dates, ragged rows and duplicate ids: four counts add up and rejects keep their raw text', async () => {
    const rows = [
      HEADER,
      'A1,2024-03-01 08:00:00,路灯不亮,玄湖区,2024-03-02 09:00:00,满意',
      'A2,不是日期,噪音扰民,钟山区,,不满意',
      'A3,2024-03-01 09:30:00,"占道经营,影响通行",玄湖区,,基本满意',
      'A1,2024-03-05 10:00:00,重复工单,玄湖区,,满意',
      'A4,2024-03-02 10:00:00,多出的列,钟山区,,满意,多余1,多余2',
      '',
      'A5,2024/3/3 11:25:05,"多行\n内容",石城区,2024-03-01 00:00:00,未评价',
    ];
    const r = await run(write('mixed.csv', rows.join('\r\n')), 'mixed');
    expect(r.status).toBe('succeeded');
    const res = r.result!;
    expect(res.rowsRead).toBe(6);
    expect(res.blankRows).toBe(1);
    expect(res.imported + res.updated + res.duplicates + res.rejected).toBe(res.rowsRead);
    expect(res).toMatchObject({ imported: 3, duplicates: 1, rejected: 2 });
    const batch = await api.call('import.batch', { batchId: res.batchId });
    expect(batch.rejectReasons.map((x) => x.code).sort()).toEqual(['BAD_DATE', 'RAGGED_ROW']);
    expect(batch.quality?.flags.closed_before_received).toBe(1);
    const rej = tableFromIPC(await api.call('import.rejected', { batchId: res.batchId, offset: 0, limit: 50 })).toArray().map((x) => x.toJSON());
    expect(rej.map((x) => x.rowNumber)).toEqual([3, 6]);
    expect(rej[0].raw).toContain('不是日期');
    expect(rej[0].reason).toMatch(/日期|date/i);
    const out = path.join(dir, 'rejected.csv');
    expect(await api.call('import.exportRejected', { batchId: res.batchId, path: out })).toEqual({ path: out, rows: 2 });
    expect(fs.readFileSync(out, 'utf8')).toContain('多余2');
    // re-import with the same ids: everything is a duplicate
    const again = await run(path.join(dir, 'mixed.csv'), 'mixed');
    expect(again.result).toMatchObject({ imported: 0, duplicates: 4, rejected: 2 });
  });

  it('parsing in a helper thread (used for big files) gives exactly the same outcome', async () => {
    process.env.MINSHENG_IMPORT_THREAD_MIN_BYTES = '0';
    try {
      const rows = [HEADER, ...Array.from({ length: 5000 }, (_, i) => `TH${i % 4000},2024-03-01 0${i % 10}:00:00,第${i}条：路面破损，积水严重,玄湖区,,满意`), 'THX,坏日期,x,玄湖区,,满意'];
      const r = await run(write('threaded.csv', rows.join('\n')), 'threaded');
      expect(r.status).toBe('succeeded');
      expect(r.result).toMatchObject({ rowsRead: 5001, imported: 4000, duplicates: 1000, rejected: 1 });
      const batch = await api.call('import.batch', { batchId: r.result!.batchId });
      expect(batch.rejectReasons).toEqual([expect.objectContaining({ code: 'BAD_DATE', count: 1 })]);
      expect(batch.quality?.rows).toBe(5000);
    } finally {
      delete process.env.MINSHENG_IMPORT_THREAD_MIN_BYTES;
    }
  });

  it('an import cancelled while the parse thread reads leaves the project as it was', async () => {
    process.env.MINSHENG_IMPORT_THREAD_MIN_BYTES = '0';
    try {
      const file = path.join(dir, 'cancel.csv');
      generateExtract(file, 60_000, 'utf8', 3);
      const before = { records: await count(), batches: (await api.call('import.batches', {})).length };
      const pv = await api.call('import.preview', { path: file });
      const mapping = { columns: pv.suggestions.map(({ column, header, field }) => ({ column, header, field })), timezone: 'Asia/Shanghai', crs: 'wgs84' as const };
      const options = { format: pv.sniffed.format, encoding: pv.sniffed.encoding ?? undefined, delimiter: (pv.sniffed.delimiter ?? undefined) as never };
      let jobId = '';
      let rowsWhenCancelled = 0;
      const done = new Promise<{ job: { status: string } }>((resolve) => {
        const offDone = api.on('job.done', (d) => { offDone(); offProgress(); resolve(d as never); });
        // cancelled once rows are being written, i.e. while the parse thread is still reading the file
        const offProgress = api.on('job.progress', (p) => {
          const msg = (p as { jobId: string; message: string | null }).message;
          if (rowsWhenCancelled || !jobId || !msg || !/^\d+$/.test(msg)) return;
          rowsWhenCancelled = Number(msg);
          void api.call('jobs.cancel', { jobId });
        });
      });
      ({ jobId } = await api.call('import.start', { path: file, sourceCode: 'cancel', options, mapping, onDuplicate: 'skip' }));
      const d = await done;
      expect(d.job.status).toBe('cancelled');
      expect(rowsWhenCancelled).toBeGreaterThan(0);
      expect(rowsWhenCancelled).toBeLessThan(60_000);
      expect(await count()).toBe(before.records);
      expect((await api.call('import.batches', {})).length).toBe(before.batches);
      // the project takes the next import as usual
      const again = await run(write('after-cancel.csv', `${HEADER}\nAC1,2024-03-01 08:00:00,路灯不亮,玄湖区,,满意\n`), 'cancel');
      expect(again.result).toMatchObject({ rowsRead: 1, imported: 1 });
    } finally {
      delete process.env.MINSHENG_IMPORT_THREAD_MIN_BYTES;
    }
  });

  it('a 50 MB single field is rejected and kept, not crashing or truncating silently', async () => {
    const big = 'x'.repeat(50 * 1024 * 1024);
    const r = await run(write('huge.csv', `${HEADER}\nB1,2024-03-01 08:00:00,"${big}",玄湖区,,满意\nB2,2024-03-01 09:00:00,正常,玄湖区,,满意\n`), 'huge');
    expect(r.status).toBe('succeeded');
    expect(r.result).toMatchObject({ rowsRead: 2, imported: 1, rejected: 1 });
    const batch = await api.call('import.batch', { batchId: r.result!.batchId });
    expect(batch.rejectReasons[0].code).toBe('FIELD_TOO_LONG');
  });

  it('a truncated XLSX fails the job cleanly and leaves the project as it was', async () => {
    const before = await count();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(['工单编号', '受理时间', '诉求内容']);
    for (let i = 0; i < 3000; i++) ws.addRow([`T${i}`, new Date(Date.UTC(2024, 2, 1, i % 24)), `第${i}条：小区门口道路破损，积水严重，请尽快修复。`]);
    const full = path.join(dir, 'full.xlsx');
    await wb.xlsx.writeFile(full);
    const src = fs.readFileSync(full);
    const file = write('truncated.xlsx', src.subarray(0, Math.floor(src.length / 2)));
    let failed: string | null;
    try {
      const r = await run(file, 'trunc');
      failed = r.status === 'failed' ? r.error ?? 'failed' : null;
    } catch (e) {
      failed = (e as ApiError).localized?.('en') ?? String(e);
    }
    expect(failed).toBeTruthy();
    expect(await count()).toBe(before);
    const batches = await api.call('import.batches', {});
    expect(batches.some((b) => b.fileName === 'truncated.xlsx' && b.status === 'done')).toBe(false);
  });

  it('a GB18030 file read as UTF-8 shows mojibake in the preview; the detected encoding reads it right', async () => {
    // 工单编号,受理时间,诉求内容 / A1,2024-03-01 08:00:00,中文 in GB18030 bytes
    const gb = Buffer.concat([
      Buffer.from([0xb9, 0xa4, 0xb5, 0xa5, 0xb1, 0xe0, 0xba, 0xc5]), Buffer.from(','),
      Buffer.from([0xca, 0xdc, 0xc0, 0xed, 0xca, 0xb1, 0xbc, 0xe4]), Buffer.from(','),
      Buffer.from([0xcb, 0xdf, 0xc7, 0xf3, 0xc4, 0xda, 0xc8, 0xdd]), Buffer.from('\r\nA1,2024-03-01 08:00:00,'),
      Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x95, 0x32, 0x82, 0x36]), Buffer.from('\r\n'),
    ]);
    const file = write('gb.csv', gb);
    const auto = await api.call('import.preview', { path: file });
    expect(auto.sniffed.encoding).toBe('gb18030');
    expect(auto.sniffed.headers).toEqual(['工单编号', '受理时间', '诉求内容']);
    const rows = tableFromIPC(await api.call('import.previewRows', { path: file })).toArray().map((x) => x.toJSON());
    expect(rows[0].c2).toBe('中文𠀀');
    const wrong = await api.call('import.preview', { path: file, options: { encoding: 'utf8' } });
    expect(wrong.sniffed.headers[0]).not.toBe('工单编号');
    expect(wrong.sniffed.headers[0]).toContain('\uFFFD');
  });
});
