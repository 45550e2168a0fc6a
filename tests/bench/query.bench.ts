/**
 * Dashboard query benchmark. Opens (or generates) a demo project, answers every dashboard query through
 * the engine's own dispatcher under three filters, times the whole dashboard refresh after a filter
 * change, then answers the same queries with DuckDB over the same records loaded from a CSV this script
 * writes, and prints the median of each and the ratio. Also prints the sizes of the summary store and
 * SQLite's plan for the plain-SQL route (kept for comparison: one timed run of a GROUP BY over records).
 *   node --import tsx tests/bench/query.bench.ts [--project p.minsheng] [--records 2000000] [--runs 7] [--no-duckdb]
 * Times are wall-clock medians; the CPU time of each query is printed beside it (the machine may be shared).
 * At 10 M records, write the project first (`cli demo p --records 10000000 --defer-derived`: the text index
 * is not needed here) and pass --project; a project owing derived data is not refreshed during the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createEngine } from '../../electron/engine/engine';
import { startDemoJob } from '../../electron/engine/api/handlers/jobs';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { ApiError } from '../../shared/api/errors';
import type { Filter } from '../../shared/model/filter';
import { dayStartMs, parseDay } from '../../shared/domain/stats/time';
import { SqliteStatsRepository } from '../../electron/engine/db/repos/stats-repo';
import { lastLoad } from '../../electron/engine/services/stats/cache';
import { decodeStats } from '../../electron/engine/services/stats/decode';
import { startHelperThread } from '../../electron/engine/jobs/runner';
import { holdDerivedRefresh } from '../../electron/engine/services/derived/auto';
import { dashboardCalls, duckQueries } from './query-cases';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const records = Number(arg('records', '2000000'));
const runs = Number(arg('runs', '7'));
const project = path.resolve(arg('project', path.join(os.tmpdir(), 'minsheng-bench', `query-${records}.minsheng`)));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** CPU time of this process since `c0` (ms): on a shared machine, wall time also counts other work. */
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-qb-'));
const engine = createEngine({ host: 'test', dataDir, progressIntervalMs: 2000 });
// The benchmark times the dashboard alone: a project owing its full-text index (a large demo written
// with --defer-derived) is not indexed meanwhile.
holdDerivedRefresh(engine.ctx);
const api: ApiClient = createApiClient({ call: (m, i) => engine.dispatcher.call(m, i), subscribe: (l) => engine.ctx.events.subscribe(l) });

if (!fs.existsSync(project)) {
  fs.mkdirSync(path.dirname(project), { recursive: true });
  console.log(`generating a ${records}-record demo project at ${project} …`);
  engine.ctx.projects.create(project, 'bench');
  const done = await engine.ctx.jobs.wait(startDemoJob(engine.ctx, records, 12345));
  if (done.status !== 'succeeded') throw new Error(`demo failed: ${done.message}`);
} else {
  engine.ctx.projects.openFile(project, 'bench');
}

// First use: an older project gets its statistics columns built by a job (timed: it is also what an import adds).
const projectDb = engine.ctx.projects.require().handle.db;
const repo = new SqliteStatsRepository(projectDb);
if (repo.needsRebuild()) {
  const tBuild = performance.now();
  console.log('building statistics columns …');
  try { await api.call('stats.cycle', { filter: {} }); } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'STATS_PREPARING') throw e;
    await engine.ctx.jobs.wait(String(e.params.jobId));
  }
  console.log(`column build: ${ms(performance.now() - tBuild)}`);
}

// Loading the columns: inline (blocks the engine) vs in the helper thread (the engine answers meanwhile).
const tInline = performance.now();
const inlineCpu = process.cpuUsage();
projectDb.transaction(() => decodeStats(repo))();
const inlineMs = performance.now() - tInline;
const inlineCpuMs = cpuMs(inlineCpu);
// Running from sources, the first helper thread bundles the worker entry (esbuild, synchronously, once
// per process); built apps ship it bundled. Done before timing.
await startHelperThread('warm-up', null).terminate();
const pings: number[] = [];
let loading = true;
const pinger = (async () => {
  while (loading) {
    const t0 = performance.now();
    await api.call('app.ping', {});
    pings.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 10));
  }
})();
const tThread = performance.now();
await api.call('stats.cycle', { filter: {} });
loading = false;
await pinger;
console.log(`column load inline: ${ms(inlineMs)} (CPU ${ms(inlineCpuMs)}), the engine blocked throughout`);
console.log(`column load in the helper thread + first query: ${ms(performance.now() - tThread)} (thread ${ms(lastLoad.ms)}); meanwhile the engine answered ${pings.length} pings, median ${ms(median(pings))}, max ${ms(Math.max(...pings))}`);

const y2024: Filter = { from: dayStartMs(parseDay('2024-01-01')), to: dayStartMs(parseDay('2025-01-01')) };
const facets = await api.call('records.facets', { filter: {} });
const district = facets.districts[0].name;
const cat1 = facets.categories.find((c) => c.level === 1 && c.count > 0)!;
const filters: [string, Filter][] = [
  ['all records', {}],
  ['year 2024', y2024],
  [`2024 · ${district} · category ${cat1.name}`, { ...y2024, districts: [district], categories: [cat1.id] }],
];

const results: { filter: string; query: string; median: number }[] = [];
for (const [fname, f] of filters) {
  console.log(`\n— ${fname}`);
  for (const [name, call] of dashboardCalls(api, f)) {
    const t: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < runs; r++) {
      const c0 = process.cpuUsage();
      t.push(await time(call));
      cpu.push(cpuMs(c0));
    }
    results.push({ filter: fname, query: name, median: median(t) });
    console.log(`  ${name.padEnd(26)} median ${ms(median(t))}  (first ${ms(t[0])}, min ${ms(Math.min(...t))}, max ${ms(Math.max(...t))}; CPU median ${ms(median(cpu))})`);
  }
}

// Whole dashboard after a filter change: every query of the trends screen, in sequence, for a new filter.
const refresh: number[] = [];
const refreshCpu: number[] = [];
for (let r = 0; r < runs; r++) {
  const f: Filter = { ...y2024, districts: [facets.districts[r % facets.districts.length].name] };
  const c0 = process.cpuUsage();
  refresh.push(await time(async () => { for (const [, call] of dashboardCalls(api, f)) await call(); }));
  refreshCpu.push(cpuMs(c0));
}
console.log(`\nwhole dashboard refresh after a filter change (${dashboardCalls(api, {}).length} queries, sequential): median ${ms(median(refresh))}, max ${ms(Math.max(...refresh))}; CPU median ${ms(median(refreshCpu))}`);

// Storage the summary store adds, and SQLite's own route for comparison.
const db = new Database(project, { readonly: true });
const size = db.prepare("SELECT sum(length(data)) AS chunks, (SELECT count(*) FROM stats_dict) AS dict FROM stats_chunks").get() as { chunks: number; dict: number };
const fileBytes = fs.statSync(project).size;
console.log(`\nsummary store: stats_chunks ${(size.chunks / 1048576).toFixed(1)} MB (${((100 * size.chunks) / fileBytes).toFixed(1)}% of the ${(fileBytes / 1048576).toFixed(0)} MB file), ${size.dict} dictionary values`);
console.log(`engine RSS after the runs: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
console.log('plan of a column load:', (db.prepare("EXPLAIN QUERY PLAN SELECT batch_id, rows, data FROM stats_chunks WHERE col = 'district' ORDER BY batch_id").all() as { detail: string }[]).map((r) => r.detail).join(' / '));
const plainSql = 'SELECT district, count(*) FROM records WHERE received_at >= ? AND received_at < ? GROUP BY district';
console.log('plan of the plain-SQL breakdown:', (db.prepare(`EXPLAIN QUERY PLAN ${plainSql}`).all(y2024.from, y2024.to) as { detail: string }[]).map((r) => r.detail).join(' / '));
console.log(`plain SQLite GROUP BY district over records (2024, one run): ${ms(await time(async () => db.prepare(plainSql).all(y2024.from, y2024.to)))}`);

if (!process.argv.includes('--no-duckdb')) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  // The CSV is written once per project and kept beside it (rewriting 2 M rows takes minutes on a busy machine).
  const csv = `${project}.bench.csv`;
  const cols = 'id,received_at,first_response_at,closed_at,source_code,cat1_id,cat2_id,cat3_id,district,street,community,department,status,channel,request_type,transfers,satisfaction';
  if (!fs.existsSync(csv) || fs.statSync(csv).mtimeMs < fs.statSync(project).mtimeMs - 60_000) {
    const tCsv = performance.now();
    const out = fs.openSync(`${csv}.part`, 'w');
    fs.writeSync(out, `${cols}\n`);
    let buf: string[] = [];
    const q = (v: unknown) => (v === null ? '' : typeof v === 'string' ? `"${v.replace(/"/g, '""')}"` : String(v));
    for (const r of db.prepare(`SELECT ${cols} FROM records`).raw().iterate() as IterableIterator<unknown[]>) {
      buf.push(r.map(q).join(','));
      if (buf.length >= 50_000) { fs.writeSync(out, `${buf.join('\n')}\n`); buf = []; }
    }
    if (buf.length) fs.writeSync(out, `${buf.join('\n')}\n`);
    fs.closeSync(out);
    fs.renameSync(`${csv}.part`, csv);
    console.log(`\nDuckDB: wrote ${(fs.statSync(csv).size / 1048576).toFixed(0)} MB CSV in ${ms(performance.now() - tCsv)}`);
  }
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  const tLoad = await time(() => duck.run(`CREATE TABLE records AS SELECT * FROM read_csv('${csv}', header = true)`));
  console.log(`DuckDB: loaded in ${ms(tLoad)}`);
  console.log('\nper query, median of engine vs DuckDB (ratio = engine / DuckDB; goal ≤ 2):');
  for (const [fname, f] of filters) {
    for (const [name, sql] of duckQueries(f)) {
      const t: number[] = [];
      for (let r = 0; r < runs; r++) t.push(await time(() => duck.runAndReadAll(sql)));
      const mine = results.find((x) => x.filter === fname && x.query === name)!.median;
      const d = median(t);
      console.log(`  ${fname.slice(0, 28).padEnd(28)} ${name.padEnd(26)} engine ${ms(mine).padStart(10)}  DuckDB ${ms(d).padStart(10)}  ratio ${(mine / d).toFixed(2)}`);
    }
  }
  duck.closeSync();
}
db.close();
console.log(`\nmachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} — shared with other work`);
await engine.shutdown();
fs.rmSync(dataDir, { recursive: true, force: true });
