import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ApiError, httpStatusOf, type Locale } from '../../../shared/api/errors';
import { API_PREFIX, ARROW_MIME, EVENTS_PATH, JSON_MIME, TOKEN_HEADER, TOKEN_QUERY } from '../../../shared/api/wire';
import { buildCsp } from '../../../shared/api/csp';
import type { Engine } from '../engine';
import { checkApiRequest } from './http-guard';
import { readStatic } from './static-files';

const MAX_BODY = 16 * 1024 * 1024;

export interface HttpServer {
  readonly port: number;
  readonly token: string;
  readonly url: string;
  close(): Promise<void>;
}

function localeOf(req: http.IncomingMessage, fallback: Locale): Locale {
  const h = String(req.headers['x-minsheng-locale'] ?? '');
  return h === 'en' || h === 'zh-CN' ? h : fallback;
}

/**
 * Refusals of the request itself (token, origin, unknown route) carry their HTTP status; errors of a
 * dispatched call answer 200 with { ok: false } (RPC style), so a browser does not log an expected
 * "file not found" as a failed resource.
 */
function sendError(res: http.ServerResponse, err: ApiError, locale: Locale, dispatched = false): void {
  res.writeHead(dispatched ? 200 : httpStatusOf(err.code), { 'content-type': JSON_MIME, 'cache-control': 'no-store' });
  res.end(JSON.stringify({ ok: false, error: err.toPayload(locale) }));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { reject(new ApiError('BAD_INPUT', { detail: 'request body too large' })); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Browser mode: serves the renderer and the API on 127.0.0.1 only. Every API call and the event
 * stream need the per-launch token; Host and Origin are checked.
 */
export async function startHttpServer(engine: Engine, opts: { port?: number; rendererDir: string; token?: string }): Promise<HttpServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const csp = buildCsp();
  const sseClients = new Set<http.ServerResponse>();
  const unsubscribe = engine.ctx.events.subscribe((e) => {
    const line = `data: ${JSON.stringify(e)}\n\n`;
    for (const c of sseClients) c.write(line);
  });
  const keepAlive = setInterval(() => { for (const c of sseClients) c.write(': keep-alive\n\n'); }, 15_000);

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const locale = localeOf(req, engine.ctx.settings.locale);
    const isApi = url.pathname.startsWith('/api/');
    if (isApi) {
      const tokenIn = (req.headers[TOKEN_HEADER] as string | undefined) ?? url.searchParams.get(TOKEN_QUERY);
      const denied = checkApiRequest({
        host: req.headers.host, origin: req.headers.origin, secFetchSite: req.headers['sec-fetch-site'] as string | undefined, token: tokenIn ?? null,
      }, port, token);
      if (denied) return sendError(res, new ApiError(denied, { origin: String(req.headers.origin ?? req.headers.host ?? '') }), locale);
      if (url.pathname === EVENTS_PATH && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        sseClients.add(res);
        req.on('close', () => sseClients.delete(res));
        return;
      }
      if (url.pathname.startsWith(API_PREFIX) && req.method === 'POST') {
        const method = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
        try {
          const raw = await readBody(req);
          let input: unknown = {};
          if (raw.trim()) {
            try { input = JSON.parse(raw); } catch { throw new ApiError('BAD_INPUT', { detail: 'body is not valid JSON' }); }
          }
          const result = await engine.dispatcher.call(method, input);
          if (engine.dispatcher.kindOf(method) === 'arrow') {
            const bytes = result as Uint8Array;
            res.writeHead(200, { 'content-type': ARROW_MIME, 'content-length': bytes.byteLength, 'cache-control': 'no-store' });
            res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
          } else {
            res.writeHead(200, { 'content-type': JSON_MIME, 'cache-control': 'no-store' });
            res.end(JSON.stringify({ ok: true, result }));
          }
        } catch (e) {
          sendError(res, e instanceof ApiError ? e : new ApiError('INTERNAL', { detail: String((e as Error)?.message ?? e) }), locale, true);
        }
        return;
      }
      return sendError(res, new ApiError('UNKNOWN_METHOD', { method: url.pathname }), locale);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405); res.end(); return; }
    const file = readStatic(opts.rendererDir, url.pathname);
    if (!file) { res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }); res.end('not found'); return; }
    res.writeHead(200, {
      'content-type': file.mime, 'content-security-policy': csp, 'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer', 'cross-origin-opener-policy': 'same-origin', 'x-frame-options': 'DENY',
      'cache-control': file.mime.startsWith('text/html') ? 'no-store' : 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port, token, url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () => new Promise<void>((resolve) => {
      clearInterval(keepAlive);
      unsubscribe();
      for (const c of sseClients) c.end();
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
