import type { ApiErrorPayload } from './errors';
import { ApiError } from './errors';
import type { InputOf, MethodName, OutputOf } from './contract';
import type { ApiEvent, EventName, EventPayload } from './events';

/** What a host must provide: one call primitive and one event stream. */
export interface Transport {
  call(method: string, input: unknown): Promise<unknown>;
  subscribe(listener: (e: ApiEvent) => void): () => void;
}

export interface ApiClient {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  on<E extends EventName>(event: E, listener: (data: EventPayload<E>) => void): () => void;
}

export function isErrorPayload(x: unknown): x is ApiErrorPayload {
  return typeof x === 'object' && x !== null && typeof (x as { code?: unknown }).code === 'string'
    && typeof (x as { message?: unknown }).message === 'string';
}

/** Wraps a transport into the typed client. Errors always surface as ApiError. */
export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      try {
        return (await transport.call(method, input)) as never;
      } catch (e) {
        if (e instanceof ApiError) throw e;
        if (isErrorPayload(e)) throw ApiError.fromPayload(e);
        throw new ApiError('INTERNAL', { detail: e instanceof Error ? e.message : String(e) });
      }
    },
    on(event, listener) {
      return transport.subscribe((e) => {
        if (e.event === event) listener(e.data as never);
      });
    },
  };
}
