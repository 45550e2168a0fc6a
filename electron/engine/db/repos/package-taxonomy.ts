/**
 * SQL of a package's taxonomy: the unified category tree by code, the per-source crosswalk by
 * category code, and merging both into a receiving project (same path → same node; a code already
 * used by another node gets a fresh one).
 */
import type Database from 'better-sqlite3';
import { SqliteTaxonomyRepository } from './taxonomy-repo';

type Db = Database.Database;

export interface PackageCategory { code: string; name: string; level: number; parentCode: string | null }
export interface PackageCrosswalk { sourceCode: string; label: string; categoryCode: string | null; method: string }

export function exportTaxonomy(db: Db): { categories: PackageCategory[]; crosswalk: PackageCrosswalk[] } {
  const categories = db.prepare(`SELECT c.code, c.name, c.level, p.code AS parentCode FROM categories c LEFT JOIN categories p ON p.id = c.parent_id
    ORDER BY c.level, c.code`).all() as PackageCategory[];
  const crosswalk = db.prepare(`SELECT x.source_code AS sourceCode, x.label, c.code AS categoryCode, x.method FROM crosswalk x
    LEFT JOIN categories c ON c.id = x.category_id ORDER BY x.source_code, x.label`).all() as PackageCrosswalk[];
  return { categories, crosswalk };
}

/** Resolves package category codes to this project's ids, adding what is missing. */
export class CategoryResolver {
  private readonly byCode = new Map<string, number>();
  private readonly byPath = new Map<string, [number | null, number | null, number | null]>();
  private readonly tax: SqliteTaxonomyRepository;
  added = 0;

  constructor(private readonly db: Db) {
    this.tax = new SqliteTaxonomyRepository(db);
  }

  /** Adds the package's tree (parents before children). */
  mergeTree(categories: readonly PackageCategory[]): void {
    const sorted = [...categories].sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
    for (const c of sorted) {
      const parent = c.parentCode === null ? null : this.byCode.get(c.parentCode) ?? null;
      this.byCode.set(c.code, this.node(parent, c.level, c.name, c.code));
    }
  }

  /** The child of `parentId` with this name, or a new one (with the package's code when that code is free). */
  private node(parentId: number | null, level: number, name: string, code: string | null): number {
    const same = this.db.prepare('SELECT id FROM categories WHERE parent_id IS ? AND name = ?').get(parentId, name) as { id: number } | undefined;
    if (same) return same.id;
    this.added++;
    if (code !== null && !this.db.prepare('SELECT 1 FROM categories WHERE code = ?').get(code)) {
      return Number(this.db.prepare('INSERT INTO categories(parent_id, level, code, name) VALUES (?, ?, ?, ?)').run(parentId, level, code, name).lastInsertRowid);
    }
    return this.tax.ensureNode(parentId, level, name);
  }

  idOf(code: string | null): number | null {
    return code === null ? null : this.byCode.get(code) ?? null;
  }

  /**
   * The ids of a record's three levels ([code, name] each): by code when the package brought its
   * tree, else by the path of names (nodes added where missing).
   */
  resolve(levels: readonly [string | null, string | null][]): [number | null, number | null, number | null] {
    const key = JSON.stringify(levels);
    const hit = this.byPath.get(key);
    if (hit) return hit;
    const out: [number | null, number | null, number | null] = [null, null, null];
    let parent: number | null = null;
    for (let i = 0; i < 3; i++) {
      const [code, name] = levels[i] ?? [null, null];
      let id = this.idOf(code);
      if (id === null && name !== null && (i === 0 || parent !== null)) {
        id = this.node(parent, i + 1, name, code);
        if (code !== null) this.byCode.set(code, id);
      }
      out[i] = id;
      parent = id;
    }
    this.byPath.set(key, out);
    return out;
  }

  /** Adds crosswalk entries the project does not have yet (its own mappings win). */
  mergeCrosswalk(entries: readonly PackageCrosswalk[], at: number): number {
    const stmt = this.db.prepare(`INSERT INTO crosswalk(source_code, label, category_id, method, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(source_code, label) DO NOTHING`);
    let n = 0;
    for (const e of entries) n += stmt.run(e.sourceCode, e.label, this.idOf(e.categoryCode), e.method, at).changes;
    return n;
  }
}
