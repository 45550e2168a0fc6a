import type Database from 'better-sqlite3';

type Db = Database.Database;

export interface TaxonomyNode { id: number; parentId: number | null; level: number; code: string; name: string }

/** The unified category tree and the per-source crosswalk to it. */
export class SqliteTaxonomyRepository {
  constructor(private readonly db: Db) {}

  tree(): TaxonomyNode[] {
    return this.db.prepare('SELECT id, parent_id AS parentId, level, code, name FROM categories ORDER BY code').all() as TaxonomyNode[];
  }

  treeWithCounts(): (TaxonomyNode & { records: number })[] {
    const counts = new Map<number, number>();
    for (const lvl of [1, 2, 3]) {
      for (const r of this.db.prepare(`SELECT cat${lvl}_id AS id, count(*) AS n FROM records WHERE cat${lvl}_id IS NOT NULL GROUP BY 1`).all() as { id: number; n: number }[]) counts.set(r.id, r.n);
    }
    return this.tree().map((n) => ({ ...n, records: counts.get(n.id) ?? 0 }));
  }

  /** Adds a node under parent (or finds the existing child of that name); codes are derived from the parent's. */
  ensureNode(parentId: number | null, level: number, name: string): number {
    const existing = this.db.prepare('SELECT id FROM categories WHERE parent_id IS ? AND name = ?').get(parentId, name) as { id: number } | undefined;
    if (existing) return existing.id;
    const parentCode = parentId === null ? '' : (this.db.prepare('SELECT code FROM categories WHERE id = ?').get(parentId) as { code: string }).code;
    const siblings = (this.db.prepare('SELECT count(*) AS n FROM categories WHERE parent_id IS ?').get(parentId) as { n: number }).n;
    let seq = siblings + 1;
    let code = `${parentCode}${String(seq).padStart(2, '0')}`;
    while (this.db.prepare('SELECT 1 FROM categories WHERE code = ?').get(code)) code = `${parentCode}${String(++seq).padStart(2, '0')}`;
    return Number(this.db.prepare('INSERT INTO categories(parent_id, level, code, name) VALUES (?, ?, ?, ?)').run(parentId, level, code, name).lastInsertRowid);
  }

  crosswalk(sourceCode: string): Map<string, { categoryId: number | null; method: string }> {
    const m = new Map<string, { categoryId: number | null; method: string }>();
    for (const r of this.db.prepare('SELECT label, category_id AS categoryId, method FROM crosswalk WHERE source_code = ?').all(sourceCode) as { label: string; categoryId: number | null; method: string }[]) {
      m.set(r.label, { categoryId: r.categoryId, method: r.method });
    }
    return m;
  }

  setCrosswalk(sourceCode: string, label: string, categoryId: number | null, method: string, at: number): void {
    this.db.prepare(`INSERT INTO crosswalk(source_code, label, category_id, method, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(source_code, label) DO UPDATE SET category_id = excluded.category_id, method = excluded.method, updated_at = excluded.updated_at`)
      .run(sourceCode, label, categoryId, method, at);
  }

  /** Distinct source category labels with record counts. */
  sourceLabels(sourceCode: string): { label: string; records: number }[] {
    return this.db.prepare(`SELECT category_original AS label, count(*) AS records FROM records WHERE source_code = ? AND category_original IS NOT NULL
      GROUP BY category_original ORDER BY records DESC`).all(sourceCode) as { label: string; records: number }[];
  }

  sourcesWithLabels(): string[] {
    return this.db.prepare('SELECT DISTINCT source_code FROM records WHERE category_original IS NOT NULL').pluck().all() as string[];
  }

  /** Sets the unified category ids of every record of a source carrying this label. */
  restandardise(sourceCode: string, label: string, cats: { cat1: number | null; cat2: number | null; cat3: number | null }): number {
    return this.db.prepare('UPDATE records SET cat1_id = ?, cat2_id = ?, cat3_id = ? WHERE source_code = ? AND category_original = ?')
      .run(cats.cat1, cats.cat2, cats.cat3, sourceCode, label).changes;
  }
}
