/**
 * The dashboard's statistics through the contract, checked against answers computed independently
 * from the project's records with plain SQL (read-only connection) and plain JavaScript; the CLI's
 * `stats` command must print the same numbers.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { median } from '../../shared/domain/stats/quantiles';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';

const SHANGHAI = 8 * 3600_000;

describe('stats.* over a demo project', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let file: string; let db: Database.Database;
  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = tmpDir());
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    file = path.join(dir, 'stats.minsheng');
    await api.call('project.create', { path: file });
    const done = new Promise((r) => { const off = api.on('job.done', (d) => { off(); r(d); }); });
    await api.call('demo.generate', { records: 4000, seed: 11 });
    await done;
    db = new Database(file, { readonly: true });
  }, 180_000);
  afterAll(async () => { db?.close(); await h?.close(); cleanup?.(); });

  const sqlCounts = (sql: string, ...params: unknown[]) =>
    new Map((db.prepare(sql).raw().all(...params) as [string | number | null, number][]).map(([k, n]) => [String(k ?? ''), n]));

  it('breakdown by district equals GROUP BY district, with change against the previous period', async () => {
    const from = Date.UTC(2024, 0, 1) - SHANGHAI; const to = Date.UTC(2024, 6, 1) - SHANGHAI;
    const b = await api.call('stats.breakdown', { filter: { from, to }, by: 'district', limit: 100, compare: 'previous' });
    const cur = sqlCounts('SELECT district, count(*) FROM records WHERE received_at >= ? AND received_at < ? GROUP BY 1', from, to);
    const prev = sqlCounts('SELECT district, count(*) FROM records WHERE received_at >= ? AND received_at < ? GROUP BY 1', from - (to - from), from);
    expect(b.total).toBe([...cur.values()].reduce((s, n) => s + n, 0));
    expect(new Map(b.rows.map((r) => [r.key, r.count]))).toEqual(cur);
    for (const r of b.rows) expect(r.previous, r.key).toBe(prev.get(r.key) ?? 0);
    expect(b.rows[0].count).toBeGreaterThanOrEqual(b.rows[1].count);
    expect(b.comparePeriod).toEqual({ from: from - (to - from), to: from });
  });

  it('category tree and month series agree with SQL', async () => {
    const tree = await api.call('stats.categoryTree', { filter: {} });
    const lvl1 = sqlCounts('SELECT cat1_id, count(*) FROM records WHERE cat1_id IS NOT NULL GROUP BY 1');
    expect(new Map(tree.nodes.filter((n) => n.level === 1).map((n) => [String(n.id), n.count]))).toEqual(lvl1);
    const months = sqlCounts("SELECT strftime('%Y-%m', (received_at + ?) / 1000, 'unixepoch'), count(*) FROM records GROUP BY 1", SHANGHAI);
    const t = tableFromIPC(await api.call('stats.series', { filter: {}, granularity: 'month' }));
    const got = new Map(t.toArray().map((r) => [r.label as string, r.count as number]));
    expect(got).toEqual(months);
    const rows = t.toArray();
    expect(rows[13].previous).toBe(rows[12].count);
    expect(rows[12].yearAgo).toBe(rows[0].count);
  });

  it('performance: median closing hours without instant closures equals a computation from the raw rows', async () => {
    const p = await api.call('stats.performance', { filter: {}, by: 'department', limit: 500, repeats: true });
    const raw = db.prepare('SELECT department, received_at, closed_at, satisfaction FROM records').all() as { department: string; received_at: number; closed_at: number | null; satisfaction: number | null }[];
    const hours = raw.filter((r) => r.closed_at !== null && r.closed_at - r.received_at > 300_000).map((r) => (r.closed_at! - r.received_at) / 3600_000);
    expect(p.overall.close.median).toBeCloseTo(median(hours)!, 9);
    expect(p.overall.close.excluded.instant).toBe(raw.filter((r) => r.closed_at !== null && r.closed_at - r.received_at >= 0 && r.closed_at - r.received_at <= 300_000).length);
    expect(p.overall.close.excluded.missing).toBe(raw.filter((r) => r.closed_at === null).length);
    const rated = raw.filter((r) => r.satisfaction !== null);
    expect(p.overall.satisfaction.rate).toBeCloseTo(rated.filter((r) => r.satisfaction! >= 0.5).length / rated.length, 12);
    const dept = p.groups[0];
    const deptHours = raw.filter((r) => r.department === dept.key && r.closed_at !== null && r.closed_at - r.received_at > 300_000).map((r) => (r.closed_at! - r.received_at) / 3600_000);
    expect(dept.close.median).toBeCloseTo(median(deptHours)!, 9);
    expect(p.overall.repeat!.count).toBeGreaterThan(0);
    expect(p.overall.close.histogram!.counts.reduce((s, n) => s + n, 0) + p.overall.close.histogram!.above).toBe(hours.length);
  });

  it('pivot, cycle, backlog and sources add up to the same total', async () => {
    const total = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    const pv = await api.call('stats.pivot', { filter: {}, rows: 'category1', cols: 'month', maxRows: 50, maxCols: 40, compare: 'previous' });
    expect(pv.total).toBe(total);
    expect(pv.cols.map((c) => c.label)).toEqual([...pv.cols.map((c) => c.label)].sort());
    const cy = await api.call('stats.cycle', { filter: {} });
    expect(cy.matrix.flat().reduce((s, n) => s + n, 0)).toBe(total);
    const bl = tableFromIPC(await api.call('stats.backlog', { filter: {}, granularity: 'month' })).toArray();
    const open = (db.prepare('SELECT count(*) AS n FROM records WHERE closed_at IS NULL').get() as { n: number }).n;
    expect(bl[bl.length - 1].backlog).toBe(open);
    const src = await api.call('stats.sources', { filter: {} });
    expect(src.reduce((s, r) => s + r.count, 0)).toBe(total);
  });

  it('the columns select exactly what the SQL filter selects, for every kind of filter', async () => {
    const street = (db.prepare('SELECT street FROM records WHERE street IS NOT NULL LIMIT 1').get() as { street: string }).street;
    const p = db.prepare('SELECT avg(lon) AS lon, avg(lat) AS lat FROM records WHERE lon IS NOT NULL').get() as { lon: number; lat: number };
    const word = (db.prepare("SELECT substr(title, 1, 2) AS w FROM records WHERE length(title) > 4 LIMIT 1").get() as { w: string }).w;
    const cat2 = (db.prepare('SELECT cat2_id AS id FROM records WHERE cat2_id IS NOT NULL LIMIT 1').get() as { id: number }).id;
    const filters = [
      { streets: [street] }, { channels: ['phone', 'wechat'] }, { requestTypes: ['complaint'] }, { categories: [cat2] },
      { area: { type: 'circle' as const, center: [p.lon, p.lat] as [number, number], radiusM: 3000 } },
      { area: { type: 'polygon' as const, ring: [[p.lon - 0.05, p.lat - 0.05], [p.lon + 0.05, p.lat - 0.04], [p.lon, p.lat + 0.05]] as [number, number][] }, statuses: ['closed'] },
      { q: word }, { q: word, districts: [(db.prepare('SELECT district FROM records LIMIT 1').get() as { district: string }).district] },
    ];
    for (const filter of filters) {
      const sql = (await api.call('records.count', { filter })).count;
      const cols = (await api.call('stats.breakdown', { filter, by: 'source', limit: 50, compare: 'previous' })).total;
      expect(cols, JSON.stringify(filter)).toBe(sql);
      expect(sql, JSON.stringify(filter)).toBeGreaterThan(0);
    }
  });

  it('xlsx: a workbook (zip) of the given sheets', async () => {
    const x = await api.call('stats.xlsx', { sheets: [{ name: '分类×区县', columns: ['a', 'b'], rows: [['x', 1], ['y', null]] }] });
    const bytes = Buffer.from(x.base64, 'base64');
    expect(bytes.length).toBe(x.bytes);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('the CLI prints the numbers the dashboard shows', async () => {
    const filter = { categories: [(await api.call('taxonomy.tree', {})).find((n) => n.level === 1)!.id] };
    const dash = await api.call('stats.breakdown', { filter, by: 'department', limit: 5000, compare: 'previous' });
    const name = (await api.call('taxonomy.tree', {})).find((n) => n.id === filter.categories[0])!.name;
    await api.call('project.close', {});
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/engine/cli/index.ts', 'stats', file, '--by', 'department', '--where', `category1=${name}`, '--json'], { encoding: 'utf8', timeout: 120_000 });
    await api.call('project.open', { path: file });
    expect(r.status, r.stderr).toBe(0);
    const cli = JSON.parse(r.stdout);
    expect(cli.total).toBe(dash.total);
    expect(cli.rows).toEqual(dash.rows);
  });

  it('follows a new import: statistics move with the records', async () => {
    const before = (await api.call('stats.breakdown', { filter: {}, by: 'source', limit: 50, compare: 'previous' })).total;
    const { jobId } = await api.call('demo.generate', { records: 1000, seed: 2 });
    await new Promise<void>((r) => { const off = api.on('job.done', (d) => { if ((d as { job: { jobId: string } }).job.jobId === jobId) { off(); r(); } }); });
    const after = await api.call('stats.breakdown', { filter: {}, by: 'source', limit: 50, compare: 'previous' });
    expect(after.total).toBe((db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n);
    expect(after.total).not.toBe(before);
  });
});
