import type Database from 'better-sqlite3';
import type { RenderHistory, RenderedFile, ReportItem, ReportTemplateKind, TemplateSpec } from '../../../../shared/domain/report/spec';
import type { Filter } from '../../../../shared/model/filter';
import type { ProvenanceBatch } from '../../../../shared/domain/report/provenance';

export interface StoredTemplate { id: string; name: string; kind: ReportTemplateKind; spec: TemplateSpec; updatedAt: number }
export interface StoredItemSummary extends Omit<ReportItem, 'png' | 'svg' | 'table'> {
  thumbnail: string | null; pngBytes: number; hasSvg: boolean; tableRows: number | null;
}
export interface NewRender { at: number; title: string; template: string; spec: unknown; files: RenderedFile[]; reportHash: string; actor: string | null }

/** Report templates, the "add to report" basket and the render history. */
export interface ReportRepository {
  templates(): StoredTemplate[];
  template(id: string): StoredTemplate | null;
  saveTemplate(t: StoredTemplate): void;
  deleteTemplate(id: string): boolean;
  items(): StoredItemSummary[];
  item(id: string): ReportItem | null;
  addItem(item: ReportItem, thumbnail: string | null): void;
  removeItem(id: string): boolean;
  addRender(r: NewRender): number;
  history(limit: number): RenderHistory[];
  /** Provenance: batches whose records are present, with their current record counts. */
  batches(): ProvenanceBatch[];
  /** Earliest and latest receipt (ms) in the project. */
  dataRange(): { min: number | null; max: number | null };
  categoryNames(): Map<number, string>;
  synthetic(): boolean;
}

interface TplRow { id: string; name: string; kind: string; spec_json: string; updated_at: number }
interface ItemRow { id: string; title: string; kind: string; source: string; png: string; svg: string | null; table_json: string | null; filter_json: string; thumbnail: string | null; created_at: number }
interface RenderRow { id: number; at: number; title: string; template: string; files_json: string; report_hash: string; actor: string | null }

const toTpl = (r: TplRow): StoredTemplate => ({ id: r.id, name: r.name, kind: r.kind as ReportTemplateKind, spec: JSON.parse(r.spec_json) as TemplateSpec, updatedAt: r.updated_at });

export class SqliteReportRepository implements ReportRepository {
  constructor(private readonly db: Database.Database) {}

  templates(): StoredTemplate[] {
    return (this.db.prepare('SELECT * FROM report_templates ORDER BY updated_at').all() as TplRow[]).map(toTpl);
  }

  template(id: string): StoredTemplate | null {
    const r = this.db.prepare('SELECT * FROM report_templates WHERE id = ?').get(id) as TplRow | undefined;
    return r ? toTpl(r) : null;
  }

  saveTemplate(t: StoredTemplate): void {
    this.db.prepare(`INSERT INTO report_templates(id, name, kind, spec_json, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, spec_json = excluded.spec_json, updated_at = excluded.updated_at`)
      .run(t.id, t.name, t.kind, JSON.stringify(t.spec), t.updatedAt);
  }

  deleteTemplate(id: string): boolean {
    return this.db.prepare('DELETE FROM report_templates WHERE id = ?').run(id).changes > 0;
  }

  items(): StoredItemSummary[] {
    const rows = this.db.prepare(`SELECT id, title, kind, source, length(png) AS png_len, svg IS NOT NULL AS has_svg, table_json, filter_json, thumbnail, created_at
      FROM report_items ORDER BY created_at DESC`).all() as (Omit<ItemRow, 'png' | 'svg'> & { png_len: number; has_svg: number })[];
    return rows.map((r) => ({
      id: r.id, title: r.title, kind: r.kind as ReportItem['kind'], source: r.source, filter: JSON.parse(r.filter_json) as Filter, createdAt: r.created_at,
      thumbnail: r.thumbnail, pngBytes: Math.floor((r.png_len - 22) * 3 / 4), hasSvg: r.has_svg === 1,
      tableRows: r.table_json ? (JSON.parse(r.table_json) as { rows: unknown[] }).rows.length : null,
    }));
  }

  item(id: string): ReportItem | null {
    const r = this.db.prepare('SELECT * FROM report_items WHERE id = ?').get(id) as ItemRow | undefined;
    if (!r) return null;
    return {
      id: r.id, title: r.title, kind: r.kind as ReportItem['kind'], source: r.source, png: r.png,
      ...(r.svg !== null ? { svg: r.svg } : {}), ...(r.table_json !== null ? { table: JSON.parse(r.table_json) as ReportItem['table'] } : {}),
      filter: JSON.parse(r.filter_json) as Filter, createdAt: r.created_at,
    };
  }

  addItem(i: ReportItem, thumbnail: string | null): void {
    this.db.prepare('INSERT INTO report_items(id, title, kind, source, png, svg, table_json, filter_json, thumbnail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(i.id, i.title, i.kind, i.source, i.png, i.svg ?? null, i.table ? JSON.stringify(i.table) : null, JSON.stringify(i.filter), thumbnail, i.createdAt);
  }

  removeItem(id: string): boolean {
    return this.db.prepare('DELETE FROM report_items WHERE id = ?').run(id).changes > 0;
  }

  addRender(r: NewRender): number {
    return Number(this.db.prepare('INSERT INTO report_renders(at, title, template, spec_json, files_json, report_hash, actor) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(r.at, r.title, r.template, JSON.stringify(r.spec), JSON.stringify(r.files), r.reportHash, r.actor).lastInsertRowid);
  }

  history(limit: number): RenderHistory[] {
    return (this.db.prepare('SELECT id, at, title, template, files_json, report_hash, actor FROM report_renders ORDER BY id DESC LIMIT ?').all(limit) as RenderRow[])
      .map((r) => {
        const files = JSON.parse(r.files_json) as RenderedFile[];
        return { id: r.id, at: r.at, title: r.title, template: r.template, formats: files.map((f) => f.format), files, reportHash: r.report_hash, actor: r.actor };
      });
  }

  batches(): ProvenanceBatch[] {
    return (this.db.prepare(`SELECT b.id, b.source_code AS source, b.file_name AS fileName, b.sha256, coalesce(b.finished_at, b.started_at) AS importedAt, b.synthetic,
      (SELECT count(*) FROM records r WHERE r.batch_id = b.id) AS rows FROM batches b WHERE b.removed_at IS NULL ORDER BY b.id`).all() as (ProvenanceBatch & { synthetic: number })[])
      .filter((b) => b.rows > 0).map(({ synthetic: _s, ...b }) => b);
  }

  synthetic(): boolean {
    return (this.db.prepare('SELECT count(*) AS n FROM batches WHERE synthetic = 1 AND removed_at IS NULL').get() as { n: number }).n > 0;
  }

  dataRange(): { min: number | null; max: number | null } {
    const r = this.db.prepare('SELECT min(received_at) AS lo, max(received_at) AS hi FROM records').get() as { lo: number | null; hi: number | null };
    return { min: r.lo, max: r.hi };
  }

  categoryNames(): Map<number, string> {
    return new Map((this.db.prepare('SELECT id, name FROM categories').all() as { id: number; name: string }[]).map((r) => [r.id, r.name]));
  }
}
