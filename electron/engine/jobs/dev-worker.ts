import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

let built: string | null | undefined;

const alive = (pid: number): boolean => {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
};

/** Removes the bundles of processes that ended without their exit hook (killed dev servers, crashed tests). */
export function sweepStaleBundles(dir: string, isAlive: (pid: number) => boolean = alive): number {
  let removed = 0;
  let names: string[];
  try { names = fs.readdirSync(dir); } catch { return 0; }
  for (const name of names) {
    const m = /^worker-(\d+)\.cjs$/.exec(name);
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    try { fs.unlinkSync(path.join(dir, name)); removed++; } catch { /* raced with another sweeper */ }
  }
  return removed;
}

/**
 * Development only (running from TypeScript sources): bundles the worker entry once per process with
 * esbuild (a dev dependency), so each job's thread starts in milliseconds instead of transpiling its
 * whole import graph through tsx. Packages stay external and resolve from the project's node_modules.
 * Returns null when esbuild is unavailable; the caller then falls back to the tsx bootstrap.
 */
export function devWorkerBundle(workerTs: string, projectRoot: string): string | null {
  if (built !== undefined) return built;
  try {
    const esbuild = createRequire(path.join(projectRoot, 'package.json'))('esbuild') as typeof import('esbuild');
    const dir = path.join(projectRoot, 'node_modules', '.cache', 'minsheng');
    fs.mkdirSync(dir, { recursive: true });
    sweepStaleBundles(dir);
    const out = path.join(dir, `worker-${process.pid}.cjs`);
    esbuild.buildSync({
      entryPoints: [workerTs], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
      packages: 'external', outfile: out, logLevel: 'silent', sourcemap: 'inline',
      // ESM sources may use import.meta.url (resource lookups, createRequire); give the CJS bundle one.
      banner: { js: "const __minsheng_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__minsheng_import_meta_url' },
    });
    process.once('exit', () => { try { fs.unlinkSync(out); } catch { /* gone */ } });
    built = out;
  } catch {
    built = null;
  }
  return built;
}
