/**
 * SQL of alerts: upserting detector signals (workflow state survives re-runs), the inbox query,
 * workflow events and comments, detector runs and the alert settings.
 */
import type Database from 'better-sqlite3';

type Db = Database.Database;

export interface AlertRow {
  id: number; seriesKey: string; detectors: string; categoryLevel: number; categoryId: number | null;
  areaLevel: string; district: string | null; street: string | null; community: string | null; sourceCode: string | null;
  firstDay: number; lastDay: number; observed: number; expected: number; pValue: number | null; recurrenceDays: number | null;
  score: number; severity: string; groupId: number | null; status: string; department: string | null; dueAt: number | null;
  snoozedUntil: number | null; resolvedAt: number | null; followup: string | null; detail: string | null;
  createdAt: number; updatedAt: number; groupSize: number;
}

export interface NewSignal {
  seriesKey: string; detectors: string[]; categoryLevel: number; categoryId: number | null; areaLevel: string;
  area: string[]; sourceCode: string | null; firstDay: number; lastDay: number; observed: number; expected: number;
  pValue: number | null; recurrenceDays: number | null; score: number; severity: string; detail?: unknown;
}

const SELECT = `SELECT a.id, a.series_key AS seriesKey, a.detectors, a.category_level AS categoryLevel, a.category_id AS categoryId,
  a.area_level AS areaLevel, a.district, a.street, a.community, a.source_code AS sourceCode, a.first_day AS firstDay, a.last_day AS lastDay,
  a.observed, a.expected, a.p_value AS pValue, a.recurrence_days AS recurrenceDays, a.score, a.severity, a.group_id AS groupId, a.status,
  a.department, a.due_at AS dueAt, a.snoozed_until AS snoozedUntil, a.resolved_at AS resolvedAt, a.followup_json AS followup,
  a.detail_json AS detail, a.created_at AS createdAt, a.updated_at AS updatedAt,
  (SELECT count(*) FROM alerts g WHERE g.group_id = a.group_id) AS groupSize
  FROM alerts a`;

export class SqliteAlertsRepository {
  constructor(private readonly db: Db) {}

  /** Inserts new signals or refreshes the figures of known ones; returns ids and which were new. */
  upsert(signals: readonly NewSignal[], now: number): { id: number; created: boolean }[] {
    const find = this.db.prepare<[string, number], { id: number }>('SELECT id FROM alerts WHERE series_key = ? AND first_day = ?');
    const insert = this.db.prepare(`INSERT INTO alerts (series_key, detectors, category_level, category_id, area_level, district, street, community,
      source_code, first_day, last_day, observed, expected, p_value, recurrence_days, score, severity, detail_json, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const update = this.db.prepare(`UPDATE alerts SET detectors = ?, last_day = max(last_day, ?), observed = ?, expected = ?, p_value = ?,
      recurrence_days = ?, score = ?, severity = ?, detail_json = ?, updated_at = ? WHERE id = ?`);
    const event = this.db.prepare("INSERT INTO alert_events (alert_id, at, actor, action, to_status) VALUES (?, ?, 'system', 'raised', 'new')");
    return signals.map((s) => {
      const detail = s.detail === undefined ? null : JSON.stringify(s.detail);
      const known = find.get(s.seriesKey, s.firstDay);
      if (known) {
        update.run(s.detectors.join(','), s.lastDay, s.observed, s.expected, s.pValue, s.recurrenceDays, s.score, s.severity, detail, now, known.id);
        return { id: known.id, created: false };
      }
      const info = insert.run(s.seriesKey, s.detectors.join(','), s.categoryLevel, s.categoryId, s.areaLevel, s.area[0] ?? null, s.area[1] ?? null,
        s.area[2] ?? null, s.sourceCode, s.firstDay, s.lastDay, s.observed, s.expected, s.pValue, s.recurrenceDays, s.score, s.severity, detail, now, now);
      const id = Number(info.lastInsertRowid);
      event.run(id, now);
      return { id, created: true };
    });
  }

  /** Removes every alert with its trail (the record set was rebuilt wholesale). */
  clearAll(): void {
    this.db.exec('DELETE FROM alert_comments; DELETE FROM alert_events; DELETE FROM alerts;');
  }

  setGroups(groups: ReadonlyMap<number, number>): void {
    const stmt = this.db.prepare('UPDATE alerts SET group_id = ? WHERE id = ?');
    for (const [id, head] of groups) stmt.run(head, id);
  }

  /** Alerts whose first day is at or after `sinceDay` (for regrouping). */
  since(sinceDay: number): AlertRow[] {
    return this.db.prepare(`${SELECT} WHERE a.first_day >= ? ORDER BY a.first_day`).all(sinceDay) as AlertRow[];
  }

  priorSignals(seriesKey: string, beforeDay: number, windowDays: number): number {
    return (this.db.prepare('SELECT count(*) AS n FROM alerts WHERE series_key = ? AND first_day < ? AND first_day >= ?').get(seriesKey, beforeDay, beforeDay - windowDays) as { n: number }).n;
  }

  list(o: { statuses?: readonly string[]; sinceDay?: number; includeSnoozed: boolean; minScore: number; now: number; limit: number }): { rows: AlertRow[]; total: number } {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (o.statuses?.length) { parts.push(`a.status IN (${o.statuses.map(() => '?').join(',')})`); params.push(...o.statuses); }
    if (o.sinceDay !== undefined) { parts.push('a.last_day >= ?'); params.push(o.sinceDay); }
    if (!o.includeSnoozed) { parts.push('(a.snoozed_until IS NULL OR a.snoozed_until <= ?)'); params.push(o.now); }
    if (o.minScore > 0) { parts.push("(a.score >= ? OR a.status <> 'new')"); params.push(o.minScore); }
    const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM alerts a ${where}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`${SELECT} ${where} ORDER BY a.score DESC, a.first_day DESC LIMIT ?`).all(...params, o.limit) as AlertRow[];
    return { rows, total };
  }

  get(id: number): AlertRow | null {
    return (this.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AlertRow | undefined) ?? null;
  }

  group(groupId: number): AlertRow[] {
    return this.db.prepare(`${SELECT} WHERE a.group_id = ? ORDER BY a.score DESC`).all(groupId) as AlertRow[];
  }

  byStatus(status: string): AlertRow[] {
    return this.db.prepare(`${SELECT} WHERE a.status = ?`).all(status) as AlertRow[];
  }

  update(id: number, fields: Partial<Record<'status' | 'department' | 'due_at' | 'snoozed_until' | 'resolved_at' | 'followup_json', unknown>>, now: number): void {
    const keys = Object.keys(fields);
    if (!keys.length) return;
    this.db.prepare(`UPDATE alerts SET ${keys.map((k) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...keys.map((k) => fields[k as keyof typeof fields]), now, id);
  }

  addEvent(e: { alertId: number; at: number; actor: string; action: string; from: string | null; to: string | null; note?: string | null; department?: string | null; dueAt?: number | null }): void {
    this.db.prepare('INSERT INTO alert_events (alert_id, at, actor, action, from_status, to_status, note, department, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(e.alertId, e.at, e.actor, e.action, e.from, e.to, e.note ?? null, e.department ?? null, e.dueAt ?? null);
  }

  events(alertId: number): { at: number; actor: string; action: string; fromStatus: string | null; toStatus: string | null; note: string | null; department: string | null; dueAt: number | null }[] {
    return this.db.prepare('SELECT at, actor, action, from_status AS fromStatus, to_status AS toStatus, note, department, due_at AS dueAt FROM alert_events WHERE alert_id = ? ORDER BY at, id').all(alertId) as never;
  }

  addComment(alertId: number, at: number, actor: string, text: string): void {
    this.db.prepare('INSERT INTO alert_comments (alert_id, at, actor, text) VALUES (?, ?, ?, ?)').run(alertId, at, actor, text);
  }

  comments(alertId: number): { at: number; actor: string; text: string }[] {
    return this.db.prepare('SELECT at, actor, text FROM alert_comments WHERE alert_id = ? ORDER BY at, id').all(alertId) as never;
  }

  saveRun(kind: string, startedAt: number, finishedAt: number, params: unknown, result: unknown): number {
    return Number(this.db.prepare('INSERT INTO alert_runs (kind, started_at, finished_at, params_json, result_json) VALUES (?, ?, ?, ?, ?)')
      .run(kind, startedAt, finishedAt, JSON.stringify(params), JSON.stringify(result)).lastInsertRowid);
  }

  lastRun(kind: string): { startedAt: number; finishedAt: number; params: unknown; result: unknown } | null {
    const r = this.db.prepare('SELECT started_at AS s, finished_at AS f, params_json AS p, result_json AS r FROM alert_runs WHERE kind = ? ORDER BY id DESC LIMIT 1').get(kind) as { s: number; f: number; p: string; r: string } | undefined;
    return r ? { startedAt: r.s, finishedAt: r.f, params: JSON.parse(r.p), result: JSON.parse(r.r) } : null;
  }

  getConfig(): Record<string, unknown> {
    const rows = this.db.prepare('SELECT key, value_json AS v FROM alert_config').all() as { key: string; v: string }[];
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.v)]));
  }

  setConfig(values: Record<string, unknown>): void {
    const stmt = this.db.prepare('INSERT INTO alert_config (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json');
    for (const [k, v] of Object.entries(values)) if (v !== undefined) stmt.run(k, JSON.stringify(v));
  }
}
