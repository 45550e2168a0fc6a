import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../../helpers/tmp';
import { LATEST_SCHEMA_VERSION } from '../../../electron/engine/db/migrations';

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/engine/cli/index.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Each case starts the CLI through tsx (cold transpile of the engine): allow for a slow, shared machine.
describe('command line', { timeout: 180_000 }, () => {
  let dir: string; let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tmpDir()));
  afterAll(() => cleanup());

  it('lists its commands with --help', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['project create', 'project info', 'demo']) expect(r.out).toContain(c);
  });

  it('creates a project and reports it as JSON', () => {
    const file = path.join(dir, 'c.minsheng');
    expect(cli(['project', 'create', file]).code).toBe(0);
    const r = cli(['project', 'info', file, '--json']);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.out);
    expect(info.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(info.counts.find((c: { table: string }) => c.table === 'records').rows).toBe(0);
    expect(info.fileSizeBytes).toBeGreaterThanOrEqual(fs.statSync(file).size); // open: main file + WAL
  });

  it('writes a deterministic demo and prints rows/s', () => {
    const a = path.join(dir, 'a.minsheng');
    const r = cli(['demo', a, '--records', '1500', '--seed', '3', '--json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ records: 1500, seed: 3, synthetic: true });
    expect(out.rowsPerSecond).toBeGreaterThan(0);
    const info = JSON.parse(cli(['project', 'info', a, '--json']).out);
    expect(info.synthetic).toBe(true);
    expect(info.counts.find((c: { table: string }) => c.table === 'records').rows).toBe(1500);
  });

  it('exits 1 with a message on user errors, in the chosen language', () => {
    const notDb = path.join(dir, 'notes.minsheng');
    fs.writeFileSync(notDb, 'hello');
    const zh = cli(['project', 'info', notDb]);
    expect(zh.code).toBe(1);
    expect(zh.err).toContain('不是民声项目文件');
    const en = cli(['project', 'info', notDb, '--lang', 'en']);
    expect(en.err).toContain('is not a Minsheng project');
    expect(cli(['project', 'create', path.join(dir, 'c.minsheng')]).code).toBe(1);
    expect(cli(['frobnicate']).code).toBe(1);
    expect(cli(['demo', path.join(dir, 'x.minsheng'), '--records', 'lots']).code).toBe(1);
    expect(fs.readFileSync(notDb, 'utf8')).toBe('hello');
  });
});
