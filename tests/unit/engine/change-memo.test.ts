import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { memoUntilChange } from '../../../electron/engine/db/repos/change-memo';

describe('memoUntilChange', () => {
  let dir = '';
  afterEach(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  it('recomputes after a write on this connection or a commit on another one, not otherwise', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-memo-'));
    const file = path.join(dir, 'p.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t(x)');
    let computed = 0;
    const count = () => memoUntilChange(db, 'n', () => { computed++; return db.prepare('SELECT count(*) FROM t').pluck().get() as number; });
    expect(count()).toBe(0);
    expect(count()).toBe(0);
    expect(computed).toBe(1);
    db.prepare('INSERT INTO t VALUES (1)').run();          // own write
    expect(count()).toBe(1);
    expect(computed).toBe(2);
    const other = new Database(file);                        // another connection, as a job's worker
    other.prepare('INSERT INTO t VALUES (2), (3)').run();
    other.close();
    expect(count()).toBe(3);
    expect(count()).toBe(3);
    expect(computed).toBe(3);
    db.close();
  });
});
