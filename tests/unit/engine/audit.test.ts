import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectFile } from '../../../electron/engine/db/project-file';
import { openConnection } from '../../../electron/engine/db/connection';
import { SqliteAuditRepository } from '../../../electron/engine/db/repos/audit-repo';
import { auditUserName } from '../../../electron/engine/services/audit-user';
import { tmpDir } from '../../helpers/tmp';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/engine/cli/index.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A project whose trail holds `n` entries (plus whatever creating the file wrote). */
function projectWithTrail(file: string, n: number): number[] {
  createProjectFile(file, '0.0.0-test');
  const db = openConnection(file);
  const repo = new SqliteAuditRepository(db);
  for (let i = 0; i < n; i++) repo.append({ at: 1_700_000_000_000 + i, actor: i % 2 ? 'user' : 'system', action: i % 3 ? 'import' : 'crosswalk.set', detail: { i, note: `第${i}条` } });
  const ids = (db.prepare('SELECT id FROM audit_log ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  db.close();
  return ids;
}

function tamper(file: string, sql: string, ...params: unknown[]): void {
  const db = openConnection(file);
  db.prepare(sql).run(...params);
  db.close();
}

function verify(file: string) {
  const db = openConnection(file, { readonly: true });
  try { return new SqliteAuditRepository(db).verify(); } finally { db.close(); }
}

describe('audit trail', () => {
  let dir: string; let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tmpDir()));
  afterAll(() => cleanup());

  it('an intact chain verifies; list filters by action and text and pages', () => {
    const file = path.join(dir, 'ok.minsheng');
    const ids = projectWithTrail(file, 12);
    const v = verify(file);
    expect(v).toMatchObject({ ok: true, entries: ids.length, brokenAt: null });
    const db = openConnection(file, { readonly: true });
    const repo = new SqliteAuditRepository(db);
    const crosswalk = repo.list({ actions: ['crosswalk.set'], offset: 0, limit: 100, order: 'asc' });
    expect(crosswalk.total).toBe(4); // i = 0, 3, 6, 9
    expect(crosswalk.entries.map((e) => JSON.parse(e.detail).i)).toEqual([0, 3, 6, 9]);
    expect(repo.list({ q: '第7条', offset: 0, limit: 10 }).entries.map((e) => JSON.parse(e.detail).i)).toEqual([7]);
    const page = repo.list({ actions: ['import'], offset: 2, limit: 3 });
    expect(page.total).toBe(8);
    expect(page.entries.map((e) => JSON.parse(e.detail).i)).toEqual([8, 7, 5]); // newest first, third to fifth
    expect(repo.actions().find((a) => a.action === 'import')?.count).toBe(8);
    // 'user' is recorded as the person's name, 'system' as is
    expect(repo.list({ q: '第1条', offset: 0, limit: 1 }).entries[0].actor).toBe(auditUserName());
    expect(repo.list({ q: '第2条', offset: 0, limit: 1 }).entries[0].actor).toBe('system');
    db.close();
  });

  it('an edited entry is caught at that entry', () => {
    const file = path.join(dir, 'edited.minsheng');
    const ids = projectWithTrail(file, 10);
    const target = ids[5];
    tamper(file, "UPDATE audit_log SET detail_json = replace(detail_json, '第', '弟') WHERE id = ?", target);
    expect(verify(file)).toMatchObject({ ok: false, brokenAt: target, reason: 'content', afterId: ids[4] });
  });

  it('a deleted entry is caught at the entry after the gap', () => {
    const file = path.join(dir, 'deleted.minsheng');
    const ids = projectWithTrail(file, 10);
    tamper(file, 'DELETE FROM audit_log WHERE id = ?', ids[3]);
    expect(verify(file)).toMatchObject({ ok: false, brokenAt: ids[4], reason: 'link', afterId: ids[2] });
  });

  it('an entry recomputed with a valid hash of its own still breaks the link to the next one', () => {
    const file = path.join(dir, 'rehashed.minsheng');
    const ids = projectWithTrail(file, 6);
    const db = openConnection(file);
    const row = db.prepare('SELECT * FROM audit_log WHERE id = ?').get(ids[2]) as { at: number; actor: string; action: string; detail_json: string; prev_hash: string };
    const detail = row.detail_json.replace('第', '弟');
    const hash = createHash('sha256').update(`${row.prev_hash}\n${row.at}\n${row.actor}\n${row.action}\n${detail}`).digest('hex');
    db.prepare('UPDATE audit_log SET detail_json = ?, hash = ? WHERE id = ?').run(detail, hash, ids[2]);
    db.close();
    expect(verify(file)).toMatchObject({ ok: false, brokenAt: ids[3], reason: 'link' });
  });

  it('cli audit verify: exit 0 when intact, exit 3 naming the first broken entry, and it adds no entry', () => {
    const file = path.join(dir, 'cli.minsheng');
    const ids = projectWithTrail(file, 5);
    const ok = cli(['audit', 'verify', file, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, entries: ids.length });
    tamper(file, "UPDATE audit_log SET actor = 'someone else' WHERE id = ?", ids[2]);
    const bad = cli(['audit', 'verify', file]);
    expect(bad.code).toBe(3);
    expect(bad.out).toContain(`#${ids[2]}`);
    const db = openConnection(file, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(ids.length);
    db.close();
    const list = cli(['audit', 'list', file, '--action', 'crosswalk.set', '--json']);
    expect(JSON.parse(list.out).total).toBe(2);
  });
});
