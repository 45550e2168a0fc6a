import type Database from 'better-sqlite3';
import type { Template } from '../../../../shared/api/areas/import';

interface Row { id: number; source_code: string; name: string; header_signature: string; read_options_json: string; mapping_json: string; updated_at: number }

const toTemplate = (r: Row): Template => ({
  id: r.id, sourceCode: r.source_code, name: r.name, headerSignature: r.header_signature,
  readOptions: JSON.parse(r.read_options_json), mapping: JSON.parse(r.mapping_json), updatedAt: r.updated_at,
});

/** Mapping templates, one per source hotline and header signature. */
export class SqliteTemplateRepository {
  constructor(private readonly db: Database.Database) {}

  list(sourceCode?: string): Template[] {
    return (this.db.prepare('SELECT * FROM mapping_templates WHERE ? IS NULL OR source_code = ? ORDER BY updated_at DESC').all(sourceCode ?? null, sourceCode ?? null) as Row[]).map(toTemplate);
  }

  findBySignature(signature: string): Template | null {
    const r = this.db.prepare('SELECT * FROM mapping_templates WHERE header_signature = ? ORDER BY updated_at DESC LIMIT 1').get(signature) as Row | undefined;
    return r ? toTemplate(r) : null;
  }

  save(t: Omit<Template, 'id'>): Template {
    this.db.prepare(`INSERT INTO mapping_templates(source_code, name, header_signature, read_options_json, mapping_json, updated_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(source_code, header_signature) DO UPDATE SET name = excluded.name, read_options_json = excluded.read_options_json,
      mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`)
      .run(t.sourceCode, t.name, t.headerSignature, JSON.stringify(t.readOptions), JSON.stringify(t.mapping), t.updatedAt);
    return toTemplate(this.db.prepare('SELECT * FROM mapping_templates WHERE source_code = ? AND header_signature = ?').get(t.sourceCode, t.headerSignature) as Row);
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM mapping_templates WHERE id = ?').run(id).changes > 0;
  }
}
