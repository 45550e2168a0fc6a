import { create } from 'zustand';
import type { Facets } from '../../../shared/api/contract';
import type { ProjectInfo } from '../../../shared/model/project';
import { api } from '../platform/select';

export interface FacetsState {
  /** Options for the filter bar, computed over the whole project (not narrowed by the filter). */
  facets: Facets | null;
  loading: boolean;
  error: unknown;
  /** Which project state the facets belong to (path + table counts). */
  key: string | null;
  load(project: ProjectInfo | null): Promise<void>;
}

export function projectKey(p: ProjectInfo): string {
  return `${p.path}|${p.createdAt}|${p.counts.map((c) => `${c.table}:${c.rows}`).join(',')}`;
}

export const useFacets = create<FacetsState>()((set, get) => ({
  facets: null,
  loading: false,
  error: null,
  key: null,
  load: async (project) => {
    if (!project) {
      set({ facets: null, key: null, error: null, loading: false });
      return;
    }
    const key = projectKey(project);
    if (get().key === key && (get().facets || get().loading)) return;
    const sameProject = get().key?.split('|')[0] === project.path;
    set({ key, loading: true, error: null, ...(sameProject ? {} : { facets: null }) });
    try {
      const facets = await api.call('records.facets', { filter: {} });
      if (get().key === key) set({ facets, loading: false });
    } catch (e) {
      if (get().key === key) set({ error: e, loading: false });
    }
  },
}));
