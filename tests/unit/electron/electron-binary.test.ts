import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronBinary, platformExecutable } from '../../../scripts/electron-binary.mjs';

let root: string;
const pkgDir = () => path.join(root, 'node_modules', 'electron');

function installPackage(): void {
  mkdirSync(pkgDir(), { recursive: true });
  writeFileSync(path.join(pkgDir(), 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  // index.js would start a download if it were ever required: make that loud.
  writeFileSync(path.join(pkgDir(), 'index.js'), "throw new Error('electron/index.js must not be required');");
}

beforeEach(() => { root = mkdtempSync(path.join(os.tmpdir(), 'minsheng-electron-bin-')); });
afterEach(() => { rmSync(root, { recursive: true, force: true }); });

describe('findElectronBinary', () => {
  it('reports a missing electron package', () => {
    const r = findElectronBinary(root, {});
    expect(r.path).toBeNull();
    expect(r.reason).toMatch(/not installed/);
  });

  it('reports a never-downloaded binary (no path.txt)', () => {
    installPackage();
    const r = findElectronBinary(root, {});
    expect(r.path).toBeNull();
    expect(r.reason).toMatch(/path\.txt/);
  });

  it('reports a path.txt whose executable is missing', () => {
    installPackage();
    writeFileSync(path.join(pkgDir(), 'path.txt'), 'electron');
    const r = findElectronBinary(root, {});
    expect(r.path).toBeNull();
    expect(r.reason).toMatch(/does not exist/);
  });

  it('finds dist/<path.txt>', () => {
    installPackage();
    writeFileSync(path.join(pkgDir(), 'path.txt'), 'electron');
    mkdirSync(path.join(pkgDir(), 'dist'));
    writeFileSync(path.join(pkgDir(), 'dist', 'electron'), '#!/bin/sh\n');
    const r = findElectronBinary(root, {});
    expect(r.path).toBe(path.join(pkgDir(), 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const override = path.join(root, 'custom-electron');
    mkdirSync(override);
    const exe = path.join(override, platformExecutable());
    mkdirSync(path.dirname(exe), { recursive: true });
    writeFileSync(exe, '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override }).path).toBe(exe);

    rmSync(exe);
    const r = findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override });
    expect(r.path).toBeNull();
    expect(r.reason).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/);
  });

  it('knows each platform executable', () => {
    expect(platformExecutable('linux')).toBe('electron');
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });
});
