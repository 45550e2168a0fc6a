/**
 * Demo-generator benchmark: writes a synthetic extract into a temporary project file in one
 * transaction (as the job runner does) and prints records, seconds, rows/s, peak RSS and file size.
 * The project is created and opened with the engine's own code (WAL, 64 MB cache, temp_store MEMORY).
 *   node --import tsx tests/bench/demo.bench.ts [--records N] [--seed S] [--keep]
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConnection } from '../../electron/engine/db/connection';
import { createProjectFile } from '../../electron/engine/db/project-file';
import type { JobContext } from '../../electron/engine/jobs/types';
import { writeDemo } from '../../electron/engine/services/demo';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const records = Number(arg('records', '200000'));
const seed = Number(arg('seed', '12345'));
const keep = process.argv.includes('--keep');

const dir = mkdtempSync(join(tmpdir(), 'minsheng-bench-'));
const file = join(dir, 'demo.minsheng');
createProjectFile(file, 'bench');
const db = openConnection(file);

let lastPrint = 0;
/** Wall time of each progress phase (by message), to see where the time goes. */
const phases: { message: string; at: number }[] = [];
const ctx: JobContext = {
  db,
  progress(done, total, message) {
    const now = Date.now();
    if (message && phases[phases.length - 1]?.message !== message) phases.push({ message, at: performance.now() });
    if (now - lastPrint > 2000) {
      lastPrint = now;
      console.log(`  ${message ?? ''} ${done}/${total ?? '?'}`);
    }
  },
  checkCancelled() {},
  now: () => Date.now(),
};

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = db.transaction(() => writeDemo(ctx, { records, seed }))();
const t1 = performance.now();
const cpu = process.cpuUsage(cpu0);
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
const t2 = performance.now();

const size = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
const seconds = (t1 - t0) / 1000;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ ...result, seconds: undefined, rowsPerSecond: undefined }));
console.log(`records        ${result.records}`);
phases.forEach((p, i) => console.log(`  phase ${p.message.padEnd(16, '\u3000')} ${(((phases[i + 1]?.at ?? t1) - p.at) / 1000).toFixed(2)} s`));
console.log(`seconds        ${seconds.toFixed(2)} (transaction), ${((t2 - t1) / 1000).toFixed(2)} checkpoint+close`);
console.log(`rows/s         ${Math.round(result.records / seconds)}`);
console.log(`CPU            ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s in the transaction (machine load ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
console.log(`peak RSS       ${peakRssMb.toFixed(0)} MB`);
console.log(`file size      ${(size / 1024 / 1024).toFixed(1)} MB (${file}${keep ? '' : ', removed'})`);
if (!keep) rmSync(dir, { recursive: true, force: true });
