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

export function rebuildIndexes(db: Database.Database, sqls: readonly string[]): void {
  for (const sql of sqls) db.exec(sql);
}
