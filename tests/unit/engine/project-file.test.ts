import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { createProjectFile, inspectProjectFile, openProjectFile } from '../../../electron/engine/db/project-file';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION } from '../../../electron/engine/db/migrations';
import { lockPathOf } from '../../../electron/engine/db/lock';
import { snapshotDir, tmpDir } from '../../helpers/tmp';

function codeOf(fn: () => unknown): string {
  try { fn(); } catch (e) { return e instanceof ApiError ? e.code : `non-api: ${String(e)}`; }
  return 'no error';
}

describe('project files', () => {
  let dir: string; let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tmpDir()));
  afterEach(() => cleanup());

  it('creates a project with the latest schema, our application id and one file after close', () => {
    const file = path.join(dir, 'a.minsheng');
    createProjectFile(file, 'test');
    expect(inspectProjectFile(file).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const h = openProjectFile(file);
    expect(h.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(h.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(h.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(fs.existsSync(lockPathOf(file))).toBe(true);
    h.close();
    expect(fs.readdirSync(dir)).toEqual(['a.minsheng']);
  });

  it('refuses to overwrite an existing file', () => {
    const file = path.join(dir, 'a.minsheng');
    fs.writeFileSync(file, 'keep me');
    expect(codeOf(() => createProjectFile(file, 'test'))).toBe('FILE_EXISTS');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('rejects a text file, an empty file and a missing file without touching the folder', () => {
    fs.writeFileSync(path.join(dir, 'text.minsheng'), '工单编号,受理时间\n1,2020-01-01\n'.repeat(20));
    fs.writeFileSync(path.join(dir, 'empty.minsheng'), '');
    const before = snapshotDir(dir);
    expect(codeOf(() => openProjectFile(path.join(dir, 'text.minsheng')))).toBe('NOT_A_DATABASE');
    expect(codeOf(() => openProjectFile(path.join(dir, 'empty.minsheng')))).toBe('NOT_A_DATABASE');
    expect(codeOf(() => openProjectFile(path.join(dir, 'missing.minsheng')))).toBe('FILE_NOT_FOUND');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('rejects another program\'s SQLite database unchanged', () => {
    const file = path.join(dir, 'other.db');
    const db = new Database(file);
    db.exec('CREATE TABLE contacts(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts(name) VALUES (\'x\')');
    db.close();
    const before = snapshotDir(dir);
    expect(codeOf(() => openProjectFile(file))).toBe('FOREIGN_DATABASE');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('rejects a project written by a newer Minsheng unchanged, naming both versions', () => {
    const file = path.join(dir, 'newer.minsheng');
    createProjectFile(file, 'test');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    db.close();
    const before = snapshotDir(dir);
    try { openProjectFile(file); expect.unreachable(); } catch (e) {
      expect((e as ApiError).code).toBe('NEWER_SCHEMA');
      expect((e as ApiError).localized('zh-CN')).toContain(String(LATEST_SCHEMA_VERSION + 3));
    }
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('rejects a corrupt project unchanged', () => {
    const file = path.join(dir, 'c.minsheng');
    createProjectFile(file, 'test');
    const buf = fs.readFileSync(file);
    buf.fill(0xab, 100, Math.min(buf.length, 4096 * 3));
    fs.writeFileSync(file, buf);
    const before = snapshotDir(dir);
    expect(['CORRUPT_DATABASE', 'NOT_A_DATABASE']).toContain(codeOf(() => openProjectFile(file)));
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('migrates an older project forward after writing a backup', () => {
    const file = path.join(dir, 'old.minsheng');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 0');
    db.exec('CREATE TABLE scratch(x)');
    db.close();
    const h = openProjectFile(file);
    expect(h.openedFromVersion).toBe(0);
    expect(h.backupPath).toBe(`${file}.v0.bak`);
    expect(fs.existsSync(h.backupPath!)).toBe(true);
    expect(h.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    h.close();
    expect(new Database(h.backupPath!).pragma('user_version', { simple: true })).toBe(0);
  });

  it('detects the lock of a live process and names the holder; replaces a stale lock', () => {
    const file = path.join(dir, 'l.minsheng');
    createProjectFile(file, 'test');
    // A live process on this host: our parent (the test runner's parent shell) stands in.
    fs.writeFileSync(lockPathOf(file), JSON.stringify({ pid: process.ppid, host: os.hostname(), since: '2026-01-01T00:00:00Z' }));
    try { openProjectFile(file); expect.unreachable(); } catch (e) {
      expect((e as ApiError).code).toBe('PROJECT_LOCKED');
      expect((e as ApiError).params.pid).toBe(process.ppid);
    }
    // A dead process: stale, replaced.
    fs.writeFileSync(lockPathOf(file), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), since: 'x' }));
    const h = openProjectFile(file);
    expect(JSON.parse(fs.readFileSync(lockPathOf(file), 'utf8')).pid).toBe(process.pid);
    // The same process opening it twice is refused as well.
    expect(codeOf(() => openProjectFile(file))).toBe('PROJECT_LOCKED');
    h.close();
    expect(fs.existsSync(lockPathOf(file))).toBe(false);
  });
});
