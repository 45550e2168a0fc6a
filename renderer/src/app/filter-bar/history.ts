import { create } from 'zustand';
import type { Filter } from '../../../../shared/model/filter';
import { filterKey, useFilters } from '../../state/filters';

interface HistoryState {
  past: Filter[];
  future: Filter[];
  back(): void;
  forward(): void;
}

const LIMIT = 50;
let restoring = false;

/**
 * Back / forward through the global filter's history. Every change of the filter (from the bar, a
 * chart click, the map…) is one step; going back and then changing the filter drops the steps ahead.
 */
export const useFilterHistory = create<HistoryState>()((set, get) => ({
  past: [],
  future: [],
  back: () => {
    const { past, future } = get();
    if (!past.length) return;
    const prev = past[past.length - 1];
    restoring = true;
    const cur = useFilters.getState().filter;
    useFilters.setState({ filter: prev });
    restoring = false;
    set({ past: past.slice(0, -1), future: [cur, ...future].slice(0, LIMIT) });
  },
  forward: () => {
    const { past, future } = get();
    if (!future.length) return;
    const next = future[0];
    restoring = true;
    const cur = useFilters.getState().filter;
    useFilters.setState({ filter: next });
    restoring = false;
    set({ past: [...past, cur].slice(-LIMIT), future: future.slice(1) });
  },
}));

useFilters.subscribe((s, prev) => {
  if (restoring || filterKey(s.filter) === filterKey(prev.filter)) return;
  useFilterHistory.setState((h) => ({ past: [...h.past, prev.filter].slice(-LIMIT), future: [] }));
});
