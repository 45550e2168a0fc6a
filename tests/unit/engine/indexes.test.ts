import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dropSecondaryIndexes, rebuildIndexes } from '../../../electron/engine/db/repos/indexes';

function db(): Database.Database {
  const d = new Database(':memory:');
  d.pragma('temp_store = MEMORY');
  d.pragma('cache_size = -65536');
  d.exec('CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b INTEGER); CREATE UNIQUE INDEX t_a ON t(a); CREATE INDEX t_b ON t(b, a);');
  const ins = d.prepare('INSERT INTO t(a, b) VALUES (?, ?)');
  for (let i = 0; i < 5000; i++) ins.run(`k${i}`, i % 97);
  return d;
}

const indexes = (d: Database.Database) => (d.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('secondary index rebuild', () => {
  it('drops all but the kept ones and rebuilds them inside a transaction, restoring the connection settings', () => {
    const d = db();
    d.exec('BEGIN');
    const sqls = dropSecondaryIndexes(d, 't', ['t_a']);
    expect(indexes(d)).toEqual(['t_a']);
    rebuildIndexes(d, sqls);
    d.exec('COMMIT');
    expect(indexes(d)).toEqual(['t_a', 't_b']);
    expect(d.pragma('temp_store', { simple: true })).toBe(2);
    expect(d.pragma('cache_size', { simple: true })).toBe(-65536);
    expect(d.prepare('SELECT count(*) AS n FROM t INDEXED BY t_b WHERE b = 5').get()).toEqual({ n: 52 });
  });

  it('still rebuilds when the transaction already used temporary storage (temp_store cannot change then)', () => {
    const d = db();
    d.exec('BEGIN');
    const sqls = dropSecondaryIndexes(d, 't', ['t_a']);
    d.exec('CREATE TEMP TABLE scratch(x); INSERT INTO scratch VALUES (1)');
    expect(() => d.pragma('temp_store = FILE')).toThrow(/temporary storage/);
    rebuildIndexes(d, sqls);
    d.exec('COMMIT');
    expect(indexes(d)).toEqual(['t_a', 't_b']);
    expect(d.pragma('temp_store', { simple: true })).toBe(2);
  });
});
