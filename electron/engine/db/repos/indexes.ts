import type Database from 'better-sqlite3';

/**
 * Drops the secondary indexes of a table (except those named in `keep`, e.g. the unique key used for
 * de-duplication) and returns their CREATE statements, to rebuild them once after a bulk load.
 */
export function dropSecondaryIndexes(db: Database.Database, table: string, keep: readonly string[] = []): string[] {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name").all(table) as { name: string; sql: string }[];
  const drop = rows.filter((r) => !keep.includes(r.name));
  for (const r of drop) db.exec(`DROP INDEX "${r.name.replace(/"/g, '""')}"`);
  return drop.map((r) => r.sql);
}

/**
 * Recreates the indexes. SQLite may sort with helper threads meanwhile; its sorter keeps at most a
 * 16 MB page cache's worth in memory per sort (its in-memory limit follows cache_size) and spills to
 * temporary files rather than memory (with temp_store = MEMORY a 5M-row index sort held hundreds of
 * MB). SQLite refuses to change temp_store inside a transaction that already used temporary storage:
 * the spill then stays in memory, as before. The settings are restored after.
 */
export function rebuildIndexes(db: Database.Database, sqls: readonly string[]): void {
  const get = (k: string) => Number(db.pragma(k, { simple: true })) || 0;
  const threads = get('threads'); const cacheSize = get('cache_size'); const tempStore = get('temp_store');
  db.pragma('threads = 2');
  db.pragma('cache_size = -16384');
  const toFiles = trySetTempStore(db, 'FILE');
  try {
    for (const sql of sqls) db.exec(sql);
  } finally {
    db.pragma(`threads = ${threads}`);
    db.pragma(`cache_size = ${cacheSize}`);
    if (toFiles) trySetTempStore(db, String(tempStore));
  }
}

function trySetTempStore(db: Database.Database, value: string): boolean {
  try {
    db.pragma(`temp_store = ${value}`);
    return true;
  } catch {
    return false; // "temporary storage cannot be changed from within a transaction"
  }
}
