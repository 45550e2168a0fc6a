import { describe, it, expect } from 'vitest';
import path from 'node:path';
import {
  APP_ENTRY_URL, CONTENT_SECURITY_POLICY, buildContentSecurityPolicy, isAllowedAppUrl, isPermissionAllowed,
  isTrustedSender, mimeTypeFor, preferUnpackedPath, resolveAppPath, shouldBlockRequest, webPreferencesFor,
} from '../../../electron/main/policy';

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    map.set(name, values);
  }
  return map;
}

describe('webPreferencesFor', () => {
  it('locks the renderer down', () => {
    const p = webPreferencesFor('/app/dist/electron/preload.cjs');
    expect(p).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: false,
    });
  });
  it('makes devTools configurable', () => {
    expect(webPreferencesFor('p', { devTools: true }).devTools).toBe(true);
    expect(webPreferencesFor('p', { devTools: false }).devTools).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const d = directives(CONTENT_SECURITY_POLICY);
  it('defaults to self and allows what MapLibre and antd need', () => {
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toContain('blob:');
    expect(d.get('child-src')).toContain('blob:');
    expect(d.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:']));
    expect(d.get('style-src')).toEqual(expect.arrayContaining(["'self'", "'unsafe-inline'"]));
    expect(d.get('font-src')).toEqual(expect.arrayContaining(["'self'", 'data:']));
    expect(d.get('connect-src')).toEqual(["'self'"]);
  });
  it('closes everything else', () => {
    for (const name of ['object-src', 'base-uri', 'frame-ancestors', 'form-action']) expect(d.get(name)).toEqual(["'none'"]);
  });
  it('never allows inline/eval scripts or remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(d.get('script-src') ?? d.get('default-src')).not.toContain("'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
    expect(CONTENT_SECURITY_POLICY).not.toContain('*');
  });
  it('adds the local engine origin to connect-src in browser mode only', () => {
    const csp = buildContentSecurityPolicy({ connectOrigins: ['http://127.0.0.1:4321'] });
    expect(directives(csp).get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:4321']);
    expect(directives(csp).get('default-src')).toEqual(["'self'"]);
  });
});

describe('isAllowedAppUrl', () => {
  it.each([
    'app://minsheng/', 'app://minsheng/index.html', 'app://minsheng/assets/index-abc.js', APP_ENTRY_URL, 'app://minsheng/index.html#/records',
  ])('accepts %s', (u) => expect(isAllowedAppUrl(u)).toBe(true));
  it.each([
    'app://evil/', 'app://minsheng.evil/', 'app://minsheng:8080/', 'app://user@minsheng/', 'file:///etc/passwd',
    'https://cdn.example.com/x.js', 'http://127.0.0.1/', 'javascript:alert(1)', 'data:text/html,x', 'about:blank', '', 'not a url',
  ])('refuses %s', (u) => expect(isAllowedAppUrl(u)).toBe(false));
});

describe('resolveAppPath', () => {
  const root = path.resolve('/srv/minsheng/renderer/dist');
  it('maps app URLs into the root', () => {
    expect(resolveAppPath(root, 'app://minsheng/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://minsheng/assets/main-1a2b.js?v=1#x')).toBe(path.join(root, 'assets', 'main-1a2b.js'));
    expect(resolveAppPath(root, 'app://minsheng/fonts/%E6%B0%91%E5%A3%B0.woff2')).toBe(path.join(root, 'fonts', '民声.woff2'));
    expect(resolveAppPath(root, 'app://minsheng/a%20b.css')).toBe(path.join(root, 'a b.css'));
  });
  it('serves index.html for directory URLs', () => {
    expect(resolveAppPath(root, 'app://minsheng/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://minsheng')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://minsheng/docs/')).toBe(path.join(root, 'docs', 'index.html'));
  });
  it.each([
    'app://minsheng/../../etc/passwd',
    'app://minsheng/%2e%2e/secret',
    'app://minsheng/%2E%2E/%2E%2E/etc/passwd',
    'app://minsheng/.%2e/secret',
    'app://minsheng/assets/../../../secret',
    'app://minsheng/./index.html',
    'app://minsheng/..%2f..%2fetc%2fpasswd',
    'app://minsheng/%2e%2e%2fsecret',
    'app://minsheng/..%5c..%5cwindows%5cwin.ini',
    'app://minsheng/..\\..\\secret',
    'app://minsheng/a\\b.js',
    'app://minsheng/index.html%00.png',
    'app://minsheng//etc/passwd',
    'app://minsheng/C:/Windows/win.ini',
    'app://minsheng/C:%5CWindows',
    'app://minsheng/%ZZ',
    'app://minsheng/a//b.js',
    'app://evil/index.html',
    'file:///etc/passwd',
    'https://cdn.example.com/index.html',
  ])('refuses %s', (u) => expect(resolveAppPath(root, u)).toBeNull());
  it('never returns a path outside the root', () => {
    const attempts = ['..', '%2e%2e', '.%2E', '%2e.', '..%2f', '%c0%ae%c0%ae', '%252e%252e', '\u2025'];
    for (const a of attempts) {
      for (const tail of ['', '/secret', '/../secret']) {
        const r = resolveAppPath(root, `app://minsheng/${a}${tail}`);
        if (r !== null) expect(path.relative(root, r).startsWith('..')).toBe(false);
      }
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts only our own app frames', () => {
    expect(isTrustedSender('app://minsheng/index.html')).toBe(true);
    expect(isTrustedSender('app://minsheng/index.html#/map')).toBe(true);
    expect(isTrustedSender('app://evil/index.html')).toBe(false);
    expect(isTrustedSender('https://example.com/')).toBe(false);
    expect(isTrustedSender('file:///srv/minsheng/renderer/dist/index.html')).toBe(false);
    expect(isTrustedSender('about:blank')).toBe(false);
    expect(isTrustedSender('')).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('shouldBlockRequest', () => {
  it.each([
    'app://minsheng/index.html', 'app://minsheng/assets/x.js', 'data:image/png;base64,AAAA', 'blob:app://minsheng/1234-5678',
    'devtools://devtools/bundled/inspector.html',
  ])('allows %s', (u) => expect(shouldBlockRequest(u, [])).toBe(false));
  it.each([
    'https://cdn.example.com/maplibre.js', 'http://example.com/', 'http://127.0.0.1:4321/api/call/app.ping', 'ws://127.0.0.1:4321/',
    'wss://example.com/socket', 'file:///etc/passwd', 'ftp://example.com/x', 'app://evil/x.js', 'chrome://settings',
    'javascript:alert(1)', 'mailto:a@example.com', 'not a url', '',
  ])('blocks %s', (u) => expect(shouldBlockRequest(u, [])).toBe(true));
  it('allows exactly the configured local origins', () => {
    const allowed = ['http://127.0.0.1:4321'];
    expect(shouldBlockRequest('http://127.0.0.1:4321/api/call/app.ping', allowed)).toBe(false);
    expect(shouldBlockRequest('ws://127.0.0.1:4321/api/events', allowed)).toBe(false);
    expect(shouldBlockRequest('http://127.0.0.1:4322/', allowed)).toBe(true);
    expect(shouldBlockRequest('http://localhost:4321/', allowed)).toBe(true);
    expect(shouldBlockRequest('http://user:pw@127.0.0.1:4321/', allowed)).toBe(true);
    expect(shouldBlockRequest('https://127.0.0.1:4321/', allowed)).toBe(true);
  });
});

describe('isPermissionAllowed', () => {
  it('grants only the small allowlist and only to our origin', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://minsheng/index.html')).toBe(true);
    expect(isPermissionAllowed('fullscreen', 'app://minsheng')).toBe(true);
    expect(isPermissionAllowed('fullscreen', 'https://evil.example/')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'serial', 'usb']) {
      expect(isPermissionAllowed(p, 'app://minsheng/index.html')).toBe(false);
    }
  });
});

describe('mimeTypeFor', () => {
  it('knows the renderer asset types', () => {
    expect(mimeTypeFor('index.html')).toMatch(/^text\/html/);
    expect(mimeTypeFor('/a/b/main.JS')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('x.mjs')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('x.css')).toMatch(/^text\/css/);
    expect(mimeTypeFor('x.json')).toMatch(/^application\/json/);
    expect(mimeTypeFor('x.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('x.png')).toBe('image/png');
    expect(mimeTypeFor('x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('x.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('tiles/1/2/3.pbf')).toBe('application/x-protobuf');
    expect(mimeTypeFor('noext')).toBe('application/octet-stream');
    expect(mimeTypeFor('x.exe')).toBe('application/octet-stream');
  });
});

describe('preferUnpackedPath', () => {
  it('switches to app.asar.unpacked only when the unpacked file exists', () => {
    const packed = '/opt/Minsheng/resources/app.asar/dist/engine/main.cjs';
    const unpacked = '/opt/Minsheng/resources/app.asar.unpacked/dist/engine/main.cjs';
    expect(preferUnpackedPath(packed, (p) => p === unpacked, '/')).toBe(unpacked);
    expect(preferUnpackedPath(packed, () => false, '/')).toBe(packed);
    expect(preferUnpackedPath('/work/main/dist/engine/main.cjs', () => true, '/')).toBe('/work/main/dist/engine/main.cjs');
    expect(preferUnpackedPath('C:\\Minsheng\\resources\\app.asar\\dist\\engine\\main.cjs', () => true, '\\'))
      .toBe('C:\\Minsheng\\resources\\app.asar.unpacked\\dist\\engine\\main.cjs');
  });
});
