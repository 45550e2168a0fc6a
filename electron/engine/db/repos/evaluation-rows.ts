import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import type { EvalRow } from '../../../../shared/domain/evaluation/facts';
import type { ObjectKind } from '../../../../shared/domain/evaluation/scheme';
import { filterToSql } from './filter-sql';

/** What the evaluation reads from the records and beside them (batches, layers, alerts). */
export const OBJECT_COLUMN: Record<ObjectKind, string> = { department: 'department', district: 'district', street: 'street', source: 'source_code' };
/** The sub-areas whose spread the distribution metrics measure. */
export const SUB_COLUMN: Record<ObjectKind, string> = { department: 'district', source: 'district', district: 'street', street: 'community' };

export interface BatchInfo { id: number; sourceCode: string; fileName: string; sha256: string | null; records: number; finishedAt: number | null }
export interface AlertTimes { object: string; createdAt: number; assignedAt: number | null; resolvedAt: number | null }
export type ObjectRow = EvalRow & { object: string };
export interface EvidenceRecord {
  id: number; externalId: string; receivedAt: number; firstResponseAt: number | null; closedAt: number | null; status: string | null;
  transfers: number; satisfaction: number | null; district: string | null; street: string | null; department: string | null; title: string | null;
}

interface RawRow {
  id: number; object: string; receivedAt: number; firstResponseAt: number | null; closedAt: number | null; status: string | null;
  transfers: number; satisfaction: number | null; cat1: number | null; cat3: number | null; sub: string | null; caller: string | null;
  department: string | null; located: number; request?: string | null; reply?: string | null;
}

export class SqliteEvaluationRows {
  constructor(private readonly db: Database.Database) {}

  /** Records under the filter and period, of every object (or of one). Text columns only when asked. */
  *rows(kind: ObjectKind, filter: Filter, from: number | null, to: number | null, opts: { text: boolean; object?: string }): Generator<ObjectRow> {
    const { where, params } = filterToSql(filter);
    const col = OBJECT_COLUMN[kind];
    const parts = [where ? where.slice(6) : '1', `r.${col} IS NOT NULL`];
    const p = [...params];
    if (from !== null) { parts.push('r.received_at >= ?'); p.push(from); }
    if (to !== null) { parts.push('r.received_at < ?'); p.push(to); }
    if (opts.object !== undefined) { parts.push(`r.${col} = ?`); p.push(opts.object); }
    const text = opts.text ? ", coalesce(r.title, '') || ' ' || coalesce(r.content, '') AS request, r.reply AS reply" : '';
    const stmt = this.db.prepare(`SELECT r.id, r.${col} AS object, r.received_at AS receivedAt, r.first_response_at AS firstResponseAt,
      r.closed_at AS closedAt, r.status, r.transfers, r.satisfaction, r.cat1_id AS cat1, r.cat3_id AS cat3, r.${SUB_COLUMN[kind]} AS sub,
      r.caller_hash AS caller, r.department, (r.district IS NOT NULL OR r.lon IS NOT NULL) AS located${text}
      FROM records r WHERE ${parts.join(' AND ')} ORDER BY r.id`);
    for (const r of stmt.iterate(...p) as IterableIterator<RawRow>) yield { ...r, located: r.located === 1 };
  }

  /** Sub-areas ever seen per object (all records): zeros count in the distribution metrics. */
  subareas(kind: ObjectKind): Map<string, string[]> | string[] {
    const sub = SUB_COLUMN[kind];
    if (kind === 'department' || kind === 'source') {
      return (this.db.prepare(`SELECT DISTINCT ${sub} AS s FROM records WHERE ${sub} IS NOT NULL ORDER BY s`).all() as { s: string }[]).map((r) => r.s);
    }
    const col = OBJECT_COLUMN[kind];
    const out = new Map<string, string[]>();
    for (const r of this.db.prepare(`SELECT DISTINCT ${col} AS o, ${sub} AS s FROM records WHERE ${col} IS NOT NULL AND ${sub} IS NOT NULL ORDER BY o, s`).all() as { o: string; s: string }[]) {
      const list = out.get(r.o) ?? [];
      list.push(r.s);
      out.set(r.o, list);
    }
    return out;
  }

  /** Population per area from the layer features' properties (population / 人口), when present. */
  population(kind: ObjectKind): Map<string, number> {
    const out = new Map<string, number>();
    if (kind !== 'district' && kind !== 'street') return out;
    for (const r of this.db.prepare("SELECT f.name, f.props_json AS props FROM features f JOIN layers l ON l.id = f.layer_id WHERE l.kind = ? AND f.name IS NOT NULL").all(kind) as { name: string; props: string | null }[]) {
      try {
        const props = JSON.parse(r.props ?? '{}') as Record<string, unknown>;
        const v = Number(props.population ?? props['人口'] ?? props.pop);
        if (Number.isFinite(v) && v > 0) out.set(r.name, v);
      } catch { /* unreadable properties: no population */ }
    }
    return out;
  }

  /** The data's last receipt time. */
  dataEnd(): number {
    return (this.db.prepare('SELECT max(received_at) AS t FROM records').get() as { t: number | null }).t ?? 0;
  }

  /** Batches whose records are present, with how many records each holds now. */
  batches(): BatchInfo[] {
    return this.db.prepare(`SELECT b.id, b.source_code AS sourceCode, b.file_name AS fileName, b.sha256, b.finished_at AS finishedAt,
      (SELECT count(*) FROM records r WHERE r.batch_id = b.id) AS records
      FROM batches b WHERE b.removed_at IS NULL ORDER BY b.id`).all() as BatchInfo[];
  }

  /** Alerts of the alert workflow with their object, raise, assignment and resolution times; null when there is no workflow. */
  alerts(kind: ObjectKind, from: number | null, to: number | null): AlertTimes[] | null {
    const has = this.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('alerts', 'alert_events')").get() as { n: number };
    if (has.n < 2) return null;
    const col = OBJECT_COLUMN[kind];
    return this.db.prepare(`SELECT a.${col} AS object, a.created_at AS createdAt, a.resolved_at AS resolvedAt,
      (SELECT min(e.at) FROM alert_events e WHERE e.alert_id = a.id AND e.to_status = 'assigned') AS assignedAt
      FROM alerts a WHERE a.${col} IS NOT NULL AND a.status <> 'false_alarm'
      AND a.created_at >= coalesce(?, a.created_at) AND a.created_at < coalesce(?, a.created_at + 1) ORDER BY a.id`).all(from, to) as AlertTimes[];
  }

  evidence(ids: readonly number[]): EvidenceRecord[] {
    if (!ids.length) return [];
    const out: EvidenceRecord[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      out.push(...this.db.prepare(`SELECT r.id, r.external_id AS externalId, r.received_at AS receivedAt, r.first_response_at AS firstResponseAt,
        r.closed_at AS closedAt, r.status, r.transfers, r.satisfaction, r.district, r.street, r.department, r.title
        FROM records r WHERE r.id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as EvidenceRecord[]);
    }
    const order = new Map(ids.map((id, k) => [id, k]));
    return out.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  record(id: number): Record<string, unknown> | null {
    return (this.db.prepare(`SELECT r.id, r.external_id AS externalId, r.source_code AS sourceCode, r.title, r.content, r.reply, r.address,
      r.district, r.street, r.department, r.status, r.transfers, r.satisfaction, r.satisfaction_label AS satisfactionLabel, r.batch_id AS batchId,
      r.received_at AS receivedAt, r.first_response_at AS firstResponseAt, r.closed_at AS closedAt,
      (SELECT group_concat(c.name, ' / ') FROM categories c WHERE c.id IN (r.cat1_id, r.cat2_id, r.cat3_id)) AS category
      FROM records r WHERE r.id = ?`).get(id) as Record<string, unknown> | undefined) ?? null;
  }

  hasReplies(): boolean {
    return this.db.prepare("SELECT 1 FROM records WHERE reply IS NOT NULL AND reply <> '' LIMIT 1").get() !== undefined;
  }
}
