import { ApiError } from '../../../../shared/api/errors';
import { TemplateSchema } from '../../../../shared/api/areas/import';
import { headerSignature, suggestCategories } from '../../../../shared/domain/ingest';
import { z } from 'zod';
import type { HandlerGroup } from '../types';
import { startProjectJob } from './jobs';
import { createCategoryResolver } from '../../../../shared/domain/taxonomy/resolve';
import { splitLabel } from '../../services/import/taxonomy';

const TemplateFile = z.object({ format: z.literal('minsheng-mapping-templates'), version: z.literal(1), templates: z.array(TemplateSchema.omit({ id: true })) });

export const taxonomyHandlers: HandlerGroup<
  'templates.list' | 'templates.save' | 'templates.delete' | 'templates.export' | 'templates.import'
  | 'taxonomy.tree' | 'taxonomy.import' | 'taxonomy.fromData' | 'crosswalk.list' | 'crosswalk.set' | 'crosswalk.apply'
> = {
  'templates.list': (i, ctx) => ctx.projects.require().templates.list(i.sourceCode),
  'templates.save': (i, ctx) => {
    const p = ctx.projects.require();
    const saved = p.templates.save({ sourceCode: i.sourceCode, name: i.name, headerSignature: headerSignature(i.headers), readOptions: i.readOptions, mapping: i.mapping, updatedAt: Date.now() });
    p.audit.append({ at: Date.now(), actor: 'user', action: 'templates.save', detail: { id: saved.id, sourceCode: i.sourceCode, name: i.name, columns: i.mapping.columns.length } });
    return saved;
  },
  'templates.delete': (i, ctx) => {
    const p = ctx.projects.require();
    const deleted = p.templates.delete(i.id);
    if (deleted) p.audit.append({ at: Date.now(), actor: 'user', action: 'templates.delete', detail: { id: i.id } });
    return { deleted };
  },
  'templates.export': (i, ctx) => {
    const all = ctx.projects.require().templates.list().filter((t) => !i.ids || i.ids.includes(t.id));
    return { json: JSON.stringify({ format: 'minsheng-mapping-templates', version: 1, templates: all.map(({ id: _id, ...t }) => t) }, null, 2) };
  },
  'templates.import': (i, ctx) => {
    let parsed: unknown;
    try { parsed = JSON.parse(i.json); } catch { throw new ApiError('BAD_INPUT', { detail: '模板文件不是有效的 JSON / template file is not valid JSON' }); }
    const file = TemplateFile.safeParse(parsed);
    if (!file.success) throw new ApiError('BAD_INPUT', { detail: `不是民声映射模板文件 / not a Minsheng mapping-template file: ${file.error.issues[0]?.message ?? ''}` });
    const p = ctx.projects.require();
    p.handle.db.transaction(() => {
      for (const t of file.data.templates) p.templates.save({ ...t, updatedAt: Date.now() });
      p.audit.append({ at: Date.now(), actor: 'user', action: 'templates.import', detail: { templates: file.data.templates.map((t) => ({ sourceCode: t.sourceCode, name: t.name })) } });
    })();
    return { imported: file.data.templates.length };
  },
  'taxonomy.tree': (_i, ctx) => ctx.projects.require().taxonomy.treeWithCounts(),
  'taxonomy.import': (i, ctx) => ({ jobId: startProjectJob(ctx, 'taxonomy.import', { path: i.path, options: i.options }) }),
  'taxonomy.fromData': (i, ctx) => ({ jobId: startProjectJob(ctx, 'taxonomy.fromData', { sourceCode: i.sourceCode }) }),
  'crosswalk.list': (i, ctx) => {
    const p = ctx.projects.require();
    const tree = p.taxonomy.tree();
    const byId = new Map(tree.map((n) => [n.id, n]));
    const pathOf = (id: number): string[] => {
      const out: string[] = [];
      for (let n = byId.get(id); n; n = n.parentId === null ? undefined : byId.get(n.parentId)) out.unshift(n.name);
      return out;
    };
    const nodes = tree.map((n) => ({ id: n.id, name: n.name, path: pathOf(n.id) }));
    const cw = p.taxonomy.crosswalk(i.sourceCode);
    const resolver = createCategoryResolver(tree, cw);
    return p.taxonomy.sourceLabels(i.sourceCode).map(({ label, records }) => {
      const entry = cw.get(label);
      if (entry) return { label, records, categoryId: entry.categoryId, method: entry.method, suggestions: [] };
      // Not in the crosswalk: report where the automatic rules (exact path, unique name) place it.
      const auto = resolver.resolve(splitLabel(label), label);
      const deepest = auto ? auto.cat3 ?? auto.cat2 ?? auto.cat1 : null;
      return {
        label, records, categoryId: deepest, method: auto ? `auto-${auto.method}` : null,
        suggestions: auto ? [] : suggestCategories(label.replace(/ \/ /g, '/'), nodes, 3),
      };
    });
  },
  'crosswalk.set': (i, ctx) => {
    const p = ctx.projects.require();
    const known = new Set(p.taxonomy.tree().map((n) => n.id));
    const bad = i.entries.find((e) => e.categoryId !== null && !known.has(e.categoryId));
    if (bad) throw new ApiError('BAD_INPUT', { detail: `unknown category id ${bad.categoryId}` });
    const now = Date.now();
    p.handle.db.transaction(() => { for (const e of i.entries) p.taxonomy.setCrosswalk(i.sourceCode, e.label, e.categoryId, 'manual', now); })();
    p.audit.append({ at: now, actor: 'user', action: 'crosswalk.set', detail: { sourceCode: i.sourceCode, entries: i.entries.length } });
    return { updated: i.entries.length };
  },
  'crosswalk.apply': (i, ctx) => ({ jobId: startProjectJob(ctx, 'crosswalk.apply', { sourceCode: i.sourceCode }) }),
};
