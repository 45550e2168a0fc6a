import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { createApiClient } from '../../../shared/api/client';
import { API_PREFIX, ARROW_MIME, EVENTS_PATH, TOKEN_HEADER } from '../../../shared/api/wire';
import { createHttpTransport, takeToken, type HttpDeps } from '../../../renderer/src/platform/http-transport';

class FakeEventSource {
  static last: FakeEventSource | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  closed = false;
  constructor(readonly url: string) { FakeEventSource.last = this; }
  close() { this.closed = true; }
}

function setup(hash: string, responder: (url: string, init: { headers: Record<string, string>; body: string }) => Response) {
  const calls: { url: string; headers: Record<string, string>; body: string }[] = [];
  const replaced: string[] = [];
  const store = new Map<string, string>();
  const deps: HttpDeps = {
    fetch: async (url, init) => { calls.push({ url, headers: init.headers, body: init.body }); return responder(url, init); },
    EventSource: FakeEventSource,
    location: { hash, pathname: '/', search: '' },
    history: { replaceState: (_d, _u, url) => { replaced.push(String(url)); } },
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => { store.set(k, v); } },
  };
  return { deps, calls, replaced, store };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('takeToken', () => {
  it('reads the token from the hash, stores it and removes it from the URL', () => {
    const { deps, replaced, store } = setup('#token=abc%20d', () => json({}));
    expect(takeToken(deps)).toBe('abc d');
    expect(replaced).toEqual(['/']);
    expect([...store.values()]).toEqual(['abc d']);
  });
  it('keeps the rest of the hash (route) and falls back to sessionStorage', () => {
    const a = setup('#/map&token=t1', () => json({}));
    expect(takeToken(a.deps)).toBe('t1');
    expect(a.replaced).toEqual(['/#/map']);
    const b = setup('#/map?token=t2&x=1', () => json({}));
    expect(takeToken(b.deps)).toBe('t2');
    expect(b.replaced).toEqual(['/#/map?x=1']);
    const c = setup('#/trends', () => json({}));
    c.store.set('minsheng.token', 'kept');
    expect(takeToken(c.deps)).toBe('kept');
    expect(c.replaced).toEqual([]);
  });
});

describe('http transport', () => {
  it('POSTs JSON with the token header and unwraps {ok:true,result}', async () => {
    const { deps, calls } = setup('#token=tok', () => json({ ok: true, result: { ok: true, serverTime: 5 } }));
    const api = createApiClient(createHttpTransport(deps));
    await expect(api.call('app.ping', {})).resolves.toEqual({ ok: true, serverTime: 5 });
    expect(calls[0].url).toBe(`${API_PREFIX}app.ping`);
    expect(calls[0].headers[TOKEN_HEADER]).toBe('tok');
    expect(JSON.parse(calls[0].body)).toEqual({});
  });

  it('returns Arrow responses as Uint8Array', async () => {
    const { deps } = setup('#token=tok', () => new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': ARROW_MIME } }));
    const api = createApiClient(createHttpTransport(deps));
    const bytes = await api.call('records.page', { filter: {}, offset: 0, limit: 10 });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([1, 2, 3]);
  });

  it('throws ApiError from {ok:false,error}', async () => {
    const { deps } = setup('#token=tok', () => json({ ok: false, error: { code: 'FILE_NOT_FOUND', params: { path: '/x.minsheng' }, message: 'nope' } }, 404));
    const api = createApiClient(createHttpTransport(deps));
    const err = await api.call('project.open', { path: '/x.minsheng' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('FILE_NOT_FOUND');
    expect((err as ApiError).localized('zh-CN')).toBe('找不到文件：/x.minsheng');
  });

  it('turns network failures and non-JSON bodies into INTERNAL errors; no token is UNAUTHORIZED', async () => {
    const broken = setup('#token=tok', () => new Response('<html>', { status: 502 }));
    const e1 = await createHttpTransport(broken.deps).call('app.ping', {}).catch((e: unknown) => e);
    expect((e1 as ApiError).code).toBe('INTERNAL');
    const down = setup('#token=tok', () => { throw new TypeError('Failed to fetch'); });
    const e2 = await createHttpTransport(down.deps).call('app.ping', {}).catch((e: unknown) => e);
    expect((e2 as ApiError).params.detail).toBe('Failed to fetch');
    const none = setup('', () => json({}));
    const e3 = await createHttpTransport(none.deps).call('app.ping', {}).catch((e: unknown) => e);
    expect((e3 as ApiError).code).toBe('UNAUTHORIZED');
  });

  it('delivers SSE messages {event,data} to subscribers through one EventSource', () => {
    const { deps } = setup('#token=a/b', () => json({}));
    const api = createApiClient(createHttpTransport(deps));
    const seen: unknown[] = [];
    const off1 = api.on('job.progress', (d) => seen.push(d.done));
    const off2 = api.on('project.changed', (d) => seen.push(d.project));
    const es = FakeEventSource.last!;
    expect(es.url).toBe(`${EVENTS_PATH}?token=a%2Fb`);
    es.onmessage?.({ data: JSON.stringify({ event: 'job.progress', data: { jobId: 'j', kind: 'demo', done: 42, total: 100, ratePerSecond: null, etaSeconds: null, message: null } }) });
    es.onmessage?.({ data: 'not json' });
    es.onmessage?.({ data: JSON.stringify({ event: 'project.changed', data: { project: null } }) });
    expect(seen).toEqual([42, null]);
    off1();
    expect(es.closed).toBe(false);
    off2();
    expect(es.closed).toBe(true);
  });
});
