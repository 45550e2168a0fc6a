import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api/client';
import { ApiError } from '../../../shared/api/errors';
import type { MinshengBridge } from '../../../shared/api/bridge';
import { createIpcTransport } from '../../../renderer/src/platform/ipc-transport';

function fakeBridge(call: MinshengBridge['call']): MinshengBridge & { emit(e: { event: string; data: unknown }): void } {
  const ls = new Set<(e: { event: string; data: unknown }) => void>();
  return {
    host: 'electron',
    call,
    subscribe: (l) => { ls.add(l); return () => ls.delete(l); },
    pickOpenFile: async () => null,
    pickSaveFile: async () => null,
    emit: (e) => ls.forEach((l) => l(e)),
  };
}

describe('ipc transport', () => {
  it('passes results through and normalises binary results to Uint8Array', async () => {
    const b = fakeBridge(async (m) => (m === 'records.page' ? new Uint8Array([9, 8]).buffer : { ok: true, serverTime: 1 }));
    const api = createApiClient(createIpcTransport(b));
    expect(await api.call('app.ping', {})).toEqual({ ok: true, serverTime: 1 });
    const bytes = await api.call('records.page', { filter: {}, offset: 0, limit: 1 });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([9, 8]);
  });

  it('turns rejected ApiErrorPayloads into ApiError', async () => {
    const b = fakeBridge(async () => { throw { code: 'PROJECT_LOCKED', params: { host: 'h', pid: 1, since: 't' }, message: 'locked' }; });
    const err = await createApiClient(createIpcTransport(b)).call('project.open', { path: '/p' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('PROJECT_LOCKED');
    const b2 = fakeBridge(async () => { throw new Error('Error invoking remote method'); });
    const err2 = await createApiClient(createIpcTransport(b2)).call('app.ping', {}).catch((e: unknown) => e);
    expect((err2 as ApiError).code).toBe('INTERNAL');
  });

  it('delivers bridge events to typed listeners', () => {
    const b = fakeBridge(async () => null);
    const api = createApiClient(createIpcTransport(b));
    const seen: unknown[] = [];
    const off = api.on('project.changed', (d) => seen.push(d.project));
    b.emit({ event: 'menu.command', data: { command: 'project.open' } });
    b.emit({ event: 'project.changed', data: { project: null } });
    off();
    b.emit({ event: 'project.changed', data: { project: null } });
    expect(seen).toEqual([null]);
  });
});
