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
  const saved = (['threads', 'temp_store', 'cache_size'] as const).map((k) => [k, db.pragma(k, { simple: true }) as number] as const);
  db.pragma('threads = 2');
  const toFiles = trySetTempStore(db, 'FILE');
  db.pragma('cache_size = -16384');
  try {
    for (const sql of sqls) db.exec(sql);
  } finally {
    for (const [k, v] of saved) {
      if (k === 'temp_store') { if (toFiles) trySetTempStore(db, String(Number(v) || 0)); } else db.pragma(`${k} = ${Number(v) || 0}`);
    }
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
