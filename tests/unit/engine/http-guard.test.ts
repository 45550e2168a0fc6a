import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkApiRequest, tokensEqual } from '../../../electron/engine/transports/http-guard';
import { resolveStaticPath } from '../../../electron/engine/transports/static-files';

const PORT = 43123;
const TOKEN = 'secret-token-123';
const ok = { host: `127.0.0.1:${PORT}`, origin: `http://127.0.0.1:${PORT}`, secFetchSite: 'same-origin', token: TOKEN };

describe('browser-mode request guard', () => {
  it('allows a same-origin call with the token, with or without Origin', () => {
    expect(checkApiRequest(ok, PORT, TOKEN)).toBeNull();
    expect(checkApiRequest({ ...ok, origin: undefined, secFetchSite: undefined }, PORT, TOKEN)).toBeNull();
    expect(checkApiRequest({ ...ok, host: `localhost:${PORT}`, origin: `http://localhost:${PORT}` }, PORT, TOKEN)).toBeNull();
  });
  it('refuses a missing or wrong token', () => {
    expect(checkApiRequest({ ...ok, token: null }, PORT, TOKEN)).toBe('UNAUTHORIZED');
    expect(checkApiRequest({ ...ok, token: 'secret-token-124' }, PORT, TOKEN)).toBe('UNAUTHORIZED');
    expect(checkApiRequest({ ...ok, token: '' }, PORT, TOKEN)).toBe('UNAUTHORIZED');
  });
  it('refuses other web pages even when they know the token', () => {
    expect(checkApiRequest({ ...ok, origin: 'https://evil.example' }, PORT, TOKEN)).toBe('FORBIDDEN_ORIGIN');
    expect(checkApiRequest({ ...ok, origin: 'null' }, PORT, TOKEN)).toBe('FORBIDDEN_ORIGIN');
    expect(checkApiRequest({ ...ok, origin: `http://127.0.0.1:${PORT + 1}` }, PORT, TOKEN)).toBe('FORBIDDEN_ORIGIN');
    expect(checkApiRequest({ ...ok, origin: undefined, secFetchSite: 'cross-site' }, PORT, TOKEN)).toBe('FORBIDDEN_ORIGIN');
  });
  it('refuses a rebound DNS name in Host', () => {
    expect(checkApiRequest({ ...ok, host: `attacker.example:${PORT}` }, PORT, TOKEN)).toBe('FORBIDDEN_ORIGIN');
    expect(checkApiRequest({ ...ok, host: undefined }, PORT, TOKEN)).toBe('FORBIDDEN_ORIGIN');
  });
  it('compares tokens in constant time and by full length', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abcd', 'abc')).toBe(false);
    expect(tokensEqual(null, 'abc')).toBe(false);
  });
});

describe('static file path guard', () => {
  const root = path.resolve('/srv/app/dist');
  it('maps normal paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-abc.js?v=1')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveStaticPath(root, '/fonts/%E6%80%9D%E6%BA%90.otf')).toBe(path.join(root, 'fonts/思源.otf'));
  });
  it('rejects traversal, encoded traversal, backslashes, NUL and bad escapes', () => {
    for (const p of ['/../secret', '/assets/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fetc', '/a\\..\\b', '/x%00.js', '/%E0%A4%A', '//etc/passwd/../../..']) {
      expect(resolveStaticPath(root, p), p).toBeNull();
    }
  });
});
