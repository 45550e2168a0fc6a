/**
 * electron-builder beforePack hook: makes sure the N-API binary package of the target being packed is in
 * node_modules (npm installs only the build machine's own, e.g. @node-rs/jieba-linux-x64-gnu; an arm64
 * .deb needs @node-rs/jieba-linux-arm64-gnu). Missing ones are fetched with `npm pack` — on the connected
 * build machine only; the installers carry them, the target machine never downloads anything.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARCH_NAMES, nativeBinaryPackages } from './release-files.mjs';

/** Packages whose platform binaries live in per-platform optionalDependencies (napi-rs layout). */
export const NAPI_PACKAGES = ['@node-rs/jieba'];

function fetchPackage(root, name, version) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-pack-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const out = execFileSync(npm, ['pack', `${name}@${version}`, '--pack-destination', tmp, '--silent'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
    const tgz = path.join(tmp, out.trim().split(/\r?\n/).pop());
    const dest = path.join(root, 'node_modules', ...name.split('/'));
    fs.mkdirSync(dest, { recursive: true });
    execFileSync('tar', ['-xzf', tgz, '-C', dest, '--strip-components=1']);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export async function beforePack(context) {
  const root = context.packager?.projectDir ?? process.cwd();
  const platform = context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  for (const pkg of NAPI_PACKAGES) {
    const pkgJsonFile = path.join(root, 'node_modules', pkg, 'package.json');
    if (!fs.existsSync(pkgJsonFile)) continue;
    const version = JSON.parse(fs.readFileSync(pkgJsonFile, 'utf8')).version;
    for (const dep of nativeBinaryPackages(JSON.parse(fs.readFileSync(pkgJsonFile, 'utf8')), platform, arch)) {
      const dir = path.join(root, 'node_modules', ...dep.name.split('/'));
      if (fs.existsSync(path.join(dir, 'package.json'))) continue;
      console.log(`  • fetching ${dep.name}@${version} for ${platform}-${arch}`);
      fetchPackage(root, dep.name, version);
      if (!fs.readdirSync(dir).some((f) => f.endsWith('.node'))) throw new Error(`${dep.name} has no .node binary after fetching`);
    }
  }
}

export default beforePack;
