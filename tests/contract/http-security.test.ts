import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/engine';
import { startHttpServer, type HttpServer } from '../../electron/engine/transports/http';
import { API_PREFIX, EVENTS_PATH, TOKEN_HEADER } from '../../shared/api/wire';
import { tmpDir } from '../helpers/tmp';

/** Raw request so Host and Origin can be set freely (fetch forbids Host). */
function raw(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser-mode HTTP server', () => {
  let engine: Engine; let server: HttpServer; let dir: string; let cleanup: () => void;
  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir());
    const web = path.join(dir, 'web');
    fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>民声</title>');
    fs.writeFileSync(path.join(web, 'assets', 'a.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    engine = createEngine({ host: 'test', dataDir: path.join(dir, 'data') });
    server = await startHttpServer(engine, { rendererDir: web });
  });
  afterAll(async () => { await server.close(); await engine.shutdown(); cleanup(); });

  const call = (headers: Record<string, string>) => raw(server.port, {
    method: 'POST', path: `${API_PREFIX}app.ping`, headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', ...headers }, body: '{}',
  });

  it('binds to 127.0.0.1 and prints a URL carrying the token in the fragment', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[A-Za-z0-9_-]{20,}$`));
  });
  it('accepts the token and refuses a wrong or missing one', async () => {
    expect((await call({ [TOKEN_HEADER]: server.token })).status).toBe(200);
    const wrong = await call({ [TOKEN_HEADER]: 'x'.repeat(32), 'x-minsheng-locale': 'zh-CN' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body).error.code).toBe('UNAUTHORIZED');
    expect(JSON.parse(wrong.body).error.message).toMatch(/令牌/);
    expect((await call({})).status).toBe(401);
  });
  it('refuses another origin and a rebound Host even with the token', async () => {
    expect((await call({ [TOKEN_HEADER]: server.token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await call({ [TOKEN_HEADER]: server.token, host: `evil.example:${server.port}` })).status).toBe(403);
  });
  it('protects the event stream with the token', async () => {
    const r = await raw(server.port, { path: `${EVENTS_PATH}?token=wrong`, headers: { host: `127.0.0.1:${server.port}` } });
    expect(r.status).toBe(401);
  });
  it('serves the UI with a strict CSP and never files outside its folder', async () => {
    const idx = await raw(server.port, { path: '/', headers: { host: `127.0.0.1:${server.port}` } });
    expect(idx.status).toBe(200);
    expect(idx.body).toContain('民声');
    expect(idx.headers['content-security-policy']).toContain("default-src 'self'");
    expect(idx.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await raw(server.port, { path: '/assets/a.js' })).status).toBe(200);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await raw(server.port, { path: p });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('secret');
    }
  });
  it('answers malformed JSON with BAD_INPUT', async () => {
    const r = await raw(server.port, { method: 'POST', path: `${API_PREFIX}app.ping`, headers: { host: `127.0.0.1:${server.port}`, [TOKEN_HEADER]: server.token }, body: '{not json' });
    expect(r.status).toBe(200); // dispatched errors are RPC-style { ok: false }
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
