import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { openConnection } from './connection';
import { acquireLock } from './lock';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface ProjectHandle {
  readonly path: string;
  readonly db: Database.Database;
  /** Schema version found on disk before migrating. */
  readonly openedFromVersion: number;
  /** Backup written before migrating, if any. */
  readonly backupPath: string | null;
  close(): void;
}

function mapSqliteError(e: unknown, file: string): ApiError {
  const code = (e as { code?: string }).code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB') return new ApiError('NOT_A_DATABASE', { path: file });
  if (code.startsWith('SQLITE_CORRUPT')) return new ApiError('CORRUPT_DATABASE', { path: file, detail: msg });
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new ApiError('PROJECT_LOCKED', { host: '?', pid: -1, since: '?' });
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') return new ApiError('READ_ONLY', { path: file, detail: msg });
  return new ApiError('CORRUPT_DATABASE', { path: file, detail: msg });
}

/**
 * Reads a file's identity without writing anything: magic bytes, application id, schema version.
 * Throws the typed error for not-a-database, foreign, corrupt and newer-schema files.
 */
export function inspectProjectFile(file: string): { schemaVersion: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('FILE_NOT_FOUND', { path: file });
    throw new ApiError('READ_ONLY', { path: file, detail: String((e as Error).message) });
  }
  const header = Buffer.alloc(100);
  let n: number;
  try { n = fs.readSync(fd, header, 0, 100, 0); } finally { fs.closeSync(fd); }
  if (n < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) throw new ApiError('NOT_A_DATABASE', { path: file });
  // Header fields (big-endian): user_version at 60, application_id at 68.
  const appId = header.readUInt32BE(68);
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all() as string[];
    const liveAppId = db.pragma('application_id', { simple: true }) as number;
    const liveVersion = db.pragma('user_version', { simple: true }) as number;
    if (liveAppId !== APPLICATION_ID || (appId !== APPLICATION_ID && appId !== 0)) {
      throw new ApiError('FOREIGN_DATABASE', { path: file });
    }
    if (liveVersion > LATEST_SCHEMA_VERSION) {
      throw new ApiError('NEWER_SCHEMA', { found: liveVersion, supported: LATEST_SCHEMA_VERSION });
    }
    if (liveVersion >= 1 && !tables.includes('records')) {
      throw new ApiError('CORRUPT_DATABASE', { path: file, detail: 'table records missing' });
    }
    return { schemaVersion: liveVersion };
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw mapSqliteError(e, file);
  } finally {
    db?.close();
  }
}

function migrate(db: Database.Database, from: number): void {
  const run = db.transaction(() => {
    for (let v = from; v < LATEST_SCHEMA_VERSION; v++) {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    }
  });
  run.exclusive();
}

/** Creates a new, empty project file. Fails with FILE_EXISTS rather than overwriting. */
export function createProjectFile(file: string, appVersion: string, now: Date = new Date()): void {
  const abs = path.resolve(file);
  if (fs.existsSync(abs)) throw new ApiError('FILE_EXISTS', { path: abs });
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.creating-${process.pid}`;
  try {
    const db = new Database(tmp);
    try {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db, 0);
      const ins = db.prepare('INSERT INTO meta(key, value) VALUES (?, ?)');
      db.transaction(() => {
        ins.run('created_at', now.toISOString());
        ins.run('created_by', `minsheng ${appVersion}`);
        ins.run('synthetic', '0');
      })();
    } finally {
      db.close();
    }
    fs.renameSync(tmp, abs);
  } catch (e) {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
    if (e instanceof ApiError) throw e;
    throw new ApiError('READ_ONLY', { path: abs, detail: (e as Error).message });
  }
}

/**
 * Opens a project: checks identity (changing nothing on a bad file), takes the lock,
 * backs the file up and migrates forward in one transaction when it is older.
 */
export function openProjectFile(file: string): ProjectHandle {
  const abs = path.resolve(file);
  const { schemaVersion } = inspectProjectFile(abs);
  const release = acquireLock(abs);
  let db: Database.Database | null = null;
  try {
    db = openConnection(abs);
    let backupPath: string | null = null;
    if (schemaVersion < LATEST_SCHEMA_VERSION) {
      backupPath = `${abs}.v${schemaVersion}.bak`;
      db.pragma('wal_checkpoint(TRUNCATE)');
      // a copy-on-write clone where the file system supports it (btrfs, XFS, APFS), else a plain copy
      fs.copyFileSync(abs, backupPath, fs.constants.COPYFILE_FICLONE);
      migrate(db, schemaVersion);
    }
    const handle: ProjectHandle = {
      path: abs, db, openedFromVersion: schemaVersion, backupPath,
      close() {
        try { if (db?.open) { db.pragma('optimize'); db.close(); } } finally { release(); }
      },
    };
    return handle;
  } catch (e) {
    db?.close();
    release();
    if (e instanceof ApiError) throw e;
    throw mapSqliteError(e, abs);
  }
}
