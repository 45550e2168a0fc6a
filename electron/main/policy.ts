/**
 * Security policy of the Electron shell, as pure functions (no `electron` import) so it can be unit-tested.
 * Everything the main process decides about URLs, paths, senders and permissions lives here.
 */
import path from 'node:path';
import { buildCsp } from '../../shared/api/csp';

/** The custom scheme and host the renderer is served from: `app://minsheng/index.html`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'minsheng';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The subset of Electron's WebPreferences we set; structurally assignable to `Electron.WebPreferences`. */
export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  webviewTag: false;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
  devTools: boolean;
}

export function webPreferencesFor(preloadPath: string, opts: { devTools?: boolean } = {}): SecureWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: opts.devTools ?? false,
  };
}

/**
 * Content-Security-Policy for the renderer. MapLibre needs blob: workers and blob:/data: images;
 * antd (CSS-in-JS) injects <style> elements, hence 'unsafe-inline' for styles only. No remote origins.
 * `connectOrigins` adds origins to connect-src (browser mode: the engine's http://127.0.0.1:<port>).
 */
export function buildContentSecurityPolicy(opts: { connectOrigins?: readonly string[] } = {}): string {
  // one policy for both hosts: the directives live in shared/api/csp.ts (browser mode sends the same)
  return buildCsp({ 'connect-src': ["'self'", ...(opts.connectOrigins ?? [])].join(' ') });
}

export const CONTENT_SECURITY_POLICY = buildContentSecurityPolicy();

function parseUrl(url: string): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for `app://minsheng/...` (no credentials, no port). */
export function isAllowedAppUrl(url: string): boolean {
  const u = parseUrl(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST
    && u.port === '' && u.username === '' && u.password === '';
}

/**
 * Maps an `app://minsheng/<path>` URL to a file under `rootDir`, or null when the URL is foreign
 * or tries to escape the root (encoded dot segments, encoded slashes, backslashes, NUL, drive letters, absolute paths).
 * A path ending in `/` maps to its `index.html`.
 */
const DOT_SEGMENT = /[/\\](?:\.|%2e){1,2}(?=[/\\]|$)/i;

export function resolveAppPath(rootDir: string, url: string): string | null {
  if (!isAllowedAppUrl(url)) return null;
  // Refuse any dot segment as written, before the URL parser silently collapses `..`, `%2e%2e`, `.%2e`.
  if (DOT_SEGMENT.test(url.replace(/[?#].*$/s, ''))) return null;
  const rawPath = new URL(url).pathname || '/';
  if (/%(?:00|2f|5c)/i.test(rawPath)) return null; // encoded NUL, '/', '\'
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (!decoded.startsWith('/')) return null;
  let rel = decoded.slice(1);
  if (rel.startsWith('/')) return null; // `//etc/passwd`: absolute after the host
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const segments = rel.split('/');
  for (const seg of segments) {
    if (seg === '' || seg === '.' || seg === '..') return null;
    if (seg.includes(':')) return null; // drive letters (C:), NTFS streams (file:stream)
  }
  if (path.isAbsolute(rel) || path.win32.isAbsolute(rel)) return null;
  const root = path.resolve(rootDir);
  const full = path.resolve(root, ...segments);
  const relative = path.relative(root, full);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return full;
}

/** IPC from a frame is trusted only when the frame shows our own app URL. */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return typeof frameUrl === 'string' && isAllowedAppUrl(frameUrl);
}

/** Schemes Chromium may load without ever touching a network or the file system. */
const ALWAYS_ALLOWED_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);

/**
 * The session.webRequest filter: true means cancel. Allows our app origin, data:, blob:, devtools:,
 * plus exact origins in `allowedOrigins` (e.g. `http://127.0.0.1:4321`). Everything else — http(s), ws(s),
 * file:, ftp:, other app hosts, malformed URLs — is blocked.
 */
export function shouldBlockRequest(url: string, allowedOrigins: readonly string[] = []): boolean {
  const u = parseUrl(url);
  if (!u) return true;
  if (ALWAYS_ALLOWED_SCHEMES.has(u.protocol)) return false;
  if (u.protocol === `${APP_SCHEME}:`) return !isAllowedAppUrl(url);
  if (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') {
    if (u.username !== '' || u.password !== '') return true;
    const origin = `${u.protocol}//${u.host}`;
    const wsAsHttp = origin.replace(/^ws(s?):/, 'http$1:');
    return !allowedOrigins.some((o) => o === origin || o === wsAsHttp);
  }
  return true;
}

/**
 * Permissions the renderer may use, only when requested by our app origin.
 * Clipboard writes (copy buttons) and fullscreen (map/chart fullscreen controls); everything else is denied.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write', 'fullscreen'];

export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isTrustedSender(requestingUrl);
}

/**
 * In a packaged app files listed in `asarUnpack` live in `app.asar.unpacked/`. Returns that real path when
 * `p` points inside `app.asar` and the unpacked file exists, else `p` unchanged.
 */
export function preferUnpackedPath(p: string, exists: (candidate: string) => boolean, sep: string = path.sep): string {
  const marker = `${sep}app.asar${sep}`;
  const i = p.indexOf(marker);
  if (i < 0) return p;
  const unpacked = `${p.slice(0, i)}${sep}app.asar.unpacked${sep}${p.slice(i + marker.length)}`;
  return exists(unpacked) ? unpacked : p;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
  '.mvt': 'application/vnd.mapbox-vector-tile',
  '.pmtiles': 'application/octet-stream',
  '.arrow': 'application/vnd.apache.arrow.stream',
};

export function mimeTypeFor(filePath: string): string {
  const ext = path.extname(filePath).toLowerCase();
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}
