import { ApiError, type ApiErrorPayload } from '../../shared/api/errors';
import type { Transport } from '../../shared/api/client';
import type { ApiEvent } from '../../shared/api/events';
import { API_PREFIX, ARROW_MIME, EVENTS_PATH, TOKEN_HEADER, type EngineOutbound } from '../../shared/api/wire';
import { createEngine, type Engine } from '../../electron/engine/engine';
import { startHttpServer, type HttpServer } from '../../electron/engine/transports/http';
import { serveParentPort } from '../../electron/engine/transports/parent-port';

export interface TransportHarness {
  name: string;
  engine: Engine;
  transport: Transport;
  close(): Promise<void>;
}

/** 1. In-process: the dispatcher itself, errors flattened to wire payloads like the other transports do. */
export async function inProcess(dataDir: string): Promise<TransportHarness> {
  const engine = createEngine({ host: 'test', dataDir, progressIntervalMs: 20 });
  return {
    name: 'in-process', engine,
    transport: {
      call: async (m, i) => {
        try { return await engine.dispatcher.call(m, structuredClone(i)); } catch (e) { throw (e as ApiError).toPayload('en'); }
      },
      subscribe: (l) => engine.ctx.events.subscribe(l),
    },
    close: () => engine.shutdown(),
  };
}

/** Reads a text/event-stream with fetch (Node has no EventSource). */
function sseSubscribe(url: string, headers: Record<string, string>, listener: (e: ApiEvent) => void): () => void {
  const ctrl = new AbortController();
  void (async () => {
    try {
      const res = await fetch(url, { headers, signal: ctrl.signal });
      const reader = res.body!.getReader();
      const dec = new TextDecoder();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += dec.decode(value, { stream: true });
        let idx: number;
        while ((idx = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, idx);
          buf = buf.slice(idx + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (data) listener(JSON.parse(data) as ApiEvent);
        }
      }
    } catch { /* aborted */ }
  })();
  return () => ctrl.abort();
}

export function httpTransport(server: HttpServer, token = server.token): Transport {
  const base = `http://127.0.0.1:${server.port}`;
  const headers = { [TOKEN_HEADER]: token, origin: base, 'x-minsheng-locale': 'en' };
  return {
    async call(method, input) {
      const res = await fetch(`${base}${API_PREFIX}${encodeURIComponent(method)}`, {
        method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}),
      });
      if (res.headers.get('content-type') === ARROW_MIME) return new Uint8Array(await res.arrayBuffer());
      const body = await res.json() as { ok: boolean; result?: unknown; error?: ApiErrorPayload };
      if (!body.ok) throw body.error;
      return body.result;
    },
    subscribe: (l) => sseSubscribe(`${base}${EVENTS_PATH}?token=${encodeURIComponent(token)}`, { origin: base }, l),
  };
}

/** 2. HTTP + SSE: browser mode's transport. */
export async function overHttp(dataDir: string): Promise<TransportHarness> {
  const engine = createEngine({ host: 'test', dataDir, progressIntervalMs: 20 });
  const server = await startHttpServer(engine, { rendererDir: dataDir });
  return { name: 'http', engine, transport: httpTransport(server), close: async () => { await server.close(); await engine.shutdown(); } };
}

/**
 * 3. Parent port, as Electron's utilityProcess uses it: messages cross a structured clone, like IPC.
 * `wrapRenderer` lets a suite put the main-process relay in between.
 */
export async function overParentPort(dataDir: string): Promise<TransportHarness> {
  const engine = createEngine({ host: 'test', dataDir, progressIntervalMs: 20 });
  const toEngine: ((e: { data: unknown }) => void)[] = [];
  const fromEngine = new Set<(m: EngineOutbound) => void>();
  const off = serveParentPort(engine, {
    on: (_ev, l) => { toEngine.push(l); },
    postMessage: (m) => { const c = structuredClone(m); setImmediate(() => fromEngine.forEach((l) => l(c))); },
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  fromEngine.add((m) => {
    if (m.type !== 'result') return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.result); else p.reject(m.error);
  });
  return {
    name: 'parent-port', engine,
    transport: {
      call: (method, input) => new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const msg = structuredClone({ type: 'call' as const, id, method, input, locale: 'en' });
        setImmediate(() => toEngine.forEach((l) => l({ data: msg })));
      }),
      subscribe: (l) => {
        const h = (m: EngineOutbound) => { if (m.type === 'event') l({ event: m.event, data: m.data } as ApiEvent); };
        fromEngine.add(h);
        return () => fromEngine.delete(h);
      },
    },
    close: async () => { off(); await engine.shutdown(); },
  };
}

/**
 * 3. Electron's path with fakes: renderer `ipcRenderer.invoke` → main-process relay (the real
 * electron/main/relay.ts) → utilityProcess port → engine `serveParentPort`. Every hop is a structured clone.
 */
export async function overIpcRelay(dataDir: string): Promise<TransportHarness> {
  const { createRelay } = await import('../../electron/main/relay');
  const { IPC_CALL, IPC_EVENT } = await import('../../shared/api/wire');
  const engine = createEngine({ host: 'test', dataDir, progressIntervalMs: 20 });
  // utilityProcess side
  const engineListeners: ((e: { data: unknown }) => void)[] = [];
  const mainListeners: { message: ((m: unknown) => void)[]; exit: ((c: number) => void)[] } = { message: [], exit: [] };
  const utility = {
    postMessage: (m: unknown) => { const c = structuredClone(m); setImmediate(() => engineListeners.forEach((l) => l({ data: c }))); },
    on: (ev: 'message' | 'exit', l: (x: never) => void) => { (mainListeners[ev] as ((x: never) => void)[]).push(l); return utility; },
  };
  // main process side
  let handler: ((event: { senderFrame: { url: string } }, ...args: unknown[]) => unknown) | null = null;
  const rendererEvents = new Set<(e: ApiEvent) => void>();
  const relay = createRelay<{ senderFrame: { url: string } }>({
    ipcMain: { handle: (ch, fn) => { if (ch === IPC_CALL) handler = fn; } },
    isTrustedSender: (e) => e.senderFrame.url.startsWith('app://minsheng/'),
    locale: () => 'en',
    engine: utility as never,
  });
  relay.addTarget({ isDestroyed: () => false, send: (ch, payload) => { if (ch === IPC_EVENT) { const c = structuredClone(payload) as ApiEvent; rendererEvents.forEach((l) => l(c)); } } });
  const off = serveParentPort(engine, {
    on: (_ev, l) => { engineListeners.push(l); },
    postMessage: (m) => { const c = structuredClone(m); setImmediate(() => mainListeners.message.forEach((l) => l(c))); },
  });
  return {
    name: 'ipc-relay', engine,
    transport: {
      // what the preload does: invoke, then unwrap the envelope into a rejection
      call: async (method, input) => {
        const env = await handler!({ senderFrame: { url: 'app://minsheng/index.html' } }, structuredClone({ method, input })) as { ok: boolean; result?: unknown; error?: unknown };
        const c = structuredClone(env);
        if (!c.ok) throw c.error;
        return c.result;
      },
      subscribe: (l) => { rendererEvents.add(l); return () => rendererEvents.delete(l); },
    },
    close: async () => { relay.dispose(); off(); await engine.shutdown(); },
  };
}

/** Every transport the contract runs over, for `describe.each`. */
export const ALL_TRANSPORTS = [
  ['in-process', inProcess],
  ['http', overHttp],
  ['parent port', overParentPort],
  ['IPC relay (fake ipcMain + utilityProcess)', overIpcRelay],
] as const;
