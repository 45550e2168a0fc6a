/**
 * The logic of scripts/check-package.mjs over an abstract file tree, so it is unit-tested with fakes.
 * A tree is `{ files: Map<relPath, { unpacked: boolean }>, read(relPath): string }`, paths with '/'
 * relative to the app root (what app.asar + app.asar.unpacked hold together).
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { nativeBinaryPackages } from './release-files.mjs';

const BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'electron']);
const JS_EXT = ['', '.js', '.cjs', '.mjs', '.json', '.node', '/index.js', '/index.cjs', '/index.json'];

export function isBuiltin(spec) {
  return BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]) || spec.startsWith('node:');
}

/** True when position `i` of `code` sits in a comment on its line (JSDoc `import('./x')` types, `// require('y')`). */
export function inComment(code, i) {
  const start = code.lastIndexOf('\n', i) + 1;
  const before = code.slice(start, i);
  const t = before.trimStart();
  if (t.startsWith('*') || t.startsWith('//')) return true;
  const open = before.lastIndexOf('/*');
  if (open >= 0 && before.indexOf('*/', open) < 0) return true;
  return /\/\/[^'"`]*$/.test(before) || /@\w+\s*\{[^}]*$/.test(before);
}

/** Static `require('x')` / `import('x')` specifiers and `join(__dirname, 'file')` data files in a JS text. */
export function scanCode(code) {
  const specs = new Set();
  for (const m of code.matchAll(/\b(?:require|import)\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g)) if (!inComment(code, m.index)) specs.add(m[2]);
  // require functions made with createRequire (how ESM sources load native modules): `req("@node-rs/jieba")`
  const made = new Set();
  for (const m of code.matchAll(/\b([\w$]+)\s*=\s*(?:\(0,\s*)?[\w$.]*createRequire\)?\s*\(/g)) if (!inComment(code, m.index)) made.add(m[1]);
  for (const name of made) {
    const re = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\(\\s*(['"\`])([^'"\`\\n]+)\\1\\s*\\)`, 'g');
    for (const m of code.matchAll(re)) if (!inComment(code, m.index)) specs.add(m[2]);
  }
  for (const m of code.matchAll(/createRequire\)?\([^()]*(?:\([^()]*\)[^()]*)*\)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g)) if (!inComment(code, m.index)) specs.add(m[2]);
  const dirnameFiles = new Set();
  for (const m of code.matchAll(/join\(\s*__dirname\s*,\s*(['"])([^'"\n]+)\1\s*\)/g)) dirnameFiles.add(m[2]);
  return { specs: [...specs], dirnameFiles: [...dirnameFiles] };
}

const DATA_FILE = /\.(txt|json|geojson|pmtiles|mbtiles|pbf|ttf|otf|woff2?|csv|dict|utf8|png|ico|icns|svg|bin|md|html)$/i;

/**
 * Paths under `resources/` a bundle names: 'resources/x/y' literals, join(…, 'resources', 'x', 'y') calls, and
 * data-file literals that start with one of resources/' own folders ('text/hotline-lexicon.txt' handed to a
 * resource-path helper).
 */
export function scanResourcePaths(code, resourceDirs = []) {
  const out = new Set();
  if (resourceDirs.length) {
    const dirs = resourceDirs.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const re = new RegExp(`(['"\`])((?:${dirs})/[^'"\`\\s$;]+)\\1`, 'g');
    for (const m of code.matchAll(re)) if (DATA_FILE.test(m[2]) && !inComment(code, m.index)) out.add(m[2]);
  }
  for (const m of code.matchAll(/(['"`])resources\/([^'"`\s$]+)\1/g)) out.add(m[2].replace(/\/+$/, ''));
  for (const m of code.matchAll(/(['"])resources\1((?:\s*,\s*(['"])[^'"\n]+\3)+)/g)) {
    const parts = [...m[2].matchAll(/(['"])([^'"\n]+)\1/g)].map((x) => x[2]);
    if (parts.length) out.add(parts.join('/'));
  }
  return [...out].filter((p) => p && !p.includes('..'));
}

/** Own build outputs a bundle loads by name next to itself (worker.cjs, preload.cjs). */
export function scanSiblingBundles(code) {
  return [...new Set([...code.matchAll(/(['"])([\w-]+\.cjs)\1/g)].map((m) => m[2]))];
}

export function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function exists(tree, p) {
  return tree.files.has(p);
}


/** Node's lookup: <dir>/node_modules/<pkg>, then each parent directory. */
export function findPackageDir(tree, fromDir, name) {
  let dir = fromDir;
  for (;;) {
    const cand = path.posix.join(dir, 'node_modules', name);
    if (exists(tree, `${cand}/package.json`)) return cand;
    if (dir === '' || dir === '.') return null;
    const up = path.posix.dirname(dir);
    dir = up === dir ? '' : up === '.' ? '' : up;
  }
}

function resolveFile(tree, base) {
  for (const ext of JS_EXT) if (exists(tree, base + ext)) return base + ext;
  return null;
}

function readJson(tree, p) {
  try {
    return JSON.parse(tree.read(p));
  } catch {
    return null;
  }
}

/** The file a package specifier loads (package.json main/exports['.'] or index.js, or a subpath). */
export function resolvePackageEntry(tree, pkgDir, spec) {
  const sub = spec.slice(packageName(spec).length);
  if (sub) return resolveFile(tree, pkgDir + sub);
  const pj = readJson(tree, `${pkgDir}/package.json`) ?? {};
  const exp = typeof pj.exports === 'string' ? pj.exports : pj.exports?.['.']?.require ?? pj.exports?.['.']?.default;
  const main = typeof exp === 'string' ? exp : pj.main ?? 'index.js';
  return resolveFile(tree, path.posix.join(pkgDir, main)) ?? resolveFile(tree, `${pkgDir}/index`);
}

/**
 * Follows every static require from the given entry files through the packaged tree, as Node would at run
 * time on `platform`/`arch`. Returns problems (missing packages, files, native binaries, or natives packed
 * inside the asar) and the packages reached.
 */
export function traceRuntime(tree, entries, { platform, arch, devOnly = {} }) {
  const problems = [];
  const reached = new Map(); // pkgDir → name
  const seenFiles = new Set();
  const queue = entries.map((file) => ({ file, from: 'entry' }));
  const problem = (msg) => { if (!problems.includes(msg)) problems.push(msg); };

  const pkgOf = (file) => {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
    return m ? m[1] : null;
  };

  while (queue.length) {
    const { file, from } = queue.shift();
    if (seenFiles.has(file)) continue;
    seenFiles.add(file);
    if (!exists(tree, file)) { problem(`${file} (required by ${from}) is not in the package`); continue; }
    if (file.endsWith('.node')) {
      if (!tree.files.get(file).unpacked) problem(`native module ${file} is inside app.asar; add it to asarUnpack`);
      continue;
    }
    if (!/\.(c?js|mjs)$/.test(file)) continue;
    const dir = path.posix.dirname(file);
    const ownPkg = pkgOf(file);
    const ownJson = ownPkg ? readJson(tree, `${ownPkg}/package.json`) ?? {} : {};
    const declared = new Set([...Object.keys(ownJson.dependencies ?? {}), ...Object.keys(ownJson.peerDependencies ?? {})]);
    const optional = new Set(Object.keys(ownJson.optionalDependencies ?? {}));
    const { specs, dirnameFiles } = scanCode(tree.read(file));
    for (const f of dirnameFiles) {
      const target = path.posix.join(dir, f);
      if (/\.(txt|json|dat|bin|dict|utf8|wasm)$/i.test(f) && !exists(tree, target)) problem(`${target} (read by ${file}) is not in the package`);
    }
    for (const spec of specs) {
      if (isBuiltin(spec)) continue;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = resolveFile(tree, path.posix.join(dir, spec));
        if (target) queue.push({ file: target, from: file });
        else if (!spec.endsWith('.node') && ownPkg === null) problem(`${spec} (required by ${file}) is not in the package`);
        continue; // inside packages, missing relative files are platform variants tried in turn (napi-rs)
      }
      const name = packageName(spec);
      if (optional.has(name)) continue; // platform binaries: checked below for the target only
      if (ownPkg === null && devOnly[name]) continue; // required only on a development code path
      const pkgDir = findPackageDir(tree, dir, name);
      if (!pkgDir) {
        if (ownPkg === null || declared.has(name)) problem(`package "${name}" (required by ${file}) is not in the package`);
        continue;
      }
      reached.set(pkgDir, name);
      const entry = resolvePackageEntry(tree, pkgDir, spec);
      if (entry) queue.push({ file: entry, from: file });
      else problem(`"${spec}" (required by ${file}) has no entry file in ${pkgDir}`);
    }
  }

  for (const [pkgDir, name] of [...reached]) {
    const pj = readJson(tree, `${pkgDir}/package.json`) ?? {};
    for (const bin of nativeBinaryPackages(pj, platform, arch)) {
      const binDir = findPackageDir(tree, pkgDir, bin.name);
      if (!binDir) { problem(`"${name}" needs its ${platform}-${arch} binary package ${bin.name}, which is not in the package`); continue; }
      reached.set(binDir, bin.name);
      const natives = [...tree.files.keys()].filter((f) => f.startsWith(`${binDir}/`) && f.endsWith('.node'));
      if (natives.length === 0) problem(`${bin.name} holds no .node binary`);
      for (const f of natives) if (!tree.files.get(f).unpacked) problem(`native module ${f} is inside app.asar; add it to asarUnpack`);
    }
    if (pj.dependencies?.bindings) {
      const natives = [...tree.files.keys()].filter((f) => f.startsWith(`${pkgDir}/build/`) && f.endsWith('.node'));
      if (natives.length === 0) problem(`"${name}" loads a native addon through "bindings" but ${pkgDir}/build holds no .node file`);
      for (const f of natives) if (!tree.files.get(f).unpacked) problem(`native module ${f} is inside app.asar; add it to asarUnpack`);
    }
  }
  return { problems, packages: [...new Set(reached.values())].sort() };
}

/** Packaged node_modules packages nothing reaches (bloat, not an error). */
export function unusedPackages(tree, reached) {
  const all = new Set();
  for (const f of tree.files.keys()) {
    const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(f);
    if (m) all.add(m[1]);
  }
  return [...all].filter((p) => !reached.includes(p)).sort();
}

/** Checks the electron-builder configuration object against what the issue asks of the installers. */
export function checkConfig(config, { fileExists }) {
  const problems = [];
  const targets = (section) => (config[section]?.target ?? []).map((t) => (typeof t === 'string' ? { target: t, arch: [] } : t));
  const want = [['win', 'nsis', ['x64']], ['win', 'portable', ['x64']], ['linux', 'AppImage', ['x64', 'arm64']],
    ['linux', 'deb', ['x64', 'arm64']], ['mac', 'dmg', ['x64', 'arm64']]];
  for (const [section, target, arches] of want) {
    const t = targets(section).find((x) => x.target === target);
    if (!t) problems.push(`${section}: target ${target} is missing`);
    else for (const a of arches) if (!(t.arch ?? []).includes(a)) problems.push(`${section}: ${target} lacks arch ${a}`);
  }
  if (config.nsis?.oneClick !== false || config.nsis?.perMachine !== false) problems.push('nsis: must be an assisted per-user installer (oneClick: false, perMachine: false)');
  if (config.publish !== null) problems.push('publish must be null (no auto-update: the app is offline)');
  if (config.asar !== true) problems.push('asar must be true');
  if (config.npmRebuild !== true) problems.push('npmRebuild must be true (better-sqlite3 for Electron\'s ABI)');
  if (!(config.asarUnpack ?? []).some((p) => p.startsWith('dist/engine'))) problems.push('asarUnpack must hold dist/engine (the engine runs from real files)');
  const assoc = (config.fileAssociations ?? []).find((a) => a.ext === 'minsheng' || (Array.isArray(a.ext) && a.ext.includes('minsheng')));
  if (!assoc) problems.push('fileAssociations: no entry for .minsheng');
  else for (const ext of ['ico', 'icns', 'png']) if (!fileExists(`${assoc.icon}.${ext}`)) problems.push(`file-association icon ${assoc.icon}.${ext} is missing`);
  for (const [section, icon] of [['win', config.win?.icon], ['mac', config.mac?.icon], ['linux', config.linux?.icon]]) {
    if (!icon || !fileExists(icon)) problems.push(`${section}.icon ${icon ?? '(unset)'} is missing`);
  }
  for (const hook of ['beforePack', 'afterAllArtifactBuild']) {
    if (typeof config[hook] !== 'string' || !fileExists(config[hook])) problems.push(`${hook} hook ${config[hook] ?? '(unset)'} is missing`);
  }
  return problems;
}
