import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeReleaseFiles } from '../../../scripts/after-all-artifacts.mjs';
import { artifactTarget, mergeSums, nativeBinaryPackages, parseSha256Sums, sha256SumsText, updateManifest } from '../../../scripts/release-files.mjs';
import { UpdateFileSchema } from '../../../shared/api/areas/desktop';
import { tmpDir } from '../../helpers/tmp';

const H = (c: string) => c.repeat(64);

describe('SHA-256 list', () => {
  it('writes sha256sum format sorted by name and reads it back', () => {
    const text = sha256SumsText([{ name: 'b.deb', sha256: H('b') }, { name: 'a.exe', sha256: H('a') }]);
    expect(text).toBe(`${H('a')}  a.exe\n${H('b')}  b.deb\n`);
    expect(parseSha256Sums(`${text}garbage\n${H('c')} *c.dmg\r\n`)).toEqual([{ sha256: H('a'), name: 'a.exe' }, { sha256: H('b'), name: 'b.deb' }, { sha256: H('c'), name: 'c.dmg' }]);
  });

  it('keeps other platforms built earlier and replaces rebuilt files', () => {
    const merged = mergeSums([{ name: 'x.exe', sha256: H('1') }, { name: 'y.deb', sha256: H('2') }], [{ name: 'y.deb', sha256: H('3') }]);
    expect(merged).toEqual([{ name: 'x.exe', sha256: H('1') }, { name: 'y.deb', sha256: H('3') }]);
  });
});

describe('installer targets and the update file', () => {
  it('recognises each artifact name pattern', () => {
    expect(artifactTarget('Minsheng-0.2.0-setup-x64.exe')).toEqual({ platform: 'win32', arch: 'x64', kind: 'nsis' });
    expect(artifactTarget('Minsheng-0.2.0-portable-x64.exe')).toEqual({ platform: 'win32', arch: 'x64', kind: 'portable' });
    expect(artifactTarget('Minsheng-0.2.0-linux-arm64.AppImage')).toEqual({ platform: 'linux', arch: 'arm64', kind: 'AppImage' });
    expect(artifactTarget('minsheng_0.2.0_amd64.deb')).toEqual({ platform: 'linux', arch: 'x64', kind: 'deb' });
    expect(artifactTarget('Minsheng-0.2.0-mac-arm64.dmg')).toEqual({ platform: 'darwin', arch: 'arm64', kind: 'dmg' });
    expect(artifactTarget('Minsheng-0.2.0-setup-x64.exe.blockmap')).toBeNull();
    expect(artifactTarget('SHA256SUMS.txt')).toBeNull();
  });

  it('names one installer per platform/arch, installer before portable, and matches the engine schema', () => {
    const m = updateManifest({ version: '0.2.0', date: '2025-06-01', entries: [
      { name: 'Minsheng-0.2.0-portable-x64.exe', sha256: H('1') },
      { name: 'Minsheng-0.2.0-setup-x64.exe', sha256: H('2'), size: 10 },
      { name: 'Minsheng-0.2.0-setup-x64.exe.blockmap', sha256: H('3') },
    ] });
    expect(m.files.map((f) => f.name)).toEqual(['Minsheng-0.2.0-setup-x64.exe', 'Minsheng-0.2.0-portable-x64.exe']);
    expect(UpdateFileSchema.parse(m).version).toBe('0.2.0');
  });

  it('picks the N-API binary package of each target', () => {
    const pj = { optionalDependencies: { '@node-rs/jieba-linux-arm64-gnu': '2', '@node-rs/jieba-linux-arm64-musl': '2', '@node-rs/jieba-darwin-arm64': '2', '@node-rs/jieba-win32-x64-msvc': '2' } };
    expect(nativeBinaryPackages(pj, 'linux', 'arm64').map((p) => p.name)).toEqual(['@node-rs/jieba-linux-arm64-gnu']);
    expect(nativeBinaryPackages(pj, 'darwin', 'arm64').map((p) => p.name)).toEqual(['@node-rs/jieba-darwin-arm64']);
    expect(nativeBinaryPackages(pj, 'win32', 'x64').map((p) => p.name)).toEqual(['@node-rs/jieba-win32-x64-msvc']);
    expect(nativeBinaryPackages({}, 'linux', 'x64')).toEqual([]);
  });
});

describe('afterAllArtifactBuild writes the files next to the installers', () => {
  const tmp = tmpDir('minsheng-release-');
  afterEach(() => tmp.cleanup());

  it('hashes the real bytes, keeps earlier entries whose files still exist', async () => {
    const dir = tmp.dir;
    const a = path.join(dir, 'Minsheng-0.2.0-linux-x64.AppImage');
    fs.writeFileSync(a, 'appimage bytes');
    fs.writeFileSync(path.join(dir, 'Minsheng-0.2.0-setup-x64.exe'), 'exe bytes');
    fs.writeFileSync(path.join(dir, 'SHA256SUMS.txt'), `${H('9')}  Minsheng-0.2.0-setup-x64.exe\n${H('8')}  gone.dmg\n`);
    const written = await writeReleaseFiles(dir, [a], { version: '0.2.0', date: '2025-06-01' });
    expect(written.map((f) => path.basename(f))).toEqual(['SHA256SUMS.txt', 'minsheng-update.json']);
    const sums = parseSha256Sums(fs.readFileSync(written[0], 'utf8'));
    expect(sums).toEqual([
      { name: 'Minsheng-0.2.0-linux-x64.AppImage', sha256: crypto.createHash('sha256').update('appimage bytes').digest('hex') },
      { name: 'Minsheng-0.2.0-setup-x64.exe', sha256: H('9') },
    ]);
    const manifest = UpdateFileSchema.parse(JSON.parse(fs.readFileSync(written[1], 'utf8')));
    expect(manifest.files.find((f) => f.platform === 'linux')).toMatchObject({ arch: 'x64', size: 14 });
  });
});
