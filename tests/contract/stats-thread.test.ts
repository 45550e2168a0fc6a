/**
 * The statistics columns load in a helper thread: while they load, the engine answers other calls,
 * and the columns that come back give the same answers as SQL over the records.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { lastLoad, statsData } from '../../electron/engine/services/stats/cache';
import { breakdown } from '../../electron/engine/services/stats/queries';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';

describe('statistics columns loaded off the engine thread', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let file: string;
  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = tmpDir());
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    file = path.join(dir, 'thread.minsheng');
    await api.call('project.create', { path: file });
    const done = new Promise((r) => { const off = api.on('job.done', (d) => { off(); r(d); }); });
    await api.call('demo.generate', { records: 3000, seed: 5 });
    await done;
  }, 180_000);
  afterAll(async () => { await h?.close(); cleanup?.(); });

  it('answers other calls while the columns load, then the same numbers as SQL', async () => {
    const order: string[] = [];
    const stats = api.call('stats.breakdown', { filter: {}, by: 'district', limit: 100, compare: 'previous' }).then((b) => { order.push('stats'); return b; });
    const ping = api.call('app.ping', {}).then(() => order.push('ping'));
    const [b] = await Promise.all([stats, ping]);
    expect(order).toEqual(['ping', 'stats']);
    expect(lastLoad.inThread).toBe(true);
    const db = new Database(file, { readonly: true });
    const sql = new Map((db.prepare('SELECT district, count(*) FROM records GROUP BY 1').raw().all() as [string | null, number][]).map(([k, n]) => [k ?? '', n]));
    db.close();
    expect(new Map(b.rows.map((r) => [r.key, r.count]))).toEqual(sql);
  });

  it('the threaded load equals an inline load of the same store', async () => {
    await api.call('stats.cycle', { filter: {} });
    const inline = new Database(file, { readonly: true });
    const data = statsData(inline, () => 'none');
    const viaApi = await api.call('stats.breakdown', { filter: {}, by: 'department', limit: 500, compare: 'previous' });
    const { comparePeriod: _c, ...direct } = breakdown(data, {}, 'department', 500, 'previous');
    const { comparePeriod: _d, ...got } = viaApi;
    expect(got).toEqual(direct);
    inline.close();
  });

  it('reloads in the thread after a job changed the records', async () => {
    const before = await api.call('stats.breakdown', { filter: {}, by: 'source', limit: 10, compare: 'previous' });
    const done = new Promise((r) => { const off = api.on('job.done', (d) => { off(); r(d); }); });
    await api.call('demo.generate', { records: 1000, seed: 6 });
    await done;
    lastLoad.inThread = false;
    const after = await api.call('stats.breakdown', { filter: {}, by: 'source', limit: 10, compare: 'previous' });
    expect(lastLoad.inThread).toBe(true);
    expect(after.total).not.toBe(before.total);
  });
});
