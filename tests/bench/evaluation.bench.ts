/**
 * Evaluation benchmark over a demo project: reading the records, per-record facts (with and without
 * the reply-text metrics), one period of the default scheme end to end (metrics, weights,
 * sensitivity), the evidence query for the largest department, and the stored result's size.
 *   node --import tsx tests/bench/evaluation.bench.ts --project demo.minsheng [--period 2024] [--object department]
 * Make the project with `npm run -s cli -- demo /tmp/x/demo.minsheng --records 200000`.
 */
import { loadavg } from 'node:os';
import { openConnection } from '../../electron/engine/db/connection';
import { SqliteEvaluationRows } from '../../electron/engine/db/repos/evaluation-rows';
import { computeRun } from '../../electron/engine/services/evaluation/compute';
import { evidenceRecords } from '../../electron/engine/services/evaluation/evidence';
import { defaultScheme, factsOf, parsePeriod, type ObjectKind } from '../../shared/domain/evaluation';
import type { RunResult } from '../../shared/api/areas/evaluation';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const project = arg('project', '');
if (!project) { console.error('usage: evaluation.bench.ts --project <demo.minsheng> [--period 2024] [--object department]'); process.exit(1); }
const period = arg('period', '2024');
const object = arg('object', 'department') as ObjectKind;
const db = openConnection(project);
const rows = new SqliteEvaluationRows(db);
const p = parsePeriod(period)!;
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

let t = performance.now();
const plain = [...rows.rows(object, {}, p.from, p.to, { text: false })];
console.log(`read ${plain.length} records without text: ${ms(t)}`);
t = performance.now();
const withText = [...rows.rows(object, {}, p.from, p.to, { text: true })];
console.log(`read ${withText.length} records with title, content, reply: ${ms(t)}`);
const rules = { instantMinutes: 5, maxDays: 365 };
t = performance.now(); factsOf(plain, rules, false); console.log(`facts without text: ${ms(t)}`);
t = performance.now(); factsOf(withText, rules, true); console.log(`facts with reply completeness and relevance: ${ms(t)}`);

const scheme = { ...defaultScheme(), version: 1 };
t = performance.now();
const run = computeRun(db, scheme, { schemeId: 0, objectKind: object, periods: [period], filter: {}, sensitivityPercent: 10 });
const objects = run.periods[0].objects;
console.log(`default scheme, ${objects.length} ${object} objects, ${run.periods[0].scenarios.length} sensitivity scenarios: ${ms(t)}`);
console.log(`result JSON ${(JSON.stringify(run).length / 1024).toFixed(0)} KB`);
const biggest = [...objects].sort((a, b) => b.records - a.records)[0];
const full = { ...run, id: 0, createdAt: 0, seconds: 0, dataChanged: false } as RunResult;
t = performance.now();
const ev = evidenceRecords(db, full, { period, object: biggest.key, indicatorId: 'ontime', roles: ['flag'], offset: 0, limit: 200 });
console.log(`evidence (on-time flags) for ${biggest.key} (${biggest.records} records): ${ev.length} rows in ${ms(t)}`);
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (shared machine)`);
db.close();
