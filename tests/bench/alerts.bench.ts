/**
 * bench:alerts — the space-time permutation scan at city scale (issue 8 target: a 2-year,
 * 2,000,000-record city at community level in under 2 minutes with 999 replications).
 * Uses `--project <file>` when given (e.g. a demo made by `cli demo … --records 2000000`), otherwise
 * builds a synthetic demo of `--records N` (default 2,000,000) in a temporary folder.
 * Prints: the daily counts per community (from the statistics columns the import keeps, SQL otherwise), the scan itself (observed cylinders + Monte Carlo) and the total,
 * for `--replications` (default 999), `--study-days` (default 730) and `--days` (default 14).
 * Machine load changes the figures; run it alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createProjectFile } from '../../electron/engine/db/project-file';
import { writeDemo } from '../../electron/engine/services/demo';
import { runScan } from '../../electron/engine/services/alerts/scan';
import type { JobContext } from '../../electron/engine/jobs/types';
import { statsColumns } from '../../electron/engine/services/alerts/area-days';
import { statsRebuildJob } from '../../electron/engine/services/stats/builder';

const arg = (name: string): string | undefined => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
const num = (name: string, dflt: number) => Number(arg(name) ?? dflt);
const given = arg('project');
const dir = given ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-alerts-'));
const file = given ?? path.join(dir!, 'bench.minsheng');

try {
  let db: Database.Database;
  if (given) {
    db = new Database(file);
  } else {
    const n = num('records', 2_000_000);
    createProjectFile(file, 'bench');
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    const t0 = performance.now();
    db.exec('BEGIN IMMEDIATE');
    writeDemo({ db, progress: () => {}, checkCancelled: () => {}, now: () => Date.now() }, { records: n, seed: 12345 });
    db.exec('COMMIT');
    console.log(`demo: ${n.toLocaleString()} records written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  // In the app every import / demo job keeps the statistics columns current (a derived builder); build them here if absent.
  const ctx: JobContext = { db, progress: () => {}, checkCancelled: () => {}, now: () => Date.now() };
  if (!statsColumns(db)) {
    const t0 = performance.now();
    db.transaction(() => { statsRebuildJob(ctx); })();
    console.log(`statistics columns built in ${((performance.now() - t0) / 1000).toFixed(1)} s (done by the import in the app)`);
  }
  const tl = performance.now();
  const ready = statsColumns(db) !== null;
  console.log(`statistics columns ${ready ? 'loaded' : 'NOT available (SQL path)'} in ${((performance.now() - tl) / 1000).toFixed(1)} s (cached by the engine once loaded)`);
  const records = db.prepare('SELECT count(*) FROM records').pluck().get() as number;
  const params = { level: 'community' as const, days: num('days', 14), studyDays: num('study-days', 730), replications: num('replications', 999) };
  const t0 = performance.now();
  const r = runScan(db, Date.now(), { ...params, storeAlerts: false });
  const total = (performance.now() - t0) / 1000;
  const t = r.timing!;
  console.log(`scan: ${records.toLocaleString()} records, ${r.areas} communities, ${params.studyDays} study days, window ≤ ${params.days} d, ${params.replications} replications`);
  console.log(`  cases in the study period ${r.totalCases.toLocaleString()}; counts query ${t.countsSeconds.toFixed(2)} s; observed cylinders ${t.cylinders.toLocaleString()}; Monte Carlo ${t.monteCarloSeconds.toFixed(2)} s`);
  console.log(`  total ${total.toFixed(2)} s (target < 120 s); most likely cluster: ${r.clusters[0] ? `${r.clusters[0].centre} (${r.clusters[0].areas.length} areas, ${r.clusters[0].days} d, obs ${r.clusters[0].observed} / exp ${r.clusters[0].expected.toFixed(1)}, p = ${r.clusters[0].pValue.toFixed(4)})` : 'none'}`);
  db.close();
} finally {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
