import { describe, it, expect } from 'vitest';
import { createRelay } from '../../../electron/main/relay';
import type { EnginePortLike, Envelope, IpcMainLike, WebContentsLike } from '../../../electron/main/relay';
import type { EngineInbound, EngineOutbound } from '../../../shared/api/wire';
import { IPC_CALL, IPC_EVENT } from '../../../shared/api/wire';

interface FakeEvent { frameUrl: string }
type Handler = (event: FakeEvent, ...args: unknown[]) => unknown;

class FakeIpcMain implements IpcMainLike<FakeEvent> {
  handlers = new Map<string, Handler>();
  handle(channel: string, fn: Handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, fn);
  }
  removeHandler(channel: string) { this.handlers.delete(channel); }
  invoke(channel: string, event: FakeEvent, ...args: unknown[]): Promise<Envelope> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return Promise.resolve(h(event, ...args) as Envelope);
  }
}

class FakePort implements EnginePortLike {
  sent: EngineInbound[] = [];
  private messageListeners: ((m: unknown) => void)[] = [];
  private exitListeners: ((code: number) => void)[] = [];
  postMessage(m: EngineInbound) { this.sent.push(structuredClone(m)); }
  on(event: 'message' | 'exit', fn: ((m: unknown) => void) | ((code: number) => void)) {
    if (event === 'message') this.messageListeners.push(fn as (m: unknown) => void);
    else this.exitListeners.push(fn as (code: number) => void);
    return this;
  }
  emit(msg: EngineOutbound | Record<string, unknown>) { for (const l of this.messageListeners) l(structuredClone(msg)); }
  exit(code: number) { for (const l of this.exitListeners) l(code); }
}

class FakeWebContents implements WebContentsLike {
  received: { channel: string; payload: unknown }[] = [];
  destroyed = false;
  send(channel: string, payload: unknown) {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.received.push({ channel, payload });
  }
  isDestroyed() { return this.destroyed; }
}

const TRUSTED: FakeEvent = { frameUrl: 'app://minsheng/index.html' };
const UNTRUSTED: FakeEvent = { frameUrl: 'https://evil.example/' };
const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(opts: { ready?: boolean; callTimeoutMs?: number } = {}) {
  const ipc = new FakeIpcMain();
  const port = new FakePort();
  const logs: string[] = [];
  const relay = createRelay<FakeEvent>({
    ipcMain: ipc,
    engine: port,
    isTrustedSender: (e) => e.frameUrl.startsWith('app://minsheng/'),
    callTimeoutMs: opts.callTimeoutMs,
    log: (m) => logs.push(m),
  });
  if (opts.ready !== false) port.emit({ type: 'ready', version: '0.1.0' });
  const call = (method: string, input: unknown, event: FakeEvent = TRUSTED) => ipc.invoke(IPC_CALL, event, { method, input });
  return { ipc, port, relay, logs, call };
}

describe('relay: calls', () => {
  it('registers the IPC_CALL handler', () => {
    const { ipc } = setup();
    expect([...ipc.handlers.keys()]).toEqual([IPC_CALL]);
  });

  it('refuses untrusted senders with UNAUTHORIZED and forwards nothing', async () => {
    const { port, call } = setup();
    const reply = await call('project.open', { path: '/etc/passwd' }, UNTRUSTED);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('UNAUTHORIZED');
      expect(typeof reply.error.message).toBe('string');
      expect(reply.error.params).toEqual({});
    }
    expect(port.sent).toHaveLength(0);
  });

  it('treats a throwing trust predicate as untrusted', async () => {
    const ipc = new FakeIpcMain();
    const port = new FakePort();
    createRelay<FakeEvent>({ ipcMain: ipc, engine: port, isTrustedSender: () => { throw new Error('no frame'); } });
    port.emit({ type: 'ready', version: '1' });
    const reply = await ipc.invoke(IPC_CALL, TRUSTED, { method: 'app.ping', input: {} });
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(port.sent).toHaveLength(0);
  });

  it('rejects malformed requests with BAD_INPUT without forwarding', async () => {
    const { ipc, port } = setup();
    for (const bad of [undefined, null, 'app.ping', { input: {} }, { method: 42 }, { method: '' }, { method: 'x'.repeat(500) }]) {
      const reply = await ipc.invoke(IPC_CALL, TRUSTED, bad);
      expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(port.sent).toHaveLength(0);
  });

  it('forwards calls with unique ids and matches replies by id, in any order', async () => {
    const { port, call } = setup();
    const a = call('app.ping', {});
    const b = call('records.count', { filter: {} });
    const c = call('project.open', { path: '/nope.minsheng' });
    expect(port.sent.map((m) => m.method)).toEqual(['app.ping', 'records.count', 'project.open']);
    expect(port.sent.every((m) => m.type === 'call')).toBe(true);
    const ids = port.sent.map((m) => m.id);
    expect(new Set(ids).size).toBe(3);
    expect(port.sent[1].input).toEqual({ filter: {} });

    port.emit({ type: 'result', id: ids[2], ok: false, error: { code: 'FILE_NOT_FOUND', params: { path: '/nope.minsheng' }, message: '找不到文件：/nope.minsheng' } });
    port.emit({ type: 'result', id: ids[1], ok: true, result: { count: 7 } });
    port.emit({ type: 'result', id: ids[0], ok: true, result: { ok: true, serverTime: 1 } });

    expect(await a).toEqual({ ok: true, result: { ok: true, serverTime: 1 } });
    expect(await b).toEqual({ ok: true, result: { count: 7 } });
    expect(await c).toEqual({ ok: false, error: { code: 'FILE_NOT_FOUND', params: { path: '/nope.minsheng' }, message: '找不到文件：/nope.minsheng' } });
  });

  it('passes Arrow bytes through as Uint8Array', async () => {
    const { port, call } = setup();
    const p = call('records.page', { filter: {}, offset: 0, limit: 10 });
    const bytes = new Uint8Array([0xff, 0xff, 0xff, 0xff, 1, 2, 3]);
    port.emit({ type: 'result', id: port.sent[0].id, ok: true, result: bytes });
    const reply = await p;
    expect(reply.ok).toBe(true);
    if (reply.ok) {
      expect(reply.result).toBeInstanceOf(Uint8Array);
      expect(Array.from(reply.result as Uint8Array)).toEqual(Array.from(bytes));
    }
  });

  it('ignores replies with unknown ids and duplicate replies', async () => {
    const { port, call, relay } = setup();
    const p = call('app.ping', {});
    port.emit({ type: 'result', id: 9999, ok: true, result: 'stray' });
    port.emit({ type: 'result', id: port.sent[0].id, ok: true, result: 'first' });
    port.emit({ type: 'result', id: port.sent[0].id, ok: true, result: 'second' });
    expect(await p).toEqual({ ok: true, result: 'first' });
    expect(relay.pendingCount).toBe(0);
  });

  it('normalizes a malformed engine error into INTERNAL', async () => {
    const { port, call } = setup();
    const p = call('app.ping', {});
    port.emit({ type: 'result', id: port.sent[0].id, ok: false, error: 'boom' } as unknown as EngineOutbound);
    expect(await p).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('queues calls until the engine is ready', async () => {
    const { port, call, relay } = setup({ ready: false });
    const p = call('app.ping', {});
    await tick();
    expect(port.sent).toHaveLength(0);
    expect(relay.engineReady).toBe(false);
    port.emit({ type: 'ready', version: '0.1.0' });
    expect(relay.engineReady).toBe(true);
    expect(port.sent).toHaveLength(1);
    port.emit({ type: 'result', id: port.sent[0].id, ok: true, result: 'pong' });
    expect(await p).toEqual({ ok: true, result: 'pong' });
  });

  it('times out unanswered calls when a timeout is configured', async () => {
    const { call } = setup({ callTimeoutMs: 20 });
    const reply = await call('app.ping', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('forwards the locale when one is configured', async () => {
    const ipc = new FakeIpcMain();
    const port = new FakePort();
    createRelay<FakeEvent>({ ipcMain: ipc, engine: port, isTrustedSender: () => true, locale: () => 'en' });
    port.emit({ type: 'ready', version: '1' });
    void ipc.invoke(IPC_CALL, TRUSTED, { method: 'app.ping', input: {} });
    expect(port.sent[0].locale).toBe('en');
  });
});

describe('relay: engine crash', () => {
  it('fails pending and queued calls with INTERNAL when the engine exits', async () => {
    const { port, call, relay } = setup();
    const a = call('records.count', { filter: {} });
    const b = call('records.facets', { filter: {} });
    port.exit(139);
    const ra = await a;
    const rb = await b;
    expect(ra).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(rb).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!ra.ok) expect(ra.error.message).toContain('139');
    expect(relay.pendingCount).toBe(0);
  });

  it('answers INTERNAL immediately while no engine runs, then works again after a restart', async () => {
    const { port, call, relay } = setup();
    port.exit(1);
    expect(await call('app.ping', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(port.sent).toHaveLength(0);

    const next = new FakePort();
    relay.attachEngine(next);
    const p = call('app.ping', {});
    next.emit({ type: 'ready', version: '0.1.0' });
    expect(next.sent).toHaveLength(1);
    // late messages from the dead engine are ignored
    port.emit({ type: 'result', id: next.sent[0].id, ok: true, result: 'ghost' });
    next.emit({ type: 'result', id: next.sent[0].id, ok: true, result: 'pong' });
    expect(await p).toEqual({ ok: true, result: 'pong' });
  });

  it('fails queued calls when the engine dies before it is ready', async () => {
    const { port, call } = setup({ ready: false });
    const p = call('app.ping', {});
    port.exit(1);
    expect(await p).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('dispose fails pending calls and removes the handler', async () => {
    const { ipc, call, relay } = setup();
    const p = call('app.ping', {});
    relay.dispose();
    expect(await p).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(ipc.handlers.has(IPC_CALL)).toBe(false);
  });
});

describe('relay: events', () => {
  it('fans engine events out to every live renderer and skips destroyed ones', () => {
    const { port, relay } = setup();
    const w1 = new FakeWebContents();
    const w2 = new FakeWebContents();
    const w3 = new FakeWebContents();
    relay.addTarget(w1);
    relay.addTarget(w2);
    const remove3 = relay.addTarget(w3);
    remove3();
    const progress = { jobId: 'j1', kind: 'demo', done: 5, total: 10, ratePerSecond: null, etaSeconds: null, message: null };
    port.emit({ type: 'event', event: 'job.progress', data: progress });
    expect(w1.received).toEqual([{ channel: IPC_EVENT, payload: { event: 'job.progress', data: progress } }]);
    expect(w2.received).toEqual(w1.received);
    expect(w3.received).toEqual([]);

    w2.destroyed = true;
    port.emit({ type: 'event', event: 'project.changed', data: { project: null } });
    expect(w1.received).toHaveLength(2);
    expect(w2.received).toHaveLength(1);
  });

  it('broadcasts main-process events (menu commands) the same way', () => {
    const { relay } = setup();
    const w = new FakeWebContents();
    relay.addTarget(w);
    relay.broadcast('menu.command', { command: 'project.open' });
    expect(w.received).toEqual([{ channel: IPC_EVENT, payload: { event: 'menu.command', data: { command: 'project.open' } } }]);
  });

  it('survives a renderer whose send throws and ignores junk messages', () => {
    const { port, relay } = setup();
    const bad: WebContentsLike = { send: () => { throw new Error('gone'); }, isDestroyed: () => false };
    const good = new FakeWebContents();
    relay.addTarget(bad);
    relay.addTarget(good);
    port.emit({ type: 'nonsense' });
    port.emit({ type: 'event', event: 42 } as unknown as EngineOutbound);
    port.emit({ type: 'event', event: 'alert.raised', data: { alertId: 'a', title: 't', severity: 'high' } });
    expect(good.received).toHaveLength(1);
  });
});

describe('relay: main-process hooks and calls', () => {
  function hooked() {
    const ipc = new FakeIpcMain();
    const port = new FakePort();
    const events: string[] = [];
    const succeeded: string[] = [];
    const relay = createRelay<FakeEvent>({
      ipcMain: ipc, engine: port, isTrustedSender: () => true,
      onEngineEvent: (e) => { events.push(e); if (e === 'boom') throw new Error('hook failed'); },
      onCallSucceeded: (m) => succeeded.push(m),
    });
    port.emit({ type: 'ready', version: '1' });
    return { ipc, port, relay, events, succeeded };
  }

  it('shows every engine event to the hook before broadcasting it, even when the hook throws', () => {
    const { port, relay, events } = hooked();
    const w = new FakeWebContents();
    relay.addTarget(w);
    port.emit({ type: 'event', event: 'boom', data: {} });
    port.emit({ type: 'event', event: 'job.progress', data: { jobId: 'j' } });
    expect(events).toEqual(['boom', 'job.progress']);
    expect(w.received.map((r) => (r.payload as { event: string }).event)).toEqual(['boom', 'job.progress']);
  });

  it('reports succeeded calls only, and main-process calls reach the engine like renderer calls', async () => {
    const { ipc, port, relay, succeeded } = hooked();
    const a = relay.callEngine('jobs.cancel', { jobId: 'j1' });
    const b = ipc.invoke(IPC_CALL, TRUSTED, { method: 'settings.set', input: { locale: 'en' } });
    await tick();
    expect(port.sent.map((m) => m.method)).toEqual(['jobs.cancel', 'settings.set']);
    expect(port.sent[0].input).toEqual({ jobId: 'j1' });
    port.emit({ type: 'result', id: port.sent[0].id, ok: false, error: { code: 'JOB_NOT_FOUND', params: { jobId: 'j1' }, message: 'x' } });
    port.emit({ type: 'result', id: port.sent[1].id, ok: true, result: { locale: 'en' } });
    expect((await a).ok).toBe(false);
    expect((await b).ok).toBe(true);
    expect(succeeded).toEqual(['settings.set']);
  });

  it('fails main-process calls cleanly when no engine runs', async () => {
    const { port, relay } = hooked();
    port.exit(1);
    const r = await relay.callEngine('project.close', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INTERNAL');
  });
});
