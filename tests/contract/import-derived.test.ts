/**
 * A large import commits its records with the cheap summaries and leaves the full-text index and
 * alert detection to the `derived.refresh` job started right after; the project says so
 * (`derivedPending`) until that job commits, and a crash or cancel in between is caught up later.
 * The deferral threshold is lowered to 1 row here (MINSHENG_DERIVED_DEFER_MIN_ROWS, read by the job worker).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import type { JobInfo } from '../../shared/model/project';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';

const WORDS = ['路灯不亮', '噪声扰民', '井盖缺失', '公交晚点'];

function csv(rows: number, offset = 0): string {
  const lines = ['工单编号,受理时间,诉求内容,所属区'];
  for (let i = 0; i < rows; i++) lines.push(`D${offset + i},2024-03-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00,市民反映${WORDS[i % WORDS.length]}问题,玄湖区`);
  return `${lines.join('\r\n')}\r\n`;
}

describe('import: expensive derived data follows in its own job', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let dir: string; let project: string;
  const saved = process.env.MINSHENG_DERIVED_DEFER_MIN_ROWS;
  beforeAll(async () => {
    process.env.MINSHENG_DERIVED_DEFER_MIN_ROWS = '1';
    ({ dir, cleanup } = tmpDir());
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    project = path.join(dir, 'derived.minsheng');
    await api.call('project.create', { path: project });
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.MINSHENG_DERIVED_DEFER_MIN_ROWS; else process.env.MINSHENG_DERIVED_DEFER_MIN_ROWS = saved;
    await h.close();
    cleanup();
  });

  const jobs = () => h.engine.ctx.jobs;
  const refreshJobs = () => jobs().list().filter((j) => j.kind === 'derived.refresh');
  const q = async (text: string) => (await api.call('records.count', { filter: { q: text } })).count;
  const pending = async () => (await api.call('project.info', {})).derivedPending;

  /** Starts an import; `onDone` runs synchronously inside the import's job.done event. */
  async function startImport(name: string, content: string, onDone?: () => void): Promise<JobInfo> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    const pv = await api.call('import.preview', { path: file });
    const mapping = { columns: pv.suggestions.map(({ column, header, field }) => ({ column, header, field })), timezone: 'Asia/Shanghai', crs: 'wgs84' as const };
    const options = { format: pv.sniffed.format, encoding: pv.sniffed.encoding ?? undefined, delimiter: (pv.sniffed.delimiter ?? undefined) as never };
    const { jobId } = await api.call('import.start', { path: file, sourceCode: 'd', options, mapping, onDuplicate: 'skip' });
    const off = h.engine.ctx.events.subscribe((e) => {
      if (e.event === 'job.done' && (e.data as { job: JobInfo }).job.jobId === jobId) { off(); onDone?.(); }
    });
    return jobs().wait(jobId);
  }

  /** The refresh job the engine starts after `before` refresh jobs existed. */
  async function nextRefresh(before: number): Promise<JobInfo> {
    for (let i = 0; i < 200 && refreshJobs().length <= before; i++) await new Promise((r) => setTimeout(r, 10));
    const j = refreshJobs()[before];
    expect(j, 'a derived.refresh job was started').toBeDefined();
    return jobs().wait(j.jobId);
  }

  it('records are searchable by text once the refresh job has run; meanwhile the project says the index is pending', async () => {
    const before = refreshJobs().length;
    let pendingAtImportEnd: boolean | undefined;
    const imp = await startImport('a.csv', csv(40), () => { pendingAtImportEnd = h.engine.ctx.projects.info().derivedPending; });
    expect(imp.status).toBe('succeeded');
    expect(pendingAtImportEnd).toBe(true);
    expect(await api.call('records.count', { filter: {} })).toEqual({ count: 40 });
    const refresh = await nextRefresh(before);
    expect(refresh.status).toBe('succeeded');
    expect(await pending()).toBe(false);
    expect(await q('路灯')).toBe(10);
    expect((await api.call('text.status', {})).indexed).toBe(40);
  });

  it('a cancelled refresh leaves the work queued (not restarted by itself); removing the batch makes it moot', async () => {
    const before = refreshJobs().length;
    await startImport('b.csv', csv(20, 1000), () => {
      // runs after the engine's own setImmediate that starts the refresh: cancel it before it gets going
      setImmediate(() => { const r = refreshJobs()[before]; if (r) jobs().cancel(r.jobId); });
    });
    const refresh = await nextRefresh(before);
    expect(refresh.status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 100));
    expect(jobs().running()).toBeNull();
    expect(await pending()).toBe(true);
    expect(await q('井盖')).toBe(10); // the first batch's 10; the new batch is not indexed yet
    const batch = (await api.call('import.batches', {}))[0];
    const { jobId } = await api.call('import.removeBatch', { batchId: batch.id });
    expect((await jobs().wait(jobId)).status).toBe('succeeded');
    expect(await pending()).toBe(false);
    expect(await api.call('records.count', { filter: {} })).toEqual({ count: 40 });
    expect((await api.call('text.status', {})).indexed).toBe(40);
  });

  it('work left queued by a crash is picked up when the project is opened again', async () => {
    const before = refreshJobs().length;
    // closing the project inside the import's job.done stands for a crash before the refresh could start
    await startImport('c.csv', csv(12, 2000), () => { h.engine.ctx.projects.close(); });
    expect(refreshJobs().length).toBe(before);
    const info = await api.call('project.open', { path: project });
    expect(info.derivedPending).toBe(true);
    expect((await nextRefresh(before)).status).toBe('succeeded');
    expect(await pending()).toBe(false);
    expect(await q('公交')).toBe(10 + 3);
    expect((await api.call('text.status', {})).indexed).toBe(52);
  });
});
