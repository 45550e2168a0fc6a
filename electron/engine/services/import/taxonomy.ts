import { ApiError } from '../../../../shared/api/errors';
import type { ReadOptionsInput } from '../../../../shared/api/areas/import';
import { createCategoryResolver } from '../../../../shared/domain/taxonomy/resolve';
import { splitCategoryPath } from '../../../../shared/domain/ingest';
import type { JobContext } from '../../jobs/types';
import { SqliteTaxonomyRepository } from '../../db/repos/taxonomy-repo';
import { SqliteAuditRepository } from '../../db/repos/audit-repo';
import { openRowSource, sniffFile } from './readers';

/** Levels of a source label as stored in records.category_original ('a / b / c', 'a-b-c', 'a>b'…; one level if flat). */
export function splitLabel(label: string): [string | null, string | null, string | null] {
  const parts = splitCategoryPath(label) ?? [label.trim()];
  return [parts[0] ?? null, parts[1] ?? null, parts[2] ?? null];
}

const LEVEL_HEADERS: RegExp[] = [
  /^(一级分类|一级|一级类别|level ?1|category ?1|l1)$/i,
  /^(二级分类|二级|二级类别|level ?2|category ?2|l2)$/i,
  /^(三级分类|三级|三级类别|level ?3|category ?3|l3)$/i,
];

/** Re-standardises every record of the given sources from the current tree and crosswalk. */
export function applyCrosswalk(ctx: JobContext, sourceCode?: string): { labels: number; records: number; unmapped: number } {
  const tax = new SqliteTaxonomyRepository(ctx.db);
  const tree = tax.tree();
  const sources = sourceCode ? [sourceCode] : tax.sourcesWithLabels();
  let labels = 0; let records = 0; let unmapped = 0;
  for (const src of sources) {
    const resolver = createCategoryResolver(tree, tax.crosswalk(src));
    for (const { label } of tax.sourceLabels(src)) {
      ctx.checkCancelled();
      const cats = resolver.resolve(splitLabel(label), label);
      if (!cats) unmapped++;
      records += tax.restandardise(src, label, cats ?? { cat1: null, cat2: null, cat3: null });
      labels++;
    }
    ctx.progress(labels, null, src);
  }
  return { labels, records, unmapped };
}

/** Imports a unified tree from a CSV/XLSX with level columns, merging by path (existing ids stay). */
export async function importTaxonomy(ctx: JobContext, p: { path: string; options?: Partial<ReadOptionsInput> }): Promise<{ nodes: number; added: number; records: number }> {
  const sniffed = await sniffFile(p.path, p.options);
  const cols = LEVEL_HEADERS.map((re) => sniffed.headers.findIndex((h) => re.test(h.trim())));
  if (cols[0] < 0) throw new ApiError('BAD_INPUT', { detail: `找不到“一级分类”列 / no level-1 column (一级分类 / Level 1) among: ${sniffed.headers.join(', ')}` });
  const tax = new SqliteTaxonomyRepository(ctx.db);
  const before = tax.tree().length;
  const source = await openRowSource(p.path, { format: sniffed.format, encoding: sniffed.encoding ?? undefined, delimiter: sniffed.delimiter ?? undefined, sheet: sniffed.sheet ?? undefined, ...p.options });
  let rows = 0;
  try {
    for await (const batch of source.batches(1000)) {
      ctx.checkCancelled();
      for (const r of batch) {
        let parent: number | null = null;
        for (let lvl = 0; lvl < 3; lvl++) {
          const c = cols[lvl];
          const v = c >= 0 ? String(r.cells[c] ?? '').trim() : '';
          if (!v) break;
          parent = tax.ensureNode(parent, lvl + 1, v);
        }
        rows++;
      }
      ctx.progress(rows, null);
    }
  } finally {
    await source.close();
  }
  const after = tax.tree().length;
  const applied = applyCrosswalk(ctx);
  new SqliteAuditRepository(ctx.db).append({ at: ctx.now(), actor: 'user', action: 'taxonomy.import', detail: { path: p.path, rows, added: after - before } });
  return { nodes: after, added: after - before, records: applied.records };
}

/** Creates tree nodes for every source label the tree cannot place, maps them, and re-standardises. */
export function taxonomyFromData(ctx: JobContext, p: { sourceCode?: string }): { added: number; mapped: number; records: number } {
  const tax = new SqliteTaxonomyRepository(ctx.db);
  const before = tax.tree().length;
  let mapped = 0;
  const sources = p.sourceCode ? [p.sourceCode] : tax.sourcesWithLabels();
  for (const src of sources) {
    const resolver = createCategoryResolver(tax.tree(), tax.crosswalk(src));
    for (const { label } of tax.sourceLabels(src)) {
      ctx.checkCancelled();
      if (resolver.resolve(splitLabel(label), label)) continue;
      let parent: number | null = null;
      const levels = splitLabel(label);
      for (let i = 0; i < 3 && levels[i]; i++) parent = tax.ensureNode(parent, i + 1, levels[i]!);
      if (parent !== null) { tax.setCrosswalk(src, label, parent, 'built', ctx.now()); mapped++; }
    }
  }
  const applied = applyCrosswalk(ctx, p.sourceCode);
  new SqliteAuditRepository(ctx.db).append({ at: ctx.now(), actor: 'user', action: 'taxonomy.fromData', detail: { sourceCode: p.sourceCode ?? null, added: tax.tree().length - before, mapped } });
  return { added: tax.tree().length - before, mapped, records: applied.records };
}
