/**
 * Locates the Electron executable WITHOUT requiring the `electron` package
 * (its index.js starts a download when the binary is missing).
 * Mirrors node_modules/electron/index.js: path.txt names the executable inside dist/,
 * and ELECTRON_OVERRIDE_DIST_PATH replaces dist/.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Executable path inside an Electron dist directory, per platform (as install.js writes it to path.txt). */
export function platformExecutable(platform = process.platform) {
  switch (platform) {
    case 'darwin': case 'mas': return 'Electron.app/Contents/MacOS/Electron';
    case 'win32': return 'electron.exe';
    default: return 'electron';
  }
}

function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {string} rootDir project root (holds node_modules/electron)
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ path: string | null, reason: string }}
 */
export function findElectronBinary(rootDir, env = process.env) {
  const pkgDir = path.join(rootDir, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  let relative = null;
  if (existsSync(pathFile)) {
    relative = readFileSync(pathFile, 'utf8').trim() || null;
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, relative ?? platformExecutable());
    return isFile(candidate)
      ? { path: candidate, reason: `found via ELECTRON_OVERRIDE_DIST_PATH: ${candidate}` }
      : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist` };
  }
  if (!existsSync(path.join(pkgDir, 'package.json'))) {
    return { path: null, reason: `the electron package is not installed (${pkgDir})` };
  }
  if (!relative) {
    return { path: null, reason: `the Electron binary was never downloaded (${pathFile} is missing); run "npx install-electron" or set ELECTRON_OVERRIDE_DIST_PATH` };
  }
  const candidate = path.join(pkgDir, 'dist', relative);
  if (!isFile(candidate)) {
    return { path: null, reason: `${pathFile} names ${relative} but ${candidate} does not exist` };
  }
  return { path: candidate, reason: `found ${candidate}` };
}
