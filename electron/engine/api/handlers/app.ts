import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import type { HandlerGroup } from '../types';

let sqliteVersion: string | null = null;
function getSqliteVersion(): string {
  if (!sqliteVersion) {
    const db = new Database(':memory:');
    sqliteVersion = db.prepare('SELECT sqlite_version()').pluck().get() as string;
    db.close();
  }
  return sqliteVersion;
}

export const appHandlers: HandlerGroup<'app.ping' | 'app.info' | 'settings.get' | 'settings.set'> = {
  'app.ping': () => ({ ok: true, serverTime: Date.now() }),
  'app.info': (_i, ctx) => ({
    name: 'Minsheng 民声', version: ctx.version, host: ctx.host, schemaVersion: LATEST_SCHEMA_VERSION,
    node: process.versions.node, sqlite: getSqliteVersion(), dataDir: ctx.dataDir,
  }),
  'settings.get': (_i, ctx) => ctx.settings.values(),
  'settings.set': (i, ctx) => ctx.settings.update(i),
};
