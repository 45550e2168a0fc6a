import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { ApiError } from '../../shared/api/errors';
import { METHOD_NAMES } from '../../shared/api/contract';
import { handlers } from '../../electron/engine/api/router';
import { LATEST_SCHEMA_VERSION } from '../../electron/engine/db/migrations';
import { lockPathOf } from '../../electron/engine/db/lock';
import { snapshotDir, tmpDir } from '../helpers/tmp';
import { ALL_TRANSPORTS, type TransportHarness } from './transports';

async function errorCode(p: Promise<unknown>): Promise<string> {
  try { await p; return 'no error'; } catch (e) { return e instanceof ApiError ? e.code : `not ApiError: ${String(e)}`; }
}

it('the router handles exactly the methods of the contract', () => {
  expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
});

describe.each(ALL_TRANSPORTS)('contract over %s', (_name, make) => {
  let h: TransportHarness; let api: ApiClient; let dir: string; let cleanup: () => void;
  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir());
    h = await make(path.join(dir, 'data'));
    api = createApiClient(h.transport);
  });
  afterAll(async () => { await h.close(); cleanup(); });

  it('answers ping and info', async () => {
    const pong = await api.call('app.ping', {});
    expect(pong.ok).toBe(true);
    expect(Math.abs(pong.serverTime - Date.now())).toBeLessThan(5000);
    const info = await api.call('app.info', {});
    expect(info.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(info.sqlite).toMatch(/^3\./);
  });

  it('gives typed errors for unknown methods, malformed input and no project', async () => {
    expect(await errorCode(api.call('nope.nothing' as never, {} as never))).toBe('UNKNOWN_METHOD');
    expect(await errorCode(api.call('records.page', { filter: {}, offset: -1, limit: 0 }))).toBe('BAD_INPUT');
    expect(await errorCode(api.call('records.count', { filter: {}, extra: 1 } as never))).toBe('BAD_INPUT');
    expect(await errorCode(api.call('project.create', { path: 42 } as never))).toBe('BAD_INPUT');
    expect(await errorCode(api.call('records.count', { filter: {} }))).toBe('NO_PROJECT');
  });

  it('refuses bad project files and changes nothing', async () => {
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'notes.minsheng'), '这不是数据库 not a database\n'.repeat(10));
    const other = new Database(path.join(bad, 'other.minsheng'));
    other.exec('CREATE TABLE t(x)');
    other.close();
    const before = snapshotDir(bad);
    expect(await errorCode(api.call('project.open', { path: path.join(bad, 'notes.minsheng') }))).toBe('NOT_A_DATABASE');
    expect(await errorCode(api.call('project.open', { path: path.join(bad, 'other.minsheng') }))).toBe('FOREIGN_DATABASE');
    expect(await errorCode(api.call('project.open', { path: path.join(bad, 'missing.minsheng') }))).toBe('FILE_NOT_FOUND');
    expect(snapshotDir(bad)).toEqual(before);
    expect(await api.call('project.current', {})).toBeNull();
  });

  it('creates, reopens, refuses a newer schema and a locked project', async () => {
    const file = path.join(dir, 'p1.minsheng');
    const info = await api.call('project.create', { path: file });
    expect(info).toMatchObject({ path: file, name: 'p1', schemaVersion: LATEST_SCHEMA_VERSION, synthetic: false });
    expect(info.counts.find((c) => c.table === 'records')?.rows).toBe(0);
    expect(await errorCode(api.call('project.create', { path: file }))).toBe('FILE_EXISTS');
    expect((await api.call('project.recent', {}))[0]).toMatchObject({ path: file, exists: true });
    expect(await api.call('project.close', {})).toEqual({ closed: true });

    const newer = path.join(dir, 'newer.minsheng');
    fs.copyFileSync(file, newer);
    const db = new Database(newer); db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`); db.close();
    const newerBytes = fs.readFileSync(newer);
    expect(await errorCode(api.call('project.open', { path: newer }))).toBe('NEWER_SCHEMA');
    expect(fs.readFileSync(newer).equals(newerBytes)).toBe(true);

    fs.writeFileSync(lockPathOf(file), JSON.stringify({ pid: process.ppid, host: os.hostname(), since: '2026-11-28T08:00:00Z' }));
    try {
      await api.call('project.open', { path: file });
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).code).toBe('PROJECT_LOCKED');
      expect((e as ApiError).localized('zh-CN')).toContain(String(process.ppid));
    } finally { fs.rmSync(lockPathOf(file)); }
    expect((await api.call('project.open', { path: file })).path).toBe(file);
  });

  it('runs a demo job with progress events, then filters, facets and Arrow pages agree', async () => {
    const file = path.join(dir, 'demo.minsheng');
    await api.call('project.create', { path: file });
    const progress: number[] = [];
    let resolveDone!: (v: unknown) => void;
    const done = new Promise((r) => { resolveDone = r; });
    const offP = api.on('job.progress', (p) => progress.push(p.done));
    const offD = api.on('job.done', (d) => resolveDone(d));
    await new Promise((r) => setTimeout(r, 50));
    const { jobId } = await api.call('demo.generate', { records: 3000, seed: 7 });
    const d = await done as { job: { jobId: string; status: string } };
    offP(); offD();
    expect(d.job).toMatchObject({ jobId, status: 'succeeded' });
    expect(progress.length).toBeGreaterThan(0);
    const info = await api.call('project.info', {});
    expect(info.synthetic).toBe(true);
    expect(await api.call('records.count', { filter: {} })).toEqual({ count: 3000 });
    const facets = await api.call('records.facets', { filter: {} });
    expect(facets.total).toBe(3000);
    expect(facets.districts.reduce((s, x) => s + x.count, 0)).toBeLessThanOrEqual(3000);
    const district = facets.districts[0];
    expect((await api.call('records.count', { filter: { districts: [district.name] } })).count).toBe(district.count);
    const level1 = facets.categories.find((c) => c.level === 1 && c.count > 0)!;
    expect((await api.call('records.count', { filter: { categories: [level1.id] } })).count).toBe(level1.count);
    const bytes = await api.call('records.page', { filter: { districts: [district.name] }, offset: 0, limit: 50, sort: { field: 'receivedAt', dir: 'asc' } });
    expect(bytes).toBeInstanceOf(Uint8Array);
    const table = tableFromIPC(bytes);
    expect(table.numRows).toBe(Math.min(50, district.count));
    const rows = table.toArray().map((r) => r.toJSON());
    expect(rows.every((r) => r.district === district.name)).toBe(true);
    const times = rows.map((r) => r.receivedAt as number);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('cancels a job and leaves the project as it was', async () => {
    const before = await api.call('records.count', { filter: {} });
    let resolveDone!: (v: unknown) => void;
    const done = new Promise((r) => { resolveDone = r; });
    const off = api.on('job.done', (d) => resolveDone(d));
    await new Promise((r) => setTimeout(r, 50));
    const { jobId } = await api.call('demo.generate', { records: 2_000_000, seed: 9 });
    expect(await errorCode(api.call('demo.generate', { records: 100 }))).toBe('JOB_BUSY');
    await new Promise((r) => setTimeout(r, 300));
    const c = await api.call('jobs.cancel', { jobId });
    expect(c.jobId).toBe(jobId);
    const d = await done as { job: { status: string } };
    off();
    expect(d.job.status).toBe('cancelled');
    expect(await api.call('records.count', { filter: {} })).toEqual(before);
    expect((await api.call('jobs.get', { jobId })).status).toBe('cancelled');
    expect(await errorCode(api.call('jobs.get', { jobId: 'job-none' }))).toBe('JOB_NOT_FOUND');
  });
});
