#!/usr/bin/env node
// `npm start`: opens Minsheng in Electron where its binary exists; otherwise says so in one line and
// starts browser mode (the same UI and engine on 127.0.0.1) and prints its URL. `--open` opens the URL.
// Never requires the electron package (that would start a download).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const wantOpen = args.includes('--open');
const forceBrowser = args.includes('--browser') || process.env.MINSHENG_BROWSER_MODE === '1';
const passThrough = args.filter((a) => a !== '--open' && a !== '--browser');

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuilt(label, outFile, inputs, script) {
  const built = fs.existsSync(outFile) ? fs.statSync(outFile).mtimeMs : 0;
  const src = Math.max(...inputs.map((d) => newestMtime(path.join(root, d))));
  if (built >= src) return;
  console.log(`[minsheng] building ${label}…`);
  const r = spawnSync('npm', ['run', '-s', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Browser mode logs like the desktop app: <data dir>/logs/minsheng.log, shown by Help → Logs. */
function openLog() {
  const arg = passThrough.find((a) => a.startsWith('--data-dir='));
  const dataDir = arg ? path.resolve(arg.slice('--data-dir='.length)) : process.env.MINSHENG_DATA_DIR ? path.resolve(process.env.MINSHENG_DATA_DIR) : path.join(os.homedir(), '.minsheng');
  try {
    fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
    const file = path.join(dataDir, 'logs', 'minsheng.log');
    fs.appendFileSync(file, `[${new Date().toISOString()}] [start] browser mode starting (Node ${process.versions.node})\n`);
    return (chunk) => {
      const stamp = new Date().toISOString();
      const text = String(chunk).split(/\r?\n/).filter(Boolean).map((l) => `[${stamp}] [engine] ${l}\n`).join('');
      try { fs.appendFileSync(file, text); } catch { /* best effort */ }
    };
  } catch {
    return () => {};
  }
}

function openUrl(url) {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const a = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try { spawn(cmd, a, { stdio: 'ignore', detached: true }).on('error', () => console.log(`[minsheng] open this address in a browser: ${url}`)).unref(); } catch { /* printed above */ }
}

ensureBuilt('renderer', path.join(root, 'renderer/dist/index.html'), ['renderer', 'shared'], 'build:renderer');

const electron = forceBrowser ? { path: null, reason: 'browser mode requested' } : findElectronBinary(root);
if (electron.path) {
  ensureBuilt('electron bundles', path.join(root, 'dist/electron/main.cjs'), ['electron', 'shared'], 'build:electron');
  const child = spawn(electron.path, [root, ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`[minsheng] 未找到 Electron 程序，改用浏览器模式 / Electron binary not available (${electron.reason}) — starting browser mode`);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/engine/main.ts'), '--transport=http', ...passThrough], { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] });
  const log = openLog();
  let opened = false;
  child.stderr.on('data', (d) => { process.stderr.write(d); log(d); });
  child.stdout.on('data', (d) => {
    process.stdout.write(d);
    log(String(d).replace(/#token=\S+/g, '#token=…')); // the token stays out of the log file
    const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(String(d));
    if (m && wantOpen && !opened) { opened = true; openUrl(m[1]); }
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
