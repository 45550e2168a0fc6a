import { create } from 'zustand';
import type { Scheme } from '../../../../shared/domain/evaluation';

export type EvalTab = 'scheme' | 'results';

export interface EvalState {
  /** The scheme being edited, the saved version it started from, and whether it changed since. */
  draft: Scheme | null;
  schemeId: number | null;
  dirty: boolean;
  selected: string | null;
  runId: number | null;
  tab: EvalTab;
  load(scheme: Scheme, id: number | null): void;
  edit(fn: (s: Scheme) => Scheme): void;
  select(id: string | null): void;
  showRun(runId: number): void;
  setTab(tab: EvalTab): void;
}

export const useEval = create<EvalState>()((set) => ({
  draft: null, schemeId: null, dirty: false, selected: null, runId: null, tab: 'scheme',
  load: (scheme, id) => set({ draft: scheme, schemeId: id, dirty: false, selected: scheme.root.id }),
  edit: (fn) => set((st) => (st.draft ? { draft: fn(st.draft), dirty: true } : {})),
  select: (selected) => set({ selected }),
  showRun: (runId) => set({ runId, tab: 'results' }),
  setTab: (tab) => set({ tab }),
}));
