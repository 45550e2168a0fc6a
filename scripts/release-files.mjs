/**
 * Pure helpers for what sits next to the installers (used by after-all-artifacts.mjs, before-pack.mjs
 * and check-package.mjs; unit-tested): the SHA-256 list, the offline update file, and which N-API
 * binary package a target platform needs.
 */
import path from 'node:path';

/** `sha256sum` format, sorted by name: verifiable with `sha256sum -c SHA256SUMS.txt` / `shasum -a 256 -c`. */
export function sha256SumsText(entries) {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => `${e.sha256}  ${e.name}`).join('\n') + '\n';
}

export function parseSha256Sums(text) {
  const out = [];
  for (const line of String(text ?? '').split(/\r?\n/)) {
    const m = /^([a-f0-9]{64}) [ *](.+)$/.exec(line.trim());
    if (m) out.push({ sha256: m[1], name: m[2] });
  }
  return out;
}

/** Entries of an earlier build (another OS into the same folder) stay unless rebuilt now. */
export function mergeSums(previous, current) {
  const byName = new Map(previous.map((e) => [e.name, e]));
  for (const e of current) byName.set(e.name, e);
  return [...byName.values()];
}

/** Platform and arch of an installer from its file name (our artifactName patterns); null for other files. */
export function artifactTarget(name) {
  const n = path.basename(name);
  const arch = /(?:^|[-_.])(arm64|aarch64)(?:[-_.]|$)/i.test(n) ? 'arm64'
    : /(?:^|[-_.])(x64|x86_64|amd64)(?:[-_.]|$)/i.test(n) ? 'x64'
    : /(?:^|[-_.])universal(?:[-_.]|$)/i.test(n) ? 'universal' : null;
  if (/\.blockmap$/i.test(n) || /\.yml$/i.test(n)) return null;
  if (/\.exe$/i.test(n)) return { platform: 'win32', arch: arch ?? 'x64', kind: /portable/i.test(n) ? 'portable' : 'nsis' };
  if (/\.AppImage$/i.test(n)) return { platform: 'linux', arch: arch ?? 'x64', kind: 'AppImage' };
  if (/\.deb$/i.test(n)) return { platform: 'linux', arch: arch ?? 'x64', kind: 'deb' };
  if (/\.dmg$/i.test(n)) return { platform: 'darwin', arch: arch ?? 'x64', kind: 'dmg' };
  return null;
}

/**
 * The update file "check for a newer version" reads (schema: shared/api/areas/desktop.ts UpdateFileSchema).
 * One installer per platform/arch is named (the NSIS installer before the portable .exe, AppImage before .deb).
 */
export function updateManifest({ version, date, notes, entries }) {
  const order = { nsis: 0, portable: 1, AppImage: 0, deb: 1, dmg: 0 };
  const files = entries
    .map((e) => ({ ...e, target: artifactTarget(e.name) }))
    .filter((e) => e.target)
    .sort((a, b) => order[a.target.kind] - order[b.target.kind] || (a.name < b.name ? -1 : 1))
    .map((e) => ({ name: e.name, sha256: e.sha256, ...(e.size != null ? { size: e.size } : {}), platform: e.target.platform, arch: e.target.arch }));
  return { product: 'minsheng', version, ...(date ? { date } : {}), ...(notes ? { notes } : {}), files };
}

/** napi-rs package suffix of a target: linux-arm64-gnu, win32-x64-msvc, darwin-arm64. */
export function napiSuffix(platform, arch) {
  if (platform === 'linux') return `linux-${arch}-gnu`;
  if (platform === 'win32') return `win32-${arch}-msvc`;
  if (platform === 'darwin' || platform === 'mas') return `darwin-${arch}`;
  return `${platform}-${arch}`;
}

/** The platform binary packages of an N-API package (its optionalDependencies) that `platform`/`arch` needs. */
export function nativeBinaryPackages(pkgJson, platform, arch) {
  const suffix = napiSuffix(platform, arch);
  return Object.entries(pkgJson?.optionalDependencies ?? {})
    .filter(([name]) => name.endsWith(`-${suffix}`))
    .map(([name, version]) => ({ name, version }));
}

/** electron-builder's Arch enum → name. */
export const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];
