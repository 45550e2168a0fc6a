/**
 * A large demo leaves the full-text index and alert detection to the `derived.refresh` job, as a large
 * import does: `cli demo` finishes that work before exiting, or leaves it queued with --defer-derived.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../../helpers/tmp';
import { createEngine } from '../../../electron/engine/engine';
import { waitDerivedRefresh } from '../../../electron/engine/services/derived/auto';

// a low threshold, so a small demo counts as large
const ENV = { ...process.env, MINSHENG_DERIVED_DEFER_MIN_ROWS: '1000' };

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/engine/cli/index.ts', ...args], { encoding: 'utf8', env: ENV, timeout: 150_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function state(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const n = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      pending: db.prepare('SELECT builder, change_json FROM derived_pending ORDER BY id').raw().all(),
      indexed: n('SELECT count(*) FROM text_fts'),
      records: n('SELECT count(*) FROM records'),
      stats: n('SELECT count(*) FROM stats_chunks'),
    };
  } finally { db.close(); }
}

describe('cli demo above the deferral threshold', { timeout: 300_000 }, () => {
  let dir: string; let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tmpDir()));
  afterAll(() => cleanup());

  it('runs the deferred work after committing the records, so the project is complete', () => {
    const file = path.join(dir, 'full.minsheng');
    const r = cli(['demo', file, '--records', '1500', '--json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ records: 1500, derivedDeferred: false });
    expect(out.derivedSeconds).toBeGreaterThan(0);
    const s = state(file);
    expect(s.pending).toEqual([]);
    expect(s.records).toBe(1500);
    expect(s.indexed).toBeGreaterThan(0);
    expect(s.stats).toBeGreaterThan(0);
  });

  it('with --defer-derived leaves the text index and alerts queued for the app, the dashboard columns built', async () => {
    const file = path.join(dir, 'deferred.minsheng');
    const r = cli(['demo', file, '--records', '1500', '--defer-derived', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ records: 1500, derivedDeferred: true, derivedSeconds: null });
    const s = state(file);
    expect(s.pending).toEqual([['text', '{"kind":"rebuilt"}'], ['alerts', '{"kind":"rebuilt"}']]);
    expect(s.indexed).toBe(0);
    expect(s.stats).toBeGreaterThan(0);
    // opening the project in the engine (as the app does) works the queue off
    const engine = createEngine({ host: 'test', dataDir: path.join(dir, 'data') });
    try {
      engine.ctx.projects.openFile(file, 'test');
      const refresh = await waitDerivedRefresh(engine.ctx);
      expect(refresh?.status).toBe('succeeded');
    } finally { await engine.shutdown(); }
    const after = state(file);
    expect(after.pending).toEqual([]);
    expect(after.indexed).toBeGreaterThan(0);
  });
});
