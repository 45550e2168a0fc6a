/**
 * State of the report builder: metadata, period, sections, the selected section, preview and export
 * runs. Kept while the user visits other screens (a zustand store, not component state).
 */
import { create } from 'zustand';
import type { PreviewResult, RenderResult, ReportFormat, ReportTemplate, Section, SectionKind } from '../../../../../shared/domain/report/spec';
import { insertSection, moveSection, updateSection, type Meta, type Period } from './sections';

export interface JobRun<R> {
  jobId: string | null;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number | null;
  phase: string | null;
  result: R | null;
  error: unknown;
}
export const startRun = <R>(): JobRun<R> => ({ jobId: null, status: 'running', done: 0, total: null, phase: null, result: null, error: null });

export interface ReportState {
  templateId: string | null;
  kind: ReportTemplate['kind'];
  meta: Meta;
  period: Period;
  sections: Section[];
  selected: string | null;
  formats: ReportFormat[];
  outDir: string;
  baseName: string;
  preview: (JobRun<PreviewResult> & { key: string }) | null;
  render: JobRun<RenderResult> | null;
  applyTemplate(t: ReportTemplate): void;
  setMeta(p: Partial<Meta>): void;
  setPeriod(p: Period): void;
  set(p: Partial<Pick<ReportState, 'formats' | 'outDir' | 'baseName' | 'selected'>>): void;
  add(kind: SectionKind, params?: Record<string, unknown>): string;
  move(id: string, delta: number): void;
  reorder(sections: Section[]): void;
  remove(id: string): void;
  edit(id: string, patch: { title?: string; caption?: string; params?: Record<string, unknown> }): void;
  setPreview(f: (p: ReportState['preview']) => ReportState['preview']): void;
  setRender(f: (r: ReportState['render']) => ReportState['render']): void;
}

export const EMPTY_META: Meta = { title: '', subtitle: '', organisation: '', author: '', compareTo: 'previous-period' };

export const useReport = create<ReportState>()((set, get) => ({
  templateId: null,
  kind: 'custom',
  meta: EMPTY_META,
  period: { follow: true },
  sections: [],
  selected: null,
  formats: ['pdf', 'docx', 'html', 'xlsx'],
  outDir: '',
  baseName: '',
  preview: null,
  render: null,
  applyTemplate: (t) => set((s) => ({
    templateId: t.id, kind: t.kind, sections: structuredClone(t.spec.sections), selected: t.spec.sections[0]?.id ?? null,
    meta: {
      title: t.spec.title, subtitle: t.spec.subtitle ?? s.meta.subtitle, organisation: t.spec.organisation ?? s.meta.organisation,
      author: t.spec.author ?? s.meta.author, compareTo: t.spec.compareTo,
    },
  })),
  setMeta: (p) => set((s) => ({ meta: { ...s.meta, ...p } })),
  setPeriod: (period) => set({ period }),
  set: (p) => set(p),
  add: (kind, params) => {
    const r = insertSection(get().sections, kind, get().selected, params);
    set({ sections: r.sections, selected: r.id });
    return r.id;
  },
  move: (id, delta) => set((s) => ({ sections: moveSection(s.sections, id, delta) })),
  reorder: (sections) => set({ sections }),
  remove: (id) => set((s) => {
    const i = s.sections.findIndex((x) => x.id === id);
    const sections = s.sections.filter((x) => x.id !== id);
    return { sections, selected: s.selected === id ? (sections[Math.min(i, sections.length - 1)]?.id ?? null) : s.selected };
  }),
  edit: (id, patch) => set((s) => ({ sections: updateSection(s.sections, id, patch) })),
  setPreview: (f) => set((s) => ({ preview: f(s.preview) })),
  setRender: (f) => set((s) => ({ render: f(s.render) })),
}));
