/**
 * bench:import — end-to-end import rate and peak memory, against SQLite's own `.import` as the physical floor.
 *   node --import tsx tests/bench/import.bench.ts [--rows 1000000] [--big 5000000] [--xlsx 200000] [--repeat 2] [--gb 0] [--refresh 0]
 * Each import runs in a fresh child process so its peak RSS (VmHWM) is its own. The child and the job
 * worker are bundled with esbuild first and run on plain Node, as in the packaged app (from TypeScript
 * sources every job thread would pay tsx's loader, seconds per job on a busy machine).
 * Printed per import: the import job (records + indexes + the cheap summaries: geo overlay, dashboard
 * columns, map chunks), its phases, and separately the follow-up derived refresh (full-text index,
 * alert detection) that a large import leaves to its own job.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

const arg = (n: string, d: number) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? Number(process.argv[i + 1]) : d; };
const ROWS = arg('rows', 1_000_000);
const BIG = arg('big', 0);
const XLSX_ROWS = arg('xlsx', 0);
const REPEAT = arg('repeat', 1);
const GB = arg('gb', 1);
const REFRESH = arg('refresh', 1);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-import-'));
const bundleDir = path.resolve('node_modules/.cache/minsheng', `bench-import-${process.pid}`);
const node = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ...env } });
const tsx = (args: string[]) => node(['--import', 'tsx', ...args]);

function bundle(): string {
  const common = {
    bundle: true, platform: 'node' as const, format: 'cjs' as const, target: 'node20', packages: 'external' as const, logLevel: 'silent' as const,
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl', 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
  };
  buildSync({ ...common, entryPoints: ['electron/engine/jobs/worker.ts'], outfile: path.join(bundleDir, 'worker.cjs') });
  buildSync({ ...common, entryPoints: ['tests/bench/import-child.ts'], outfile: path.join(bundleDir, 'child.cjs') });
  return path.join(bundleDir, 'child.cjs');
}

interface ChildOut { rssPeaksMb: Record<string, number>; seconds: number; cpuSeconds: number; imported: number; rejected: number; peakRssMb: number; peakRssWithRefreshMb: number; rssBeforeMb: number; refreshSeconds: number | null; refreshCpuSeconds: number | null }

function importOnce(child: string, file: string, label: string, rows: number): { rate: number; secs: number; rssMb: number } {
  const project = path.join(dir, `${label.replace(/\W+/g, '-')}.minsheng`);
  const r = node([child, file, project], { MINSHENG_TIMINGS: '1', ...(REFRESH ? {} : { MINSHENG_BENCH_NO_REFRESH: '1' }) });
  for (const f of [project, `${project}-wal`, `${project}-shm`, `${project}.lock`]) fs.rmSync(f, { force: true });
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildOut;
  const phases = r.stderr.split('\n').filter((l) => l.startsWith('{"timing"')).map((l) => JSON.parse(l) as { timing: string; seconds: number });
  const ph = (prefix: string) => phases.filter((p) => p.timing.startsWith(prefix)).map((p) => `${p.timing.slice(prefix.length)} ${p.seconds.toFixed(1)} s`).join(', ');
  const rate = rows / out.seconds;
  console.log(`${label.padEnd(20)} ${rows} rows  import ${out.seconds.toFixed(1)} s = ${Math.round(rate).toLocaleString()} rows/s (CPU ${out.cpuSeconds.toFixed(1)} s = ${Math.round(rows / out.cpuSeconds).toLocaleString()} rows per CPU-s)  peak RSS ${out.peakRssMb} MB (engine idle ${out.rssBeforeMb} MB)  imported ${out.imported} rejected ${out.rejected}`);
  console.log(`${''.padEnd(20)} import phases: ${ph('import:')}; inline derived: ${ph('derived:')}`);
  console.log(`${''.padEnd(20)} peak RSS by phase (200 ms samples): ${Object.entries(out.rssPeaksMb).map(([k, v]) => `${k} ${v} MB`).join(', ')}`);
  if (out.refreshSeconds !== null) console.log(`${''.padEnd(20)} derived refresh job: ${out.refreshSeconds.toFixed(1)} s (CPU ${out.refreshCpuSeconds!.toFixed(1)} s; ${ph('refresh:')})  peak RSS with it ${out.peakRssWithRefreshMb} MB`);
  return { rate, secs: out.seconds, rssMb: out.peakRssMb };
}

function sqliteImport(file: string): number | null {
  if (spawnSync('sqlite3', ['--version']).status !== 0) { console.log('sqlite3 shell not installed (apt-get install sqlite3): no physical reference'); return null; }
  const db = path.join(dir, 'ref.db');
  fs.rmSync(db, { force: true });
  const t0 = performance.now();
  const r = spawnSync('sqlite3', [db], { input: `.mode csv\n.import '${file}' t\n`, encoding: 'utf8' });
  const secs = (performance.now() - t0) / 1000;
  if (r.status !== 0) { console.log(`sqlite3 .import failed: ${r.stderr}`); return null; }
  console.log(`${'sqlite3 .import (bare)'.padEnd(20)} ${secs.toFixed(1)} s`);
  fs.rmSync(db, { force: true });
  return secs;
}

function gen(file: string, rows: number, enc: 'utf8' | 'gb18030'): void {
  const t0 = performance.now();
  const r = tsx(['tests/bench/gen-extract.ts', file, String(rows), enc]);
  if (r.status !== 0) throw new Error(r.stderr);
  console.log(`generated ${path.basename(file)}: ${rows} rows, ${(fs.statSync(file).size / 1048576).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

try {
  console.log(`machine: ${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const child = bundle();
  const utf8 = path.join(dir, 'extract-utf8.csv');
  gen(utf8, ROWS, 'utf8');
  let u = { rate: 0, secs: 0, rssMb: 0 };
  for (let i = 0; i < REPEAT; i++) {
    u = importOnce(child, utf8, 'CSV UTF-8', ROWS);
    const ref = sqliteImport(utf8);
    if (ref) console.log(`ratio to bare .import: ${(u.secs / ref).toFixed(2)}× (target ≤ 3×)`);
  }
  fs.rmSync(utf8);
  if (GB) {
    const gb = path.join(dir, 'extract-gb18030.csv');
    gen(gb, ROWS, 'gb18030');
    for (let i = 0; i < REPEAT; i++) importOnce(child, gb, 'CSV GB18030', ROWS);
    fs.rmSync(gb);
  }
  if (BIG) {
    const big = path.join(dir, 'extract-big.csv');
    gen(big, BIG, 'utf8');
    const b = importOnce(child, big, `CSV UTF-8 ${BIG / 1e6}M`, BIG);
    console.log(`rate vs ${ROWS / 1e6}M: ${((b.rate / u.rate - 1) * 100).toFixed(0)} % (target ±20 %)`);
    fs.rmSync(big);
  }
  if (XLSX_ROWS) {
    const x = path.join(dir, 'extract.xlsx');
    const r = tsx(['tests/bench/gen-xlsx.ts', x, String(XLSX_ROWS)]);
    if (r.status !== 0) throw new Error(r.stderr);
    importOnce(child, x, 'XLSX', XLSX_ROWS);
  }
  console.log('wall-clock figures depend on what else the machine runs (load average above); CPU seconds are the steadier measure');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(bundleDir, { recursive: true, force: true });
}
