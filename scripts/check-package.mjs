#!/usr/bin/env node
/**
 * `npm run check:package` — fails when the installers would miss something the app loads at run time.
 * Runs offline, without the Electron binary:
 *  1. builds the bundles (esbuild) and checks electron-builder.yml (targets, per-user NSIS, file association,
 *     icons, hooks, asar/unpack, no publishing);
 *  2. packs the app for real with electron-builder --dir, using a stand-in Electron distribution (an empty
 *     folder: electron-builder only copies it) and skipping the native rebuild and fuses that need the real
 *     binary — the file list, app.asar and app.asar.unpacked are exactly those of `npm run dist -- --dir`;
 *  3. follows every require() of dist/electron and dist/engine through the packed tree as Node would on this
 *     platform (packages, their dependencies, N-API platform packages, data files next to them, native .node
 *     files that must be unpacked), checks the sibling bundles (worker.cjs, preload.cjs) and every path under
 *     resources/ the bundles name.
 * Flags: --no-build (use the existing dist/), --static (skip steps 2-3), --keep (keep the packed tree),
 *        --config FILE (another electron-builder configuration, e.g. to see a broken one fail).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { checkConfig, scanCode, scanResourcePaths, scanSiblingBundles, traceRuntime, unusedPackages } from './package-check-lib.mjs';
import { nativeBinaryPackages } from './release-files.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = new Set(process.argv.slice(2));
/** Packages the bundles name on development-only code paths (never reached in a packaged app), with the reason. */
export const DEV_ONLY = {
  esbuild: 'electron/engine/jobs/dev-worker.ts bundles the job worker when running from TypeScript sources only',
  'playwright-core': 'prints reports with the system Chromium in browser mode and the CLI; the packaged app prints with printToPDF',
};
/** Development files under resources/ that electron-builder.yml leaves out on purpose. */
const DEV_RESOURCES = new Set(['basemap/build-basemap.mjs']);
const BUNDLES = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/engine/main.cjs', 'dist/engine/worker.cjs'];
const problems = [];
const notes = [];
const ok = (m) => console.log(`  ok    ${m}`);
const fail = (m) => { problems.push(m); console.log(`  FAIL  ${m}`); };
const rel = (p) => path.relative(ROOT, p).split(path.sep).join('/');

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status})`);
}

function loadConfig() {
  const yaml = require('js-yaml');
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--config');
  const file = i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]) : path.join(ROOT, 'electron-builder.yml');
  return yaml.load(fs.readFileSync(file, 'utf8'));
}

/** Step 1: the configuration itself. */
async function checkConfigStep(config) {
  console.log('\n== electron-builder.yml');
  const found = checkConfig(config, { fileExists: (p) => fs.existsSync(path.join(ROOT, p)) });
  found.forEach(fail);
  if (!found.length) ok('targets (NSIS per-user + portable, AppImage/deb x64+arm64, dmg), .minsheng association, icons, hooks, no publishing');
  for (const hook of ['beforePack', 'afterAllArtifactBuild']) {
    const mod = await import(path.join(ROOT, config[hook]));
    if (typeof (mod[hook] ?? mod.default) !== 'function') fail(`${config[hook]} exports no ${hook} function`);
  }
  // The N-API binary each target needs: present here, or fetched by before-pack.mjs on the build machine.
  const { EXTERNAL_PACKAGES } = await import('./build-electron.mjs');
  for (const ext of EXTERNAL_PACKAGES.filter((e) => !e.includes('*'))) {
    const pj = path.join(ROOT, 'node_modules', ext, 'package.json');
    if (!fs.existsSync(pj)) { fail(`external package ${ext} is not installed`); continue; }
    const json = JSON.parse(fs.readFileSync(pj, 'utf8'));
    for (const [section, platform] of [['win', 'win32'], ['linux', 'linux'], ['mac', 'darwin']]) {
      for (const t of config[section]?.target ?? []) {
        for (const arch of t.arch ?? []) {
          for (const bin of nativeBinaryPackages(json, platform, arch)) {
            const here = fs.existsSync(path.join(ROOT, 'node_modules', bin.name, 'package.json'));
            notes.push(`${t.target} ${arch}: ${bin.name} ${here ? 'installed' : 'fetched by before-pack at `npm run dist`'}`);
          }
        }
      }
    }
  }
}

/** Step 2: pack with a stand-in Electron distribution. */
function pack(config, work) {
  console.log('\n== packing with electron-builder --dir (stand-in Electron, no native rebuild)');
  const fake = path.join(work, 'electron-dist');
  fs.mkdirSync(path.join(fake, 'locales'), { recursive: true });
  const exe = process.platform === 'win32' ? 'electron.exe' : 'electron';
  fs.writeFileSync(path.join(fake, exe), '#!/bin/sh\necho "stand-in for the Electron binary (check:package)"\n', { mode: 0o755 });
  for (const f of ['LICENSE', 'LICENSES.chromium.html', 'resources.pak', 'icudtl.dat', 'v8_context_snapshot.bin']) fs.writeFileSync(path.join(fake, f), '');
  for (const l of ['en-US', 'zh-CN', 'fr']) fs.writeFileSync(path.join(fake, 'locales', `${l}.pak`), ''); // electronLanguages prunes these
  const derived = { ...config, electronDist: fake, npmRebuild: false, directories: { ...config.directories, output: path.join(work, 'out') } };
  delete derived.electronFuses; // flipping fuses needs the real binary
  const cfgFile = path.join(work, 'electron-builder.json');
  fs.writeFileSync(cfgFile, JSON.stringify(derived, null, 2));
  const platformFlag = process.platform === 'win32' ? '--win' : '--linux';
  const cli = path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
  const r = spawnSync(process.execPath, [cli, '--dir', platformFlag, `--${process.arch}`, '--config', cfgFile], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ELECTRON_BUILDER_OFFLINE: '1' } });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').filter((l) => !l.includes('duplicate dependency')).slice(-25).join('\n');
    throw new Error(`electron-builder --dir failed (exit ${r.status}):\n${out}`);
  }
  const resources = findResourcesDir(path.join(work, 'out'));
  if (!resources) throw new Error('electron-builder produced no app.asar');
  return resources;
}

function findResourcesDir(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (!e.isDirectory()) continue;
    if (fs.existsSync(path.join(p, 'app.asar'))) return p;
    const deeper = findResourcesDir(p);
    if (deeper) return deeper;
  }
  return null;
}

/** app.asar + app.asar.unpacked as one tree. */
function packedTree(resourcesDir) {
  const asar = require('@electron/asar');
  const archive = path.join(resourcesDir, 'app.asar');
  const unpackedDir = path.join(resourcesDir, 'app.asar.unpacked');
  const files = new Map();
  for (const f of asar.listPackage(archive, { isPack: false })) {
    const p = f.replace(/\\/g, '/').replace(/^\//, '');
    const stat = asar.statFile(archive, p, false);
    if (stat && 'size' in stat) files.set(p, { unpacked: stat.unpacked === true });
  }
  const read = (p) => {
    const info = files.get(p);
    if (info?.unpacked) return fs.readFileSync(path.join(unpackedDir, p), 'utf8');
    return asar.extractFile(archive, p).toString('utf8');
  };
  const asarBytes = fs.statSync(archive).size;
  return { files, read, asarBytes, unpackedDir };
}

function dirBytes(dir) {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? dirBytes(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size;
  return n;
}

/** Step 3: everything the bundles load is in the packed tree. */
function checkTree(tree) {
  console.log('\n== what the app loads at run time');
  for (const b of BUNDLES) if (!tree.files.has(b)) fail(`${b} is not in the package`);
  if (!tree.files.has('renderer/dist/index.html')) fail('renderer/dist/index.html is not in the package');
  for (const b of ['dist/engine/main.cjs', 'dist/engine/worker.cjs']) if (tree.files.get(b) && !tree.files.get(b).unpacked) fail(`${b} must be unpacked (utilityProcess/worker threads)`);
  const present = BUNDLES.filter((b) => tree.files.has(b));
  for (const b of present) {
    const code = tree.read(b);
    for (const sib of scanSiblingBundles(code)) {
      const p = path.posix.join(path.posix.dirname(b), sib);
      if (fs.existsSync(path.join(ROOT, p)) && !tree.files.has(p)) fail(`${b} loads ${sib}, which is not in the package`);
    }
    for (const r of scanResourcePaths(code, resourceDirs())) {
      const inRepo = fs.existsSync(path.join(ROOT, 'resources', r));
      const packed = tree.files.has(`resources/${r}`) || [...tree.files.keys()].some((f) => f.startsWith(`resources/${r}/`));
      if (!inRepo) fail(`${b} reads resources/${r}, which does not exist in the repository`);
      else if (!packed) fail(`${b} reads resources/${r}, which is not in the package`);
      else ok(`${b} → resources/${r}`);
    }
  }
  const traced = traceRuntime(tree, present.filter((b) => !b.endsWith('preload.cjs')), { platform: process.platform, arch: process.arch, devOnly: DEV_ONLY });
  for (const [name, why] of Object.entries(DEV_ONLY)) notes.push(`not packaged on purpose: ${name} (${why})`);
  traced.problems.forEach(fail);
  if (!traced.problems.length) ok(`every require() resolves in the package: ${traced.packages.join(', ') || '(no external packages)'}`);
  // resources/ ships whole and unpacked (the engine reads it from real files)
  const repoResources = listFiles(path.join(ROOT, 'resources')).filter((f) => !f.endsWith('.svg') && !DEV_RESOURCES.has(f));
  const missing = repoResources.filter((f) => !tree.files.has(`resources/${f}`));
  const packedInside = repoResources.filter((f) => tree.files.get(`resources/${f}`)?.unpacked === false);
  if (missing.length) fail(`resources not in the package: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''}`);
  if (packedInside.length) fail(`resources inside app.asar (must be unpacked): ${packedInside.slice(0, 10).join(', ')}`);
  if (!missing.length && !packedInside.length) ok(`resources/: ${repoResources.length} files, all unpacked`);
  const maps = [...tree.files.keys()].filter((f) => f.endsWith('.map'));
  if (maps.length) fail(`source maps in the package: ${maps.slice(0, 5).join(', ')}`);
  const extra = unusedPackages(tree, traced.packages);
  if (extra.length) notes.push(`packaged but never required: ${extra.join(', ')}`);
}

function resourceDirs() {
  const dir = path.join(ROOT, 'resources');
  return fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
}

function listFiles(dir, prefix = '') {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}

async function main() {
  const started = Date.now();
  if (!args.has('--no-build')) {
    run('npm', ['run', '-s', 'build:electron']);
    if (!fs.existsSync(path.join(ROOT, 'renderer/dist/index.html'))) run('npm', ['run', '-s', 'build:renderer']);
  }
  for (const b of [...BUNDLES, 'renderer/dist/index.html']) if (!fs.existsSync(path.join(ROOT, b))) fail(`${b} was not built`);
  for (const b of BUNDLES.filter((x) => fs.existsSync(path.join(ROOT, x)))) {
    const externals = scanCode(fs.readFileSync(path.join(ROOT, b), 'utf8')).specs.filter((s) => !/^(node:|electron$)/.test(s) && !s.startsWith('.'));
    notes.push(`${b} requires at run time: ${[...new Set(externals)].filter((s) => !require('node:module').builtinModules.includes(s)).join(', ') || 'only Node built-ins'}`);
  }
  const config = loadConfig();
  await checkConfigStep(config);
  if (!args.has('--static')) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-check-package-'));
    try {
      const resources = pack(config, work);
      const tree = packedTree(resources);
      console.log(`  packed: app.asar ${(tree.asarBytes / 1048576).toFixed(1)} MB, app.asar.unpacked ${(dirBytes(tree.unpackedDir) / 1048576).toFixed(1)} MB, ${tree.files.size} files (${rel(resources)})`);
      checkTree(tree);
    } finally {
      if (args.has('--keep')) console.log(`  kept ${work}`);
      else fs.rmSync(work, { recursive: true, force: true });
    }
  }
  console.log('\n== notes');
  for (const n of notes) console.log(`  ${n}`);
  console.log(`\ncheck:package ${problems.length ? `FAILED with ${problems.length} problem(s)` : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(problems.length ? 1 : 0);
}

main().catch((e) => {
  console.error(`check:package could not run: ${e instanceof Error ? e.message : e}`);
  process.exit(2);
});
