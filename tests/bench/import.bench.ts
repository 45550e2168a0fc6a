/**
 * bench:import — end-to-end import rate and peak memory, against SQLite's own `.import` as the physical floor.
 *   node --import tsx tests/bench/import.bench.ts [--rows 1000000] [--big 5000000] [--xlsx 200000]
 * Each import runs in a fresh child process so its peak RSS (VmHWM) is its own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const arg = (n: string, d: number) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? Number(process.argv[i + 1]) : d; };
const ROWS = arg('rows', 1_000_000);
const BIG = arg('big', 0);
const XLSX_ROWS = arg('xlsx', 0);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-import-'));
const node = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });

function importOnce(file: string, label: string, rows: number): { rate: number; secs: number; rssMb: number } {
  const project = path.join(dir, `${label}.minsheng`);
  const r = node(['tests/bench/import-child.ts', file, project]);
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
  const rate = rows / out.seconds;
  console.log(`${label.padEnd(22)} ${rows} rows  ${out.seconds.toFixed(1)} s  ${Math.round(rate).toLocaleString()} rows/s  peak RSS ${out.peakRssMb} MB  imported ${out.imported} rejected ${out.rejected}  (after the rows: indexes + derived data — full-text index, dashboard columns, map chunks, overlay, alert detection — ${out.indexSeconds?.toFixed?.(1) ?? '?'} s)`);
  fs.rmSync(project, { force: true });
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
  console.log(`${'sqlite3 .import (bare)'.padEnd(22)} ${secs.toFixed(1)} s`);
  fs.rmSync(db, { force: true });
  return secs;
}

function gen(file: string, rows: number, enc: 'utf8' | 'gb18030'): void {
  const t0 = performance.now();
  const r = node(['tests/bench/gen-extract.ts', file, String(rows), enc]);
  if (r.status !== 0) throw new Error(r.stderr);
  console.log(`generated ${path.basename(file)}: ${rows} rows, ${(fs.statSync(file).size / 1048576).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

try {
  console.log(`machine: ${os.cpus().length} cores, node ${process.version}`);
  const utf8 = path.join(dir, 'extract-utf8.csv');
  gen(utf8, ROWS, 'utf8');
  const u = importOnce(utf8, 'CSV UTF-8', ROWS);
  const ref = sqliteImport(utf8);
  if (ref) console.log(`ratio to bare .import: ${(u.secs / ref).toFixed(2)}× (target ≤ 3×)`);
  fs.rmSync(utf8);
  const gb = path.join(dir, 'extract-gb18030.csv');
  gen(gb, ROWS, 'gb18030');
  importOnce(gb, 'CSV GB18030', ROWS);
  fs.rmSync(gb);
  if (BIG) {
    const big = path.join(dir, 'extract-big.csv');
    gen(big, BIG, 'utf8');
    const b = importOnce(big, `CSV UTF-8 ${BIG / 1e6}M`, BIG);
    console.log(`rate vs ${ROWS / 1e6}M: ${((b.rate / u.rate - 1) * 100).toFixed(0)} % (target ±20 %)`);
    fs.rmSync(big);
  }
  if (XLSX_ROWS) {
    const x = path.join(dir, 'extract.xlsx');
    const r = node(['tests/bench/gen-xlsx.ts', x, String(XLSX_ROWS)]);
    if (r.status !== 0) throw new Error(r.stderr);
    importOnce(x, 'XLSX', XLSX_ROWS);
  }
  console.log('the full-text index is built inside the import (see the last figure of each line); bench:text times it alone');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
