/**
 * Which files the app is asked to open, from a command line (first start, a second instance, the
 * `.minsheng` file association, Linux desktop `%U` URLs) — PURE, unit-tested.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenRequest } from '../../shared/api/bridge';
import { classifyFileName } from '../../shared/api/bridge';

const MAX_REQUESTS = 10;

export function classifyPath(p: string): OpenRequest['kind'] | null {
  return classifyFileName(path.basename(p));
}

/** `file:///…` → a path; anything else untouched; null for other URLs. */
function toPath(arg: string, cwd: string, pathApi: typeof path): string | null {
  if (/^file:\/\//i.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return null; // http:, minsheng:, …: never opened
  return pathApi.resolve(cwd, arg);
}

/**
 * The open requests in `argv`. `skip` is how many leading entries are the executable (1 when packaged;
 * 2 in development, where argv[1] is the app folder). Switches (`--x`, `-x`) and unknown file types are
 * ignored; duplicates keep their first place; at most ten.
 */
export function openRequestsFromArgv(
  argv: readonly string[],
  opts: { cwd: string; skip: number; platform?: NodeJS.Platform },
): OpenRequest[] {
  const pathApi = opts.platform === 'win32' ? path.win32 : opts.platform ? path.posix : path;
  const out: OpenRequest[] = [];
  const seen = new Set<string>();
  for (const raw of argv.slice(opts.skip)) {
    if (typeof raw !== 'string' || raw === '' || raw.startsWith('-') || raw.includes('\0') || raw.length > 4096) continue;
    const p = toPath(raw.replace(/^"(.*)"$/, '$1'), opts.cwd, pathApi);
    if (!p) continue;
    const kind = classifyPath(p);
    const key = opts.platform === 'win32' ? p.toLowerCase() : p;
    if (!kind || seen.has(key)) continue;
    seen.add(key);
    out.push({ kind, path: p });
    if (out.length >= MAX_REQUESTS) break;
  }
  return out;
}

/**
 * Requests wait here until the renderer asks for them (it may still be loading when the OS hands us a
 * file); once it has asked, new ones are delivered at once.
 */
export class OpenQueue {
  private pending: OpenRequest[] = [];
  private listening = false;
  constructor(private readonly deliver: (r: OpenRequest) => void) {}

  push(requests: readonly OpenRequest[]): void {
    for (const r of requests) {
      if (this.listening) this.deliver(r);
      else if (!this.pending.some((p) => p.path === r.path)) this.pending.push(r);
    }
  }

  /** The renderer is ready: hands over what waited and delivers the rest directly. */
  take(): OpenRequest[] {
    this.listening = true;
    return this.pending.splice(0);
  }

  /** The renderer went away (reload, crash): queue again until it asks. */
  pause(): void { this.listening = false; }
}
