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
 * Recreates the indexes. SQLite may sort with helper threads meanwhile, and its sorter spills to
 * temporary files rather than memory (with temp_store = MEMORY a 5M-row index sort held hundreds
 * of MB); both settings are restored after.
 */
export function rebuildIndexes(db: Database.Database, sqls: readonly string[]): void {
  const threads = db.pragma('threads', { simple: true }) as number;
  const tempStore = db.pragma('temp_store', { simple: true }) as number;
  db.pragma('threads = 2');
  db.pragma('temp_store = FILE');
  try {
    for (const sql of sqls) db.exec(sql);
  } finally {
    db.pragma(`threads = ${Number(threads) || 0}`);
    db.pragma(`temp_store = ${Number(tempStore) || 0}`);
  }
}
