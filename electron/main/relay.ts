/**
 * The main-process relay between renderer IPC and the engine's utilityProcess port.
 * PURE (no `electron` import): it only needs ipcMain-, port- and webContents-shaped objects, so it is unit-tested with fakes.
 *
 * renderer ──invoke(IPC_CALL, {method,input})──▶ relay ──{type:'call',id,…}──▶ engine
 * renderer ◀──{ok,result|error} envelope──────── relay ◀──{type:'result',id,…}── engine
 * renderer ◀──send(IPC_EVENT, {event,data})───── relay ◀──{type:'event',…}────── engine
 *
 * Handlers never throw (ipcRenderer.invoke mangles thrown errors): they resolve an envelope the preload unwraps.
 */
import type { ApiErrorPayload, ErrorCode, Locale } from '../../shared/api/errors';
import { formatErrorMessage } from '../../shared/api/errors';
import type { EngineInbound, EngineOutbound } from '../../shared/api/wire';
import { IPC_CALL, IPC_EVENT } from '../../shared/api/wire';

export type Envelope<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiErrorPayload };

/** What the relay needs from `ipcMain`. */
export interface IpcMainLike<E = unknown> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
  removeHandler?(channel: string): void;
}

/** What the relay needs from a `UtilityProcess` (or any port speaking EngineInbound/EngineOutbound). */
export interface EnginePortLike {
  postMessage(message: EngineInbound): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

/** What the relay needs from a `WebContents`. */
export interface WebContentsLike {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export interface RelayOptions<E> {
  ipcMain: IpcMainLike<E>;
  /** Decides whether an IPC event comes from our own renderer frame. */
  isTrustedSender: (event: E) => boolean;
  /** Locale forwarded with each call and used for the relay's own error messages. Undefined lets the engine decide. */
  locale?: () => Locale | undefined;
  /** Optional initial engine. More can be attached later (restart after a crash). */
  engine?: EnginePortLike;
  /** Reject calls still unanswered after this long (ms). 0 or undefined: no timeout (jobs are async anyway). */
  callTimeoutMs?: number;
  log?: (message: string) => void;
  /** Sees every engine event before it is broadcast (taskbar progress, recent-projects menu). */
  onEngineEvent?: (event: string, data: unknown) => void;
  /** Sees the method of every call that succeeded (e.g. `settings.set` → rebuild the menu in the new language). */
  onCallSucceeded?: (method: string) => void;
}

export interface Relay {
  /** Starts forwarding to this engine; calls queue until it posts `{type:'ready'}`. */
  attachEngine(engine: EnginePortLike): void;
  /** Marks the current engine as gone: pending and queued calls fail with INTERNAL. */
  engineExited(detail: string): void;
  /** Registers a renderer for events; returns an unregister function. */
  addTarget(target: WebContentsLike): () => void;
  /** Sends an event to every live registered renderer (also used for main-originated events such as menu commands). */
  broadcast(event: string, data: unknown): void;
  /** A call originated by the main process itself (cancel jobs and close the project before quitting). */
  callEngine(method: string, input: unknown): Promise<Envelope>;
  readonly engineReady: boolean;
  readonly pendingCount: number;
  dispose(): void;
}

const MAX_METHOD_LENGTH = 128;

export function errorEnvelope(code: ErrorCode, params: Record<string, string | number>, locale: Locale = 'zh-CN'): { ok: false; error: ApiErrorPayload } {
  return { ok: false, error: { code, params, message: formatErrorMessage(code, params, locale) } };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

function normalizeError(error: unknown, locale: Locale): ApiErrorPayload {
  if (isObject(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    const params = isObject(error.params) ? (error.params as Record<string, string | number>) : {};
    return { code: error.code as ErrorCode, params, message: error.message };
  }
  return errorEnvelope('INTERNAL', { detail: 'malformed error from engine' }, locale).error;
}

interface Pending {
  resolve: (envelope: Envelope) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
  method: string;
}

export function createRelay<E>(opts: RelayOptions<E>): Relay {
  const log = opts.log ?? (() => {});
  const localeOf = (): Locale => opts.locale?.() ?? 'zh-CN';
  const pending = new Map<number, Pending>();
  const queue: EngineInbound[] = [];
  const targets = new Set<WebContentsLike>();
  let engine: EnginePortLike | null = null;
  let ready = false;
  let nextId = 1;
  let disposed = false;

  function settle(id: number, envelope: Envelope): void {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (p.timer) clearTimeout(p.timer);
    p.resolve(envelope);
  }

  function failAll(detail: string): void {
    queue.length = 0;
    for (const id of [...pending.keys()]) settle(id, errorEnvelope('INTERNAL', { detail }, localeOf()));
  }

  function send(msg: EngineInbound): void {
    if (!engine) return;
    try {
      engine.postMessage(msg);
    } catch (e) {
      settle(msg.id, errorEnvelope('INTERNAL', { detail: `engine unreachable: ${e instanceof Error ? e.message : String(e)}` }, localeOf()));
    }
  }

  function onEngineMessage(source: EnginePortLike, raw: unknown): void {
    if (source !== engine || !isObject(raw)) return;
    const msg = raw as EngineOutbound;
    switch (msg.type) {
      case 'ready': {
        ready = true;
        log(`engine ready${typeof msg.version === 'string' ? ` (version ${msg.version})` : ''}`);
        for (const m of queue.splice(0)) send(m);
        return;
      }
      case 'result': {
        if (typeof msg.id !== 'number') return;
        if (msg.ok === true) settle(msg.id, { ok: true, result: msg.result });
        else settle(msg.id, { ok: false, error: normalizeError(msg.error, localeOf()) });
        return;
      }
      case 'event': {
        if (typeof msg.event !== 'string') return;
        try {
          opts.onEngineEvent?.(msg.event, msg.data);
        } catch (e) {
          log(`engine event hook failed: ${e instanceof Error ? e.message : String(e)}`);
        }
        broadcast(msg.event, msg.data);
        return;
      }
      default:
        log(`ignored unknown engine message type: ${String((raw as { type?: unknown }).type)}`);
    }
  }

  function broadcast(event: string, data: unknown): void {
    for (const t of [...targets]) {
      if (t.isDestroyed()) {
        targets.delete(t);
        continue;
      }
      try {
        t.send(IPC_EVENT, { event, data });
      } catch (e) {
        log(`dropping event ${event} for a renderer: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  function handleCall(event: E, request: unknown): Promise<Envelope> | Envelope {
    const locale = localeOf();
    let trusted: boolean;
    try {
      trusted = opts.isTrustedSender(event) === true;
    } catch {
      trusted = false;
    }
    if (!trusted) {
      log('refused IPC call from an untrusted sender');
      return errorEnvelope('UNAUTHORIZED', {}, locale);
    }
    if (!isObject(request) || typeof request.method !== 'string' || request.method.length === 0 || request.method.length > MAX_METHOD_LENGTH) {
      return errorEnvelope('BAD_INPUT', { detail: 'expected { method: string, input }' }, locale);
    }
    return forward(request.method, request.input);
  }

  function forward(method: string, input: unknown): Promise<Envelope> | Envelope {
    const locale = localeOf();
    if (disposed || !engine) return errorEnvelope('INTERNAL', { detail: 'the engine is not running' }, locale);
    const id = nextId++;
    const msg: EngineInbound = { type: 'call', id, method, input };
    const forwardedLocale = opts.locale?.();
    if (forwardedLocale) msg.locale = forwardedLocale;
    return new Promise<Envelope>((resolve) => {
      const timer = opts.callTimeoutMs
        ? setTimeout(() => settle(id, errorEnvelope('INTERNAL', { detail: `${method} timed out after ${opts.callTimeoutMs} ms` }, localeOf())), opts.callTimeoutMs)
        : undefined;
      const done = (envelope: Envelope) => {
        if (envelope.ok) {
          try {
            opts.onCallSucceeded?.(method);
          } catch (e) {
            log(`call hook failed: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
        resolve(envelope);
      };
      pending.set(id, { resolve: done, timer, method });
      if (ready) send(msg);
      else queue.push(msg);
    });
  }

  opts.ipcMain.handle(IPC_CALL, (event, request) => handleCall(event, request));

  const relay: Relay = {
    attachEngine(next) {
      if (engine && engine !== next) failAll('the engine was replaced');
      engine = next;
      ready = false;
      next.on('message', (m) => onEngineMessage(next, m));
      next.on('exit', (code) => {
        if (engine === next) relay.engineExited(`the engine exited with code ${code}`);
      });
    },
    engineExited(detail) {
      engine = null;
      ready = false;
      failAll(detail);
    },
    addTarget(target) {
      targets.add(target);
      return () => { targets.delete(target); };
    },
    broadcast,
    callEngine: (method, input) => Promise.resolve(forward(method, input)),
    get engineReady() { return ready; },
    get pendingCount() { return pending.size; },
    dispose() {
      disposed = true;
      failAll('the application is shutting down');
      targets.clear();
      engine = null;
      opts.ipcMain.removeHandler?.(IPC_CALL);
    },
  };
  if (opts.engine) relay.attachEngine(opts.engine);
  return relay;
}
