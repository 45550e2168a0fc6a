import { inspectProjectFile } from '../db/project-file';
import { openConnection } from '../db/connection';
import { SqliteAuditRepository } from '../db/repos/audit-repo';
import type { AuditEntry, AuditVerification } from '../db/repos/types';
import { normaliseProjectPath } from '../services/projects';
import type { ParsedArgs } from './args';
import { UsageError } from './import-commands';

/** Exit code of `audit verify` when the chain is broken (0 = intact). */
export const AUDIT_BROKEN_EXIT = 3;

/** Reads the trail through a read-only connection: verifying must not add an entry of its own. */
function withAudit<T>(file: string, fn: (repo: SqliteAuditRepository) => T): T {
  const abs = normaliseProjectPath(file);
  inspectProjectFile(abs);
  const db = openConnection(abs, { readonly: true });
  try { return fn(new SqliteAuditRepository(db)); } finally { db.close(); }
}

export function auditVerifyText(v: AuditVerification, locale: 'zh-CN' | 'en'): string {
  if (v.ok) {
    return locale === 'en'
      ? `audit trail intact: ${v.entries} entries, last hash ${v.lastHash ?? '-'}`
      : `审计链完整：共 ${v.entries} 条，末条哈希 ${v.lastHash ?? '-'}`;
  }
  const what = v.reason === 'link'
    ? (locale === 'en' ? 'does not follow the entry before it (an entry was deleted or inserted)' : '与前一条记录接不上（有记录被删除或插入）')
    : (locale === 'en' ? 'was changed after it was written' : '写入后被修改过');
  const after = v.afterId === null ? '' : (locale === 'en' ? `; entries up to #${v.afterId} verify` : `；#${v.afterId} 及之前的记录校验通过`);
  return locale === 'en' ? `audit trail BROKEN at entry #${v.brokenAt}: it ${what}${after}` : `审计链断裂于第 #${v.brokenAt} 条：该记录${what}${after}`;
}

/** cli audit verify <p> | audit list <p> [--action A] [--limit N] */
export function auditCmd(args: ParsedArgs): { kind: 'verify'; result: AuditVerification } | { kind: 'list'; result: { total: number; entries: AuditEntry[] } } {
  const [, sub, file] = args.positional;
  if (!file || (sub !== 'verify' && sub !== 'list')) throw new UsageError('usage: audit verify|list <project> [--action A] [--limit N]');
  if (sub === 'verify') return { kind: 'verify', result: withAudit(file, (r) => r.verify()) };
  const limit = args.flags.limit === undefined ? 100 : Number(args.flags.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new UsageError('--limit must be an integer between 1 and 100000');
  const action = typeof args.flags.action === 'string' ? [args.flags.action] : undefined;
  return { kind: 'list', result: withAudit(file, (r) => r.list({ actions: action, offset: 0, limit, order: 'asc' })) };
}
