/**
 * electron-builder afterAllArtifactBuild hook: writes, next to the installers,
 *   SHA256SUMS.txt         `sha256sum -c SHA256SUMS.txt` (Linux), `shasum -a 256 -c` (macOS), Get-FileHash (Windows)
 *   minsheng-update.json   read by Help → "Check for a newer version" from a USB stick or a share
 * Entries of other platforms built earlier into the same folder are kept.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { mergeSums, parseSha256Sums, sha256SumsText, updateManifest } from './release-files.mjs';

function sha256(file) {
  return new Promise((resolve, reject) => {
    const h = crypto.createHash('sha256');
    fs.createReadStream(file).on('error', reject).on('data', (d) => h.update(d)).on('end', () => resolve(h.digest('hex')));
  });
}

export async function writeReleaseFiles(outDir, artifactPaths, { version, date = new Date().toISOString().slice(0, 10) }) {
  const current = [];
  for (const p of artifactPaths) {
    const name = path.basename(p);
    if (name === 'SHA256SUMS.txt' || name === 'minsheng-update.json' || !fs.existsSync(p) || !fs.statSync(p).isFile()) continue;
    current.push({ name, sha256: await sha256(p), size: fs.statSync(p).size });
  }
  const sumsFile = path.join(outDir, 'SHA256SUMS.txt');
  const previous = fs.existsSync(sumsFile)
    ? parseSha256Sums(fs.readFileSync(sumsFile, 'utf8')).filter((e) => fs.existsSync(path.join(outDir, e.name)))
    : [];
  const all = mergeSums(previous, current);
  fs.writeFileSync(sumsFile, sha256SumsText(all));
  const sizes = new Map(all.map((e) => [e.name, e.size ?? (fs.existsSync(path.join(outDir, e.name)) ? fs.statSync(path.join(outDir, e.name)).size : undefined)]));
  const manifest = updateManifest({ version, date, entries: all.map((e) => ({ ...e, size: sizes.get(e.name) })) });
  const manifestFile = path.join(outDir, 'minsheng-update.json');
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return [sumsFile, manifestFile];
}

export async function afterAllArtifactBuild(buildResult) {
  const outDir = buildResult.outDir;
  const version = buildResult.configuration?.extraMetadata?.version ?? JSON.parse(fs.readFileSync('package.json', 'utf8')).version;
  if (buildResult.artifactPaths.length === 0) return [];
  const files = await writeReleaseFiles(outDir, buildResult.artifactPaths, { version });
  console.log(`  • SHA-256 list and update file written  files=${files.map((f) => path.basename(f)).join(', ')}`);
  return files;
}

export default afterAllArtifactBuild;
