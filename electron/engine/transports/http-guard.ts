import { timingSafeEqual } from 'node:crypto';
import type { ErrorCode } from '../../../shared/api/errors';

export interface GuardInput {
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  token: string | null;
}

export function tokensEqual(a: string | null, b: string): boolean {
  if (a === null) return false;
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** The hosts a browser may use to reach the server: loopback names with our port only (defeats DNS rebinding). */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * Decides whether an API request may proceed. Returns null when allowed, else the error code.
 * Order: Host (rebinding), Origin / Sec-Fetch-Site (other web pages), token (other local processes).
 */
export function checkApiRequest(req: GuardInput, port: number, token: string): ErrorCode | null {
  if (!req.host || !allowedHosts(port).includes(req.host.toLowerCase())) return 'FORBIDDEN_ORIGIN';
  if (req.origin !== undefined && req.origin !== 'null') {
    const ok = allowedHosts(port).some((h) => req.origin === `http://${h}`);
    if (!ok) return 'FORBIDDEN_ORIGIN';
  } else if (req.origin === 'null') {
    return 'FORBIDDEN_ORIGIN';
  }
  if (req.secFetchSite !== undefined && req.secFetchSite !== 'same-origin' && req.secFetchSite !== 'none') return 'FORBIDDEN_ORIGIN';
  if (!tokensEqual(req.token, token)) return 'UNAUTHORIZED';
  return null;
}
