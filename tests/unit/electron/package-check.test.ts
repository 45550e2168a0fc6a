import { describe, expect, it } from 'vitest';
import { checkConfig, scanCode, scanResourcePaths, scanSiblingBundles, traceRuntime, unusedPackages, type Tree } from '../../../scripts/package-check-lib.mjs';

/** A packed app: path → [content, unpacked]. */
function tree(files: Record<string, [string, boolean?]>): Tree {
  return {
    files: new Map(Object.entries(files).map(([p, [, unpacked]]) => [p, { unpacked: unpacked === true }])),
    read: (p) => files[p][0],
  };
}

const ENGINE = `var a = require("node:fs");\nvar db = require("better-sqlite3");\nvar req = (0, import_node_module.createRequire)(__importMetaUrl);\nreq("@node-rs/jieba"); req("@node-rs/jieba/dict.js");\n/** @type {import('./core').X} */\n// require("not-real")\nnew Worker(path.join(__dirname, "worker.cjs"));\nresourcePath("text/hotline-lexicon.txt"); const mime = "text/html; charset=utf-8";`;

const JIEBA_PKG = JSON.stringify({ name: '@node-rs/jieba', main: 'index.js', optionalDependencies: { '@node-rs/jieba-linux-x64-gnu': '2.0.3', '@node-rs/jieba-win32-x64-msvc': '2.0.3' } });
function good(): Record<string, [string, boolean?]> {
  return {
    'dist/engine/main.cjs': [ENGINE, true],
    'dist/engine/worker.cjs': ['', true],
    'node_modules/better-sqlite3/package.json': [JSON.stringify({ main: 'lib/index.js', dependencies: { bindings: '1' } }), true],
    'node_modules/better-sqlite3/lib/index.js': ['module.exports = require("./database");', true],
    'node_modules/better-sqlite3/lib/database.js': ['const b = require("bindings")("better_sqlite3.node");', true],
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node': ['', true],
    'node_modules/bindings/package.json': [JSON.stringify({ main: 'bindings.js', dependencies: { 'file-uri-to-path': '1' } }), true],
    'node_modules/bindings/bindings.js': ['require("fs"); require("file-uri-to-path");', true],
    'node_modules/file-uri-to-path/package.json': ['{}', true],
    'node_modules/file-uri-to-path/index.js': ['', true],
    'node_modules/@node-rs/jieba/package.json': [JIEBA_PKG, true],
    'node_modules/@node-rs/jieba/index.js': ['try { require("./jieba.linux-x64-gnu.node") } catch { require("@node-rs/jieba-linux-x64-gnu") } require("@node-rs/jieba-win32-x64-msvc")', true],
    'node_modules/@node-rs/jieba/dict.js': ['fs.readFileSync(join(__dirname, "dict.txt"))', true],
    'node_modules/@node-rs/jieba/dict.txt': ['', true],
    'node_modules/@node-rs/jieba-linux-x64-gnu/package.json': ['{}', true],
    'node_modules/@node-rs/jieba-linux-x64-gnu/jieba.linux-x64-gnu.node': ['', true],
  };
}
const linux = { platform: 'linux', arch: 'x64' };

describe('scanning bundles', () => {
  it('finds require(), createRequire() calls, sibling bundles and resource paths, not comments or MIME types', () => {
    expect(scanCode(ENGINE).specs.sort()).toEqual(['@node-rs/jieba', '@node-rs/jieba/dict.js', 'better-sqlite3', 'node:fs']);
    expect(scanSiblingBundles(ENGINE)).toEqual(['worker.cjs']);
    expect(scanResourcePaths(ENGINE, ['text', 'basemap'])).toEqual(['text/hotline-lexicon.txt']);
    expect(scanResourcePaths('join(root, "resources", "basemap", "a.pmtiles"); x("resources/fonts/x.ttf")')).toEqual(['fonts/x.ttf', 'basemap/a.pmtiles']);
  });
});

describe('tracing what the packed app loads', () => {
  it('passes a complete package and names what it reached', () => {
    const r = traceRuntime(tree(good()), ['dist/engine/main.cjs'], linux);
    expect(r.problems).toEqual([]);
    expect(r.packages).toEqual(['@node-rs/jieba', '@node-rs/jieba-linux-x64-gnu', 'better-sqlite3', 'bindings', 'file-uri-to-path']);
  });

  it('fails when a dependency of a native module is left out', () => {
    const files = good();
    delete files['node_modules/bindings/package.json'];
    delete files['node_modules/bindings/bindings.js'];
    expect(traceRuntime(tree(files), ['dist/engine/main.cjs'], linux).problems).toEqual([
      'package "bindings" (required by node_modules/better-sqlite3/lib/database.js) is not in the package',
    ]);
  });

  it('fails when the target platform binary of an N-API package is missing, but not for other platforms', () => {
    const files = good();
    delete files['node_modules/@node-rs/jieba-linux-x64-gnu/package.json'];
    delete files['node_modules/@node-rs/jieba-linux-x64-gnu/jieba.linux-x64-gnu.node'];
    expect(traceRuntime(tree(files), ['dist/engine/main.cjs'], linux).problems).toEqual([
      '"@node-rs/jieba" needs its linux-x64 binary package @node-rs/jieba-linux-x64-gnu, which is not in the package',
    ]);
    expect(traceRuntime(tree(good()), ['dist/engine/main.cjs'], { platform: 'win32', arch: 'x64' }).problems[0]).toContain('@node-rs/jieba-win32-x64-msvc');
  });

  it('fails when a native binary is packed inside app.asar or a data file beside a module is missing', () => {
    const files = good();
    files['node_modules/better-sqlite3/build/Release/better_sqlite3.node'] = ['', false];
    delete files['node_modules/@node-rs/jieba/dict.txt'];
    const problems = traceRuntime(tree(files), ['dist/engine/main.cjs'], linux).problems;
    expect(problems).toContain('native module node_modules/better-sqlite3/build/Release/better_sqlite3.node is inside app.asar; add it to asarUnpack');
    expect(problems).toContain('node_modules/@node-rs/jieba/dict.txt (read by node_modules/@node-rs/jieba/dict.js) is not in the package');
  });

  it('skips development-only requires when told why, and reports packages nothing reaches', () => {
    const files = good();
    files['dist/engine/main.cjs'] = [`${ENGINE}\nrequire("esbuild");`, true];
    expect(traceRuntime(tree(files), ['dist/engine/main.cjs'], linux).problems).toEqual(['package "esbuild" (required by dist/engine/main.cjs) is not in the package']);
    expect(traceRuntime(tree(files), ['dist/engine/main.cjs'], { ...linux, devOnly: { esbuild: 'dev' } }).problems).toEqual([]);
    files['node_modules/left-pad/package.json'] = ['{}', false];
    expect(unusedPackages(tree(files), ['better-sqlite3', 'bindings', 'file-uri-to-path', '@node-rs/jieba', '@node-rs/jieba-linux-x64-gnu'])).toEqual(['left-pad']);
  });
});

describe('electron-builder configuration', () => {
  const config = () => ({
    asar: true, npmRebuild: true, publish: null, asarUnpack: ['dist/engine/**/*'],
    beforePack: './scripts/before-pack.mjs', afterAllArtifactBuild: './scripts/after-all-artifacts.mjs',
    fileAssociations: [{ ext: 'minsheng', icon: 'resources/icons/file' }],
    win: { icon: 'i.ico', target: [{ target: 'nsis', arch: ['x64'] }, { target: 'portable', arch: ['x64'] }] },
    nsis: { oneClick: false, perMachine: false },
    linux: { icon: 'png', target: [{ target: 'AppImage', arch: ['x64', 'arm64'] }, { target: 'deb', arch: ['x64', 'arm64'] }] },
    mac: { icon: 'i.icns', target: [{ target: 'dmg', arch: ['x64', 'arm64'] }] },
  });
  const all = { fileExists: () => true };

  it('accepts the shape the issue asks for', () => {
    expect(checkConfig(config(), all)).toEqual([]);
  });

  it('names each gap', () => {
    const c: Record<string, unknown> & ReturnType<typeof config> = config();
    c.linux.target[1].arch = ['x64'];
    c.nsis.perMachine = true;
    (c as Record<string, unknown>).publish = { provider: 'github' };
    delete (c as Record<string, unknown>).fileAssociations;
    const problems = checkConfig(c, { fileExists: (p) => !p.endsWith('.icns') });
    expect(problems).toEqual(expect.arrayContaining([
      'linux: deb lacks arch arm64',
      'nsis: must be an assisted per-user installer (oneClick: false, perMachine: false)',
      'publish must be null (no auto-update: the app is offline)',
      'fileAssociations: no entry for .minsheng',
      'mac.icon i.icns is missing',
    ]));
    expect(problems).toHaveLength(5);
  });
});
