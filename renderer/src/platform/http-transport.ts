import { ApiError } from '../../../shared/api/errors';
import { isErrorPayload, type Transport } from '../../../shared/api/client';
import type { ApiEvent } from '../../../shared/api/events';
import { API_PREFIX, ARROW_MIME, EVENTS_PATH, JSON_MIME, TOKEN_HEADER, TOKEN_QUERY } from '../../../shared/api/wire';

const STORAGE_KEY = 'minsheng.token';

interface EventSourceLike {
  onmessage: ((ev: { data: unknown }) => void) | null;
  close(): void;
}

/** Everything the transport touches in the browser; injectable for tests. */
export interface HttpDeps {
  fetch: (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<Response>;
  EventSource: new (url: string) => EventSourceLike;
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  storage: { getItem(k: string): string | null; setItem(k: string, v: string): void };
}

function browserDeps(): HttpDeps {
  return {
    fetch: (url, init) => globalThis.fetch(url, init),
    EventSource: globalThis.EventSource as unknown as HttpDeps['EventSource'],
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
  };
}

/**
 * Takes `token=...` out of the URL hash (e.g. `#token=abc` or `#/map&token=abc`), stores it in
 * sessionStorage and removes it from the address bar. Falls back to the stored token.
 */
export function takeToken(deps: Pick<HttpDeps, 'location' | 'history' | 'storage'>): string | null {
  const { hash, pathname, search } = deps.location;
  const raw = hash.replace(/^#/, '');
  const m = /(^|[&?])token=([^&]*)/.exec(raw);
  if (!m) return deps.storage.getItem(STORAGE_KEY);
  let token = m[2];
  try {
    token = decodeURIComponent(token);
  } catch {
    // keep the raw value
  }
  deps.storage.setItem(STORAGE_KEY, token);
  const before = raw.slice(0, m.index);
  let after = raw.slice(m.index + m[0].length);
  if (after.startsWith('&')) after = (m[1] === '?' ? '?' : before ? '&' : '') + after.slice(1);
  const rest = before + after;
  deps.history.replaceState(null, '', pathname + search + (rest ? `#${rest}` : ''));
  return token;
}

async function decodeResponse(res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (res.ok && type.startsWith(ARROW_MIME)) return new Uint8Array(await res.arrayBuffer());
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError('INTERNAL', { detail: `HTTP ${res.status}` });
  }
  const env = body as { ok?: boolean; result?: unknown; error?: unknown };
  if (env && env.ok === true) return env.result;
  if (env && isErrorPayload(env.error)) throw ApiError.fromPayload(env.error);
  throw new ApiError('INTERNAL', { detail: `HTTP ${res.status}` });
}

/** Browser transport: POST per call, one shared EventSource for events. */
export function createHttpTransport(deps: HttpDeps = browserDeps()): Transport & { token: string | null } {
  const token = takeToken(deps);
  const listeners = new Set<(e: ApiEvent) => void>();
  let source: EventSourceLike | null = null;

  const ensureSource = () => {
    if (source || !token) return;
    source = new deps.EventSource(`${EVENTS_PATH}?${TOKEN_QUERY}=${encodeURIComponent(token)}`);
    source.onmessage = (ev) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(ev.data));
      } catch {
        return; // keep-alive or foreign message
      }
      const e = parsed as ApiEvent;
      if (!e || typeof e.event !== 'string') return;
      for (const l of [...listeners]) l(e);
    };
  };

  return {
    token,
    async call(method, input) {
      if (!token) throw new ApiError('UNAUTHORIZED');
      let res: Response;
      try {
        res = await deps.fetch(`${API_PREFIX}${method}`, {
          method: 'POST',
          headers: { 'content-type': JSON_MIME, [TOKEN_HEADER]: token },
          body: JSON.stringify(input ?? {}),
        });
      } catch (e) {
        throw new ApiError('INTERNAL', { detail: e instanceof Error ? e.message : String(e) });
      }
      return decodeResponse(res);
    },
    subscribe(listener) {
      listeners.add(listener);
      ensureSource();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
