import Database from 'better-sqlite3';
import { registerSqlFunctions } from './sql-functions';

/** Pragmas every read-write connection uses. */
export function openConnection(path: string, opts: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(path, { fileMustExist: true, readonly: opts.readonly ?? false });
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  registerSqlFunctions(db);
  return db;
}
