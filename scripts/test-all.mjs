#!/usr/bin/env node
// `npm test`: everything CI runs, in order, with the time of each stage and one closing count line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePrereqs } from './prereqs.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const stages = [];
let passed = 0; let failed = 0; let skipped = 0;

function run(name, cmd, args, opts = {}) {
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  const secs = (Date.now() - t0) / 1000;
  stages.push({ name, secs, ok: r.status === 0 });
  if (r.status !== 0) {
    summary();
    console.error(`\n${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

function vitest(name, project) {
  const out = path.join(os.tmpdir(), `minsheng-vitest-${project}-${process.pid}.json`);
  run(name, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  try {
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += j.numPassedTests; failed += j.numFailedTests; skipped += j.numPendingTests + (j.numTodoTests ?? 0);
    fs.rmSync(out, { force: true });
  } catch { /* counts unavailable */ }
}

function summary() {
  console.log('\n=== stage timings');
  for (const s of stages) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.name.padEnd(22)} ${s.secs.toFixed(1)} s`);
}

const t0 = Date.now();
run('typecheck', 'npx', ['tsc', '-b', 'tsconfig.json']);
run('lint', 'npm', ['run', '-s', 'lint']);
vitest('unit tests', 'unit');
vitest('contract tests', 'contract');
ensurePrereqs();
run('build renderer', 'npm', ['run', '-s', 'build:renderer']);
run('packaging check', 'npm', ['run', '-s', 'check:package']);
vitest('e2e (browser mode)', 'e2e');
run('e2e (electron)', 'node', ['--import', 'tsx', 'tests/e2e-electron/electron.spec.ts']);
summary();
console.log(`  total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
