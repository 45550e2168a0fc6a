/**
 * Data-package benchmark: exports a project's records (all of them, or --where like the CLI is not
 * needed here) in-process with the export job's own code, and imports the package into a fresh project.
 * Prints rows/s and peak RSS for each phase. Needs a project (e.g. `cli demo /tmp/x/demo.minsheng`).
 *   node --import tsx tests/bench/package.bench.ts --project /tmp/x/demo.minsheng [--preset none|standard|strict]
 *        [--format arrow|csv|both] [--filter '{"districts":["…"]}'] [--no-import] [--keep]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openConnection } from '../../electron/engine/db/connection';
import { createProjectFile } from '../../electron/engine/db/project-file';
import type { JobContext } from '../../electron/engine/jobs/types';
import { runPackageExport } from '../../electron/engine/services/package/export';
import { runPackageImport } from '../../electron/engine/services/package/import';
import { PRESETS, type PresetName } from '../../shared/domain/anonymise/settings';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const project = arg('project', '');
if (!project || !fs.existsSync(project)) {
  console.error('usage: node --import tsx tests/bench/package.bench.ts --project <file.minsheng> [--preset standard] [--format both]');
  process.exit(1);
}
const preset = arg('preset', 'standard') as PresetName;
const format = arg('format', 'both');
const filter = JSON.parse(arg('filter', '{}')) as Record<string, unknown>;
const formats = format === 'both' ? ['arrow', 'csv'] as ('arrow' | 'csv')[] : [format as 'arrow' | 'csv'];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-pkg-bench-'));
const out = path.join(dir, 'package');

const ctxOf = (db: JobContext['db']): JobContext => ({ db, progress() {}, checkCancelled() {}, now: () => Date.now() });
/** CPU time of this process since `from` (user + system), seconds: comparable even when the machine is shared. */
const cpuSeconds = (from: NodeJS.CpuUsage) => { const c = process.cpuUsage(from); return (c.user + c.system) / 1e6; };
const mb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

async function main(): Promise<void> {
  console.log(`machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (shared machine: figures vary)`);
  const db = openConnection(project, { readonly: false });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  db.exec('BEGIN');
  const r = await runPackageExport(ctxOf(db), { filter, settings: PRESETS[preset], formats, outDir: out, layers: true, taxonomy: true, appVersion: 'bench', projectName: 'bench' });
  db.exec('ROLLBACK'); // leaves the project as it was (the audit entry included)
  db.close();
  const s = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(cpu0);
  console.log(`export  ${r.rows} rows (${preset}, ${formats.join('+')}) in ${s.toFixed(1)} s = ${Math.round(r.rows / s)} rows/s wall · ${cpu.toFixed(1)} CPU s = ${Math.round(r.rows / cpu)} rows per CPU-second · peak RSS ${mb()} MB`);
  for (const f of r.files) console.log(`  ${f.path.padEnd(44)} ${(f.bytes / 1048576).toFixed(1).padStart(8)} MB`);
  if (!process.argv.includes('--no-import')) {
    const target = path.join(dir, 'receiver.minsheng');
    createProjectFile(target, 'bench');
    const tdb = openConnection(target);
    const t1 = performance.now();
    const cpu1 = process.cpuUsage();
    tdb.exec('BEGIN IMMEDIATE');
    const imp = await runPackageImport(ctxOf(tdb), { dir: out });
    tdb.exec('COMMIT');
    tdb.close();
    const si = (performance.now() - t1) / 1000;
    const ci = cpuSeconds(cpu1);
    console.log(`import  ${imp.imported} rows in ${si.toFixed(1)} s = ${Math.round(imp.rows / si)} rows/s wall · ${ci.toFixed(1)} CPU s (hash check, records, derived data) · peak RSS ${mb()} MB`);
  }
  if (!process.argv.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true }); else console.log(`kept ${dir}`);
}

void main();
