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

/** Recreates the indexes; SQLite may sort with helper threads meanwhile (PRAGMA threads, restored after). */
export function rebuildIndexes(db: Database.Database, sqls: readonly string[]): void {
  const before = db.pragma('threads', { simple: true }) as number;
  db.pragma('threads = 2');
  try {
    for (const sql of sqls) db.exec(sql);
  } finally {
    db.pragma(`threads = ${Number(before) || 0}`);
  }
}
