import fs from 'node:fs';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.otf': 'font/otf',
  '.pbf': 'application/x-protobuf', '.wasm': 'application/wasm', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

export function mimeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file strictly inside root, or null. Rejects traversal (also percent-encoded),
 * backslashes, NUL bytes and absolute paths.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try { decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]); } catch { return null; }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  if (path.isAbsolute(rel) || rel.split('/').some((seg) => seg === '..')) return null;
  const rootAbs = path.resolve(root);
  const full = path.resolve(rootAbs, rel);
  if (full !== rootAbs && !full.startsWith(rootAbs + path.sep)) return null;
  return full;
}

export function readStatic(root: string, urlPath: string): { body: Buffer; mime: string } | null {
  const file = resolveStaticPath(root, urlPath);
  if (!file) return null;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return null;
    return { body: fs.readFileSync(file), mime: mimeOf(file) };
  } catch {
    return null;
  }
}
