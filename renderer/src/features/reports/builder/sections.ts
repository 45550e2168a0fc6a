/** Pure helpers of the report builder: section ids, reordering, the spec sent to the engine. */
import { newSection, type CompareTo, type ReportSpecInput, type ReportTemplate, type Section, type SectionKind, type TemplateSpec } from '../../../../../shared/domain/report/spec';
import type { Filter } from '../../../../../shared/model/filter';

/** A section id not used yet in `sections` (kind-based and readable: trend, trend-2, …). */
export function freshId(kind: string, sections: readonly { id: string }[]): string {
  const used = new Set(sections.map((s) => s.id));
  if (!used.has(kind)) return kind;
  for (let i = 2; ; i++) if (!used.has(`${kind}-${i}`)) return `${kind}-${i}`;
}

/** A new section of `kind` with default params, placed after `afterId` (or at the end). */
export function insertSection(sections: readonly Section[], kind: SectionKind, afterId?: string | null, params?: Record<string, unknown>): { sections: Section[]; id: string } {
  const id = freshId(kind, sections);
  const base = newSection(kind, id);
  const section = (params ? { ...base, params: { ...base.params, ...params } } : base) as Section;
  const at = afterId ? sections.findIndex((s) => s.id === afterId) : -1;
  const next = [...sections];
  next.splice(at >= 0 ? at + 1 : next.length, 0, section);
  return { sections: next, id };
}

/** Moves the element at `from` to index `to` (clamped); the same array when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from >= list.length || from === target) return [...list];
  const next = [...list];
  const [x] = next.splice(from, 1);
  next.splice(target, 0, x);
  return next;
}

/** Moves section `id` by `delta` places (−1 up, +1 down). */
export function moveSection(sections: readonly Section[], id: string, delta: number): Section[] {
  const i = sections.findIndex((s) => s.id === id);
  return i < 0 ? [...sections] : moveItem(sections, i, i + delta);
}

export function updateSection(sections: readonly Section[], id: string, patch: { title?: string; caption?: string; params?: Record<string, unknown> }): Section[] {
  return sections.map((s) => {
    if (s.id !== id) return s;
    const next = { ...s, ...patch, params: patch.params ? { ...s.params, ...patch.params } : s.params } as Section;
    for (const k of ['title', 'caption'] as const) if (next[k] === '') delete next[k];
    return next;
  });
}

export interface Meta { title: string; subtitle: string; organisation: string; author: string; compareTo: CompareTo }

/** The period: the global filter's from/to unless the report overrides it. */
export interface Period { follow: boolean; from?: number; to?: number }

export function reportFilter(global: Filter, period: Period): Filter {
  if (period.follow) return global;
  const { from: _f, to: _t, ...rest } = global;
  return { ...rest, ...(period.from !== undefined ? { from: period.from } : {}), ...(period.to !== undefined ? { to: period.to } : {}) };
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/** The ReportSpec the engine renders. */
export function buildSpec(meta: Meta, kind: ReportTemplate['kind'], sections: Section[], filter: Filter, locale: 'zh-CN' | 'en'): ReportSpecInput {
  return {
    title: meta.title.trim(), subtitle: opt(meta.subtitle), organisation: opt(meta.organisation), author: opt(meta.author),
    template: kind, filter, compareTo: meta.compareTo, sections, locale,
  };
}

/** What a template stores: the spec without filter and template kind. */
export function templateSpec(meta: Meta, sections: Section[], locale: 'zh-CN' | 'en'): TemplateSpec {
  return { title: meta.title.trim() || '—', subtitle: opt(meta.subtitle), organisation: opt(meta.organisation), author: opt(meta.author), compareTo: meta.compareTo, sections, locale };
}

/** Section ids that refer to basket items no longer there (an `item` section whose item was removed). */
export function danglingItems(sections: readonly Section[], itemIds: readonly string[] | null): string[] {
  if (!itemIds) return [];
  const have = new Set(itemIds);
  return sections.filter((s) => s.kind === 'item' && !have.has(s.params.itemId)).map((s) => s.id);
}
