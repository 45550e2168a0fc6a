import { ApiError } from '../../../shared/api/errors';
import { isErrorPayload, type Transport } from '../../../shared/api/client';
import type { ApiEvent } from '../../../shared/api/events';
import type { MinshengBridge } from './bridge';

/** Normalises binary results that crossed the IPC boundary (Buffer / ArrayBuffer / views). */
function normaliseResult(r: unknown): unknown {
  if (r instanceof Uint8Array) return r;
  if (r instanceof ArrayBuffer) return new Uint8Array(r);
  if (ArrayBuffer.isView(r)) return new Uint8Array(r.buffer, r.byteOffset, r.byteLength);
  return r;
}

/** Electron transport over the preload bridge (`window.minsheng`). */
export function createIpcTransport(bridge: MinshengBridge): Transport {
  return {
    async call(method, input) {
      try {
        return normaliseResult(await bridge.call(method, input));
      } catch (e) {
        if (e instanceof ApiError) throw e;
        if (isErrorPayload(e)) throw ApiError.fromPayload(e);
        throw new ApiError('INTERNAL', { detail: e instanceof Error ? e.message : String(e) });
      }
    },
    subscribe(listener) {
      return bridge.subscribe((e) => listener(e as ApiEvent));
    },
  };
}
