import { ApiError, type Locale } from '../../../shared/api/errors';
import type { EngineInbound, EngineOutbound } from '../../../shared/api/wire';
import type { Engine } from '../engine';

/** The message port shape of Electron's utilityProcess `process.parentPort` (and of test fakes). */
export interface PortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: EngineOutbound): void;
}

/** Serves the contract over a parent port: calls in, results and events out. */
export function serveParentPort(engine: Engine, port: PortLike): () => void {
  const unsubscribe = engine.ctx.events.subscribe((e) => port.postMessage({ type: 'event', event: e.event, data: e.data }));
  port.on('message', (e) => {
    const msg = e.data as EngineInbound;
    if (!msg || msg.type !== 'call' || typeof msg.id !== 'number') return;
    const locale: Locale = msg.locale === 'en' ? 'en' : msg.locale === 'zh-CN' ? 'zh-CN' : engine.ctx.settings.locale;
    engine.dispatcher.call(msg.method, msg.input).then(
      (result) => port.postMessage({ type: 'result', id: msg.id, ok: true, result }),
      (err) => {
        const api = err instanceof ApiError ? err : new ApiError('INTERNAL', { detail: String(err?.message ?? err) });
        port.postMessage({ type: 'result', id: msg.id, ok: false, error: api.toPayload(locale) });
      },
    );
  });
  port.postMessage({ type: 'ready', version: engine.ctx.version });
  return unsubscribe;
}
