import type Database from 'better-sqlite3';
import type { Filter } from '../../../../shared/model/filter';
import { filterToSql } from './filter-sql';

export interface RepeatSource { id: number; receivedAt: number; group: string; caller: string | null }
export interface ClusterRow { id: number; size: number; firstAt: number; lastAt: number; byCaller: number; byText: number; sampleRecordId: number; inFilter: number }
export interface MemberRow {
  id: number; externalId: string; receivedAt: number; closedAt: number | null; title: string | null; content: string | null; address: string | null;
  district: string | null; street: string | null; department: string | null; status: string | null; satisfaction: number | null; reply: string | null;
}
export interface SuggestionRow {
  recordId: number; externalId: string; title: string | null; content: string | null; current: string | null;
  categoryId: number; category: string; parent: string | null; confidence: number; status: string;
}

/** SQL of text job results: repeat clusters, classifier models and suggestions, topics. */
export class SqliteTextResultsRepository {
  constructor(private readonly db: Database.Database) {}

  repeatSources(): RepeatSource[] {
    return this.db.prepare(`SELECT id, received_at AS receivedAt, coalesce(street, district, '') AS "group", caller_hash AS caller
      FROM records ORDER BY received_at, id`).all() as RepeatSource[];
  }

  saveClusters(clusters: { size: number; firstAt: number; lastAt: number; byCaller: boolean; byText: boolean; members: number[] }[], meta: string): void {
    this.db.exec('DELETE FROM text_repeat_members; DELETE FROM text_repeat_clusters;');
    const c = this.db.prepare('INSERT INTO text_repeat_clusters(size, first_at, last_at, by_caller, by_text, sample_record_id) VALUES (?, ?, ?, ?, ?, ?)');
    const m = this.db.prepare('INSERT INTO text_repeat_members(record_id, cluster_id) VALUES (?, ?)');
    for (const k of clusters) {
      const id = Number(c.run(k.size, k.firstAt, k.lastAt, k.byCaller ? 1 : 0, k.byText ? 1 : 0, k.members[0]).lastInsertRowid);
      for (const r of k.members) m.run(r, id);
    }
    this.db.prepare("INSERT INTO meta(key, value) VALUES ('text_repeats', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(meta);
  }

  repeatsMeta(): string | null {
    return (this.db.prepare("SELECT value FROM meta WHERE key = 'text_repeats'").pluck().get() as string | undefined) ?? null;
  }

  /** Clusters with at least one member in the filter, largest first. */
  clusters(filter: Filter, offset: number, limit: number): { total: number; rows: ClusterRow[] } {
    const { where, params } = filterToSql(filter);
    const sql = `SELECT k.id, k.size, k.first_at AS firstAt, k.last_at AS lastAt, k.by_caller AS byCaller, k.by_text AS byText,
      k.sample_record_id AS sampleRecordId, count(*) AS inFilter
      FROM text_repeat_members m JOIN records r ON r.id = m.record_id JOIN text_repeat_clusters k ON k.id = m.cluster_id ${where}
      GROUP BY k.id`;
    const total = this.db.prepare(`SELECT count(*) FROM (${sql})`).pluck().get(...params) as number;
    const rows = this.db.prepare(`${sql} ORDER BY k.size DESC, k.id LIMIT ? OFFSET ?`).all(...params, limit, offset) as ClusterRow[];
    return { total, rows };
  }

  clusterMembers(clusterId: number): MemberRow[] {
    return this.db.prepare(`SELECT r.id, r.external_id AS externalId, r.received_at AS receivedAt, r.closed_at AS closedAt, r.title, r.content, r.address,
      r.district, r.street, r.department, r.status, r.satisfaction, r.reply
      FROM text_repeat_members m JOIN records r ON r.id = m.record_id WHERE m.cluster_id = ? ORDER BY r.received_at, r.id`).all(clusterId) as MemberRow[];
  }

  /** Training rows: records with a category at `level`, texts, newest first, at most `limit`. */
  labelled(level: 1 | 2, limit: number, exclude: readonly number[]): { id: number; label: number; title: string | null; content: string | null }[] {
    const col = level === 1 ? 'cat1_id' : 'cat2_id';
    const ex = exclude.length ? `AND ${col} NOT IN (${exclude.map(() => '?').join(',')})` : '';
    return this.db.prepare(`SELECT id, ${col} AS label, title, content FROM records WHERE ${col} IS NOT NULL ${ex} ORDER BY (id * 2654435761) % 4294967296 LIMIT ?`)
      .all(...exclude, limit) as never;
  }

  /** Records to suggest for: no category at `level`, or in one of the catch-all categories. */
  unlabelled(level: 1 | 2, catchAll: readonly number[], afterId: number, limit: number): { id: number; title: string | null; content: string | null }[] {
    const col = level === 1 ? 'cat1_id' : 'cat2_id';
    const ca = catchAll.length ? `OR ${col} IN (${catchAll.map(() => '?').join(',')})` : '';
    return this.db.prepare(`SELECT id, title, content FROM records WHERE id > ? AND (${col} IS NULL ${ca}) ORDER BY id LIMIT ?`).all(afterId, ...catchAll, limit) as never;
  }

  /** Leaf categories whose name marks them as catch-all (其他 / 其它 / other). */
  catchAllCategories(level: 1 | 2): number[] {
    return this.db.prepare("SELECT id FROM categories WHERE level = ? AND (name LIKE '%其他%' OR name LIKE '%其它%' OR lower(name) LIKE '%other%')").pluck().all(level) as number[];
  }

  categoryName(id: number): string | null {
    return (this.db.prepare('SELECT name FROM categories WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
  }

  saveModel(level: number, createdAt: number, metrics: unknown): number {
    this.db.exec("DELETE FROM text_suggestions WHERE status = 'pending'");
    return Number(this.db.prepare('INSERT INTO text_models(level, created_at, metrics_json) VALUES (?, ?, ?)').run(level, createdAt, JSON.stringify(metrics)).lastInsertRowid);
  }

  latestModel(): { id: number; level: number; createdAt: number; metrics: string } | null {
    return (this.db.prepare('SELECT id, level, created_at AS createdAt, metrics_json AS metrics FROM text_models ORDER BY id DESC LIMIT 1').get() as never) ?? null;
  }

  suggestionWriter(modelId: number): (recordId: number, categoryId: number, confidence: number) => void {
    const stmt = this.db.prepare(`INSERT INTO text_suggestions(record_id, model_id, category_id, confidence, status) VALUES (?, ?, ?, ?, 'pending')
      ON CONFLICT(record_id) DO UPDATE SET model_id = excluded.model_id, category_id = excluded.category_id, confidence = excluded.confidence, status = 'pending'
      WHERE text_suggestions.status = 'pending'`);
    return (r, c, p) => { stmt.run(r, modelId, c, p); };
  }

  suggestions(status: string, minConfidence: number, offset: number, limit: number): { total: number; rows: SuggestionRow[] } {
    const total = this.db.prepare('SELECT count(*) FROM text_suggestions WHERE status = ? AND confidence >= ?').pluck().get(status, minConfidence) as number;
    const rows = this.db.prepare(`SELECT s.record_id AS recordId, r.external_id AS externalId, r.title, r.content,
      coalesce(c2.name, c1.name) AS current, s.category_id AS categoryId, c.name AS category, p.name AS parent, s.confidence, s.status
      FROM text_suggestions s JOIN records r ON r.id = s.record_id JOIN categories c ON c.id = s.category_id
      LEFT JOIN categories p ON p.id = c.parent_id LEFT JOIN categories c1 ON c1.id = r.cat1_id LEFT JOIN categories c2 ON c2.id = r.cat2_id
      WHERE s.status = ? AND s.confidence >= ? ORDER BY s.confidence DESC, s.record_id LIMIT ? OFFSET ?`).all(status, minConfidence, limit, offset) as SuggestionRow[];
    return { total, rows };
  }

  /** Marks suggestions decided; accepted ones set the record's category (level 1 or 2, with its parent). */
  decide(recordIds: readonly number[], accept: boolean): number {
    const sel = this.db.prepare(`SELECT s.record_id AS recordId, s.category_id AS cat, c.level, c.parent_id AS parent FROM text_suggestions s
      JOIN categories c ON c.id = s.category_id WHERE s.record_id = ? AND s.status = 'pending'`);
    const mark = this.db.prepare('UPDATE text_suggestions SET status = ? WHERE record_id = ?');
    const set1 = this.db.prepare('UPDATE records SET cat1_id = ?, cat2_id = NULL, cat3_id = NULL WHERE id = ?');
    const set2 = this.db.prepare('UPDATE records SET cat1_id = ?, cat2_id = ?, cat3_id = NULL WHERE id = ?');
    let n = 0;
    for (const id of recordIds) {
      const s = sel.get(id) as { recordId: number; cat: number; level: number; parent: number | null } | undefined;
      if (!s) continue;
      if (accept) {
        if (s.level === 1) set1.run(s.cat, id); else set2.run(s.parent, s.cat, id);
      }
      mark.run(accept ? 'accepted' : 'rejected', id);
      n++;
    }
    return n;
  }

  pendingAbove(minConfidence: number): number[] {
    return this.db.prepare("SELECT record_id FROM text_suggestions WHERE status = 'pending' AND confidence >= ? ORDER BY record_id").pluck().all(minConfidence) as number[];
  }

  saveTopics(topics: { name: string; terms: string[]; size: number; recordIds: number[] }[], now: number): void {
    this.db.exec('DELETE FROM text_topics');
    const ins = this.db.prepare('INSERT INTO text_topics(name, terms_json, size, record_ids_json, created_at) VALUES (?, ?, ?, ?, ?)');
    for (const t of topics) ins.run(t.name, JSON.stringify(t.terms), t.size, JSON.stringify(t.recordIds), now);
  }

  topics(): { id: number; name: string; terms: string; size: number; recordIds: string }[] {
    return this.db.prepare('SELECT id, name, terms_json AS terms, size, record_ids_json AS recordIds FROM text_topics ORDER BY size DESC, id').all() as never;
  }

  renameTopic(id: number, name: string): boolean {
    return this.db.prepare('UPDATE text_topics SET name = ? WHERE id = ?').run(name, id).changes === 1;
  }

  /** Merges topics into the first id: sizes add up, terms and example records are combined. */
  mergeTopics(ids: readonly number[]): boolean {
    const rows = ids.map((id) => this.db.prepare('SELECT id, name, terms_json AS terms, size, record_ids_json AS recordIds FROM text_topics WHERE id = ?').get(id) as { id: number; name: string; terms: string; size: number; recordIds: string } | undefined);
    if (rows.some((r) => !r) || rows.length < 2) return false;
    const all = rows as { id: number; name: string; terms: string; size: number; recordIds: string }[];
    const terms = [...new Set(all.flatMap((r) => JSON.parse(r.terms) as string[]))].slice(0, 12);
    const recs = [...new Set(all.flatMap((r) => JSON.parse(r.recordIds) as number[]))].slice(0, 10);
    this.db.transaction(() => {
      this.db.prepare('UPDATE text_topics SET terms_json = ?, size = ?, record_ids_json = ? WHERE id = ?').run(JSON.stringify(terms), all.reduce((a, r) => a + r.size, 0), JSON.stringify(recs), all[0].id);
      for (const r of all.slice(1)) this.db.prepare('DELETE FROM text_topics WHERE id = ?').run(r.id);
    })();
    return true;
  }
}
