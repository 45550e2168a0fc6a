#!/usr/bin/env node
/**
 * Bundles the Electron side with esbuild:
 *   electron/main/main.ts        → dist/electron/main.cjs     (Electron main process)
 *   electron/preload/preload.ts  → dist/electron/preload.cjs  (sandboxed preload: only `electron` external)
 *   electron/engine/main.ts      → dist/engine/main.cjs       (engine, runs in utilityProcess or plain Node)
 *   electron/engine/jobs/worker.ts → dist/engine/worker.cjs   (job worker thread)
 * Missing entries are skipped with a warning. Flags: --watch, --minify, --no-sourcemap.
 */
import { build, context } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Electron 45 ships Node 22 and Chromium 140. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

/** ESM-isms (import.meta.url/dirname/filename) keep working inside the CommonJS bundles. */
const cjsShim = {
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl', 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
};

/**
 * Packages that stay `require()`d at run time instead of being inlined: native (N-API / node-gyp) modules
 * and packages that read files next to themselves. electron-builder.yml must ship each of them with its
 * runtime dependencies (and asar-unpack native ones); scripts/check-package.mjs verifies that it does.
 * Everything else (exceljs, shapefile, fast-xml-parser, flatbush, proj4, stream-json…) is bundled.
 */
export const EXTERNAL_PACKAGES = ['better-sqlite3', '@node-rs/jieba', '@node-rs/jieba/*', '@node-rs/jieba-*'];
/**
 * Required at run time but not shipped: playwright-core drives the system Chromium to print reports in browser
 * mode and the CLI; the packaged app prints with Electron's printToPDF (services/report/printer.ts).
 */
export const HOST_ONLY_PACKAGES = ['playwright-core'];
const NODE_EXTERNALS = ['electron', ...EXTERNAL_PACKAGES, ...HOST_ONLY_PACKAGES];

export const ENTRIES = [
  { name: 'main', entry: 'electron/main/main.ts', outfile: 'dist/electron/main.cjs', platform: 'node', target: NODE_TARGET, external: NODE_EXTERNALS, shim: true },
  { name: 'preload', entry: 'electron/preload/preload.ts', outfile: 'dist/electron/preload.cjs', platform: 'node', target: CHROME_TARGET, external: ['electron'], shim: false },
  { name: 'engine', entry: 'electron/engine/main.ts', outfile: 'dist/engine/main.cjs', platform: 'node', target: NODE_TARGET, external: NODE_EXTERNALS, shim: true },
  { name: 'worker', entry: 'electron/engine/jobs/worker.ts', outfile: 'dist/engine/worker.cjs', platform: 'node', target: NODE_TARGET, external: NODE_EXTERNALS, shim: true },
];

function optionsFor(e, { minify, sourcemap }) {
  return {
    absWorkingDir: ROOT,
    entryPoints: [e.entry],
    outfile: e.outfile,
    bundle: true,
    platform: e.platform,
    format: 'cjs',
    target: e.target,
    external: e.external,
    sourcemap,
    minify,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    mainFields: ['module', 'main'],
    ...(e.shim ? cjsShim : {}),
    ...(e.name === 'preload' ? { define: { 'process.env.NODE_ENV': '"production"' } } : {}),
  };
}

/** Builds every existing entry. Returns the built entry names. */
export async function buildElectron({ watch = false, minify = false, sourcemap = true } = {}) {
  const present = [];
  for (const e of ENTRIES) {
    if (existsSync(path.join(ROOT, e.entry))) present.push(e);
    else console.warn(`[build-electron] WARNING: ${e.entry} does not exist yet; skipping ${e.outfile}`);
  }
  const started = Date.now();
  if (watch) {
    for (const e of present) {
      const ctx = await context(optionsFor(e, { minify, sourcemap }));
      await ctx.watch();
    }
    console.log(`[build-electron] watching ${present.map((e) => e.entry).join(', ')}`);
    return present.map((e) => e.name);
  }
  const results = await Promise.allSettled(present.map((e) => build(optionsFor(e, { minify, sourcemap }))));
  const failed = [];
  present.forEach((e, i) => {
    const r = results[i];
    if (r.status === 'rejected') {
      failed.push(e.entry);
      return;
    }
    const out = r.value.metafile.outputs[e.outfile];
    console.log(`[build-electron] ${e.outfile}  ${out ? (out.bytes / 1024).toFixed(0) + ' KiB' : ''}`);
  });
  if (failed.length) throw new Error(`[build-electron] failed: ${failed.join(', ')} (errors above)`);
  console.log(`[build-electron] done in ${Date.now() - started} ms`);
  return present.map((e) => e.name);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = new Set(process.argv.slice(2));
  buildElectron({ watch: args.has('--watch'), minify: args.has('--minify'), sourcemap: !args.has('--no-sourcemap') }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
