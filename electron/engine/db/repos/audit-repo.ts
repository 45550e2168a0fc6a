import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditEntry, AuditListQuery, AuditRepository, AuditVerification } from './types';
import { auditUserName } from '../../services/audit-user';

function entryHash(prev: string, at: number, actor: string, action: string, detail: string): string {
  return createHash('sha256').update(`${prev}\n${at}\n${actor}\n${action}\n${detail}`).digest('hex');
}

/** 'user' and 'cli' name the person at the keyboard (OS account, or MINSHENG_USER); other actors stay as given. */
function resolveActor(actor: string): string {
  if (actor === 'user') return auditUserName();
  if (actor === 'cli') return `${auditUserName()} (cli)`;
  return actor;
}

interface Row { id: number; at: number; actor: string; action: string; detail_json: string | null; prev_hash: string | null; hash: string | null }

function whereOf(q: AuditListQuery): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (q.actions?.length) { parts.push(`action IN (${q.actions.map(() => '?').join(',')})`); params.push(...q.actions); }
  if (q.from !== undefined) { parts.push('at >= ?'); params.push(q.from); }
  if (q.to !== undefined) { parts.push('at < ?'); params.push(q.to); }
  const text = q.q?.trim();
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const id = /^#?(\d+)$/.exec(text);
    parts.push(`(actor LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\' OR detail_json LIKE ? ESCAPE '\\'${id ? ' OR id = ?' : ''})`);
    params.push(like, like, like, ...(id ? [Number(id[1])] : []));
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Append-only audit trail; each entry's hash chains to the previous one so edits are detectable. */
export class SqliteAuditRepository implements AuditRepository {
  constructor(private readonly db: Database.Database) {}

  append(entry: { at: number; actor: string; action: string; detail: unknown }): void {
    const prev = (this.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ?? '';
    const detail = JSON.stringify(entry.detail ?? null);
    const actor = resolveActor(entry.actor);
    this.db.prepare('INSERT INTO audit_log(at, actor, action, detail_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)')
      .run(entry.at, actor, entry.action, detail, prev, entryHash(prev, entry.at, actor, entry.action, detail));
  }

  /**
   * Recomputes the chain from the first entry. The first broken link is the first entry whose stored
   * previous hash differs from the hash of the entry before it (an entry deleted or inserted) or whose
   * own hash differs from the recomputed one (an entry edited).
   */
  verify(): AuditVerification {
    let prev = '';
    let n = 0;
    let lastId: number | null = null;
    for (const row of this.db.prepare('SELECT id, at, actor, action, detail_json, prev_hash, hash FROM audit_log ORDER BY id').iterate() as Iterable<Row>) {
      n++;
      if ((row.prev_hash ?? '') !== prev) return { ok: false, entries: n, brokenAt: row.id, reason: 'link', afterId: lastId };
      if (row.hash !== entryHash(prev, row.at, row.actor, row.action, row.detail_json ?? '')) {
        return { ok: false, entries: n, brokenAt: row.id, reason: 'content', afterId: lastId };
      }
      prev = row.hash;
      lastId = row.id;
    }
    return { ok: true, entries: n, brokenAt: null, reason: null, afterId: null, lastHash: prev || null };
  }

  list(q: AuditListQuery): { total: number; entries: AuditEntry[] } {
    const { sql, params } = whereOf(q);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM audit_log ${sql}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT id, at, actor, action, detail_json, prev_hash, hash FROM audit_log ${sql} ORDER BY id ${q.order === 'asc' ? 'ASC' : 'DESC'} LIMIT ? OFFSET ?`)
      .all(...params, q.limit, q.offset) as Row[];
    return {
      total,
      entries: rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, detail: r.detail_json ?? 'null', hash: r.hash ?? '', prevHash: r.prev_hash ?? '' })),
    };
  }

  actions(): { action: string; count: number }[] {
    return this.db.prepare('SELECT action, count(*) AS count FROM audit_log GROUP BY action ORDER BY count DESC, action').all() as { action: string; count: number }[];
  }
}
