/** The `app://minsheng/` protocol that serves renderer/dist, with the CSP on every response. */
import { protocol } from 'electron';
import { promises as fs } from 'node:fs';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, mimeTypeFor, resolveAppPath } from './policy';
import type { Log } from './log';
import { truncateUrl } from './log';

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const BASE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Serves files under `rendererDir` for `app://minsheng/...`; anything else is 403/404. Call after `app` is ready. */
export function serveRenderer(rendererDir: string, log: Log): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) {
      log(`refused app:// request ${truncateUrl(request.url)}`);
      return plain(403, 'Forbidden');
    }
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return plain(404, 'Not Found');
      const body = request.method === 'HEAD' ? null : new Uint8Array(await fs.readFile(file));
      return new Response(body, {
        status: 200,
        headers: { ...BASE_HEADERS, 'Content-Type': mimeTypeFor(file), 'Content-Length': String(stat.size) },
      });
    } catch {
      return plain(404, 'Not Found');
    }
  });
}
