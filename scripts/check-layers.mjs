#!/usr/bin/env node
// Import-direction check: shared ← engine, shared ← renderer; nothing else crosses.
// Reads every import specifier of every source file and resolves relative ones to a layer.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const LAYERS = [
  ['shared', 'shared/'],
  ['engine', 'electron/engine/'],
  ['main', 'electron/main/'],
  ['preload', 'electron/preload/'],
  ['renderer', 'renderer/'],
];
const ALLOWED = {
  shared: ['shared'],
  engine: ['shared', 'engine'],
  main: ['shared', 'main'],
  preload: ['shared', 'preload'],
  renderer: ['shared', 'renderer'],
};
const NODE_BUILTIN = /^(node:|fs$|path$|os$|child_process$|worker_threads$|crypto$|http$|net$|url$)/;
const FORBIDDEN_PACKAGES = {
  shared: [NODE_BUILTIN, /^better-sqlite3$/, /^electron$/, /^react/, /^antd/, /^maplibre-gl/, /^echarts/],
  renderer: [NODE_BUILTIN, /^better-sqlite3$/, /^electron$/],
  engine: [/^electron$/, /^react/, /^antd/, /^maplibre-gl/],
  preload: [/^better-sqlite3$/],
  main: [],
};

function layerOf(rel) {
  for (const [name, prefix] of LAYERS) if (rel.startsWith(prefix)) return name;
  return null;
}
function* walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (/\.(ts|tsx|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') && !/^vite\.config\./.test(e.name)) yield p; // build configs run in Node
  }
}

const problems = [];
let files = 0;
for (const [layer, prefix] of LAYERS) {
  const dir = path.join(root, prefix);
  if (!fs.existsSync(dir)) continue;
  for (const file of walk(dir)) {
    files++;
    const src = fs.readFileSync(file, 'utf8');
    const rel = path.relative(root, file);
    const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
    for (const m of src.matchAll(re)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (spec.startsWith('.')) {
        const target = path.relative(root, path.resolve(path.dirname(file), spec)).replace(/\\/g, '/');
        const tl = layerOf(target + (target.endsWith('/') ? '' : '/')) ?? layerOf(target);
        if (!tl) { problems.push(`${rel}: imports ${spec} outside every layer`); continue; }
        if (!ALLOWED[layer].includes(tl)) problems.push(`${rel}: layer ${layer} must not import ${tl} (${spec})`);
      } else if (FORBIDDEN_PACKAGES[layer].some((r) => r.test(spec))) {
        problems.push(`${rel}: layer ${layer} must not import package ${spec}`);
      }
    }
  }
}
if (problems.length) {
  console.error(`import-direction check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`import-direction check: ${files} files, all imports flow shared ← engine/main/preload/renderer`);
