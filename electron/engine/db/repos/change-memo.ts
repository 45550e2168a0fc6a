/**
 * Figures that cost a scan (row counts of every table, an index's size from dbstat) kept until the
 * project changes: `PRAGMA data_version` moves when another connection (a job's worker) commits,
 * `total_changes()` when this connection writes. Both are read in microseconds.
 */
import type Database from 'better-sqlite3';

const memos = new WeakMap<Database.Database, Map<string, { key: string; value: unknown }>>();

export function changeKey(db: Database.Database): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const own = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${own}`;
}

/** `compute()` once per state of the project file (per connection and name). */
export function memoUntilChange<T>(db: Database.Database, name: string, compute: () => T): T {
  let m = memos.get(db);
  if (!m) memos.set(db, (m = new Map()));
  const key = changeKey(db);
  const hit = m.get(name);
  if (hit && hit.key === key) return hit.value as T;
  const value = compute();
  m.set(name, { key, value });
  return value;
}
