import { create } from 'zustand';
import { tableFromIPC } from 'apache-arrow';
import { ApiError } from '../../../../shared/api/errors';
import type { InputOf, MethodName, OutputOf } from '../../../../shared/api/contract';
import { useAsync, type AsyncState } from '../../hooks/useAsync';
import { api } from '../../platform/select';

/**
 * Bumped whenever a job ends (imports, demo, crosswalk…): every statistic is asked again. While an
 * older project's statistics are still being built, calls fail with STATS_PREPARING and are retried
 * when that job ends.
 */
const useDataVersion = create<{ version: number; bump(): void }>()((set) => ({ version: 0, bump: () => set((s) => ({ version: s.version + 1 })) }));
let subscribed = false;
function subscribeOnce(): void {
  if (subscribed) return;
  subscribed = true;
  api.on('job.done', () => useDataVersion.getState().bump());
}

/** Calls a stats method whenever its input (or the project's data) changes; keeps the last answer while loading. */
export function useStats<M extends MethodName>(method: M, input: InputOf<M>, enabled = true): AsyncState<OutputOf<M>> & { preparing: boolean } {
  subscribeOnce();
  const version = useDataVersion((s) => s.version);
  const key = `${method}|${version}|${enabled ? JSON.stringify(input) : 'off'}`;
  const state = useAsync(() => (enabled ? api.call(method, input) : new Promise<never>(() => {})), key);
  const preparing = state.error instanceof ApiError && state.error.code === 'STATS_PREPARING';
  return { ...state, preparing };
}

/** Rows of an Arrow IPC answer as plain objects. */
export function arrowRows<T>(bytes: Uint8Array | undefined): T[] {
  if (!bytes || bytes.byteLength === 0) return [];
  return tableFromIPC(bytes).toArray().map((r) => r.toJSON() as T);
}
