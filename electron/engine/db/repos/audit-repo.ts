import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditRepository } from './types';

function entryHash(prev: string, at: number, actor: string, action: string, detail: string): string {
  return createHash('sha256').update(`${prev}\n${at}\n${actor}\n${action}\n${detail}`).digest('hex');
}

/** Append-only audit trail; each entry's hash chains to the previous one so edits are detectable. */
export class SqliteAuditRepository implements AuditRepository {
  constructor(private readonly db: Database.Database) {}

  append(entry: { at: number; actor: string; action: string; detail: unknown }): void {
    const prev = (this.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ?? '';
    const detail = JSON.stringify(entry.detail ?? null);
    this.db.prepare('INSERT INTO audit_log(at, actor, action, detail_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)')
      .run(entry.at, entry.actor, entry.action, detail, prev, entryHash(prev, entry.at, entry.actor, entry.action, detail));
  }

  verify(): { ok: boolean; entries: number; brokenAt: number | null } {
    let prev = '';
    let n = 0;
    for (const row of this.db.prepare('SELECT id, at, actor, action, detail_json, prev_hash, hash FROM audit_log ORDER BY id').iterate() as Iterable<{ id: number; at: number; actor: string; action: string; detail_json: string; prev_hash: string; hash: string }>) {
      n++;
      if (row.prev_hash !== prev || row.hash !== entryHash(prev, row.at, row.actor, row.action, row.detail_json)) return { ok: false, entries: n, brokenAt: row.id };
      prev = row.hash;
    }
    return { ok: true, entries: n, brokenAt: null };
  }
}
