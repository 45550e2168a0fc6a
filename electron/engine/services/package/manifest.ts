/**
 * The manifest side of a package: describing each written file (size, SHA-256) and checking a
 * package folder against its manifest before anything is imported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { MANIFEST_FILE, ManifestSchema, type Manifest, type PackageFile, type PackageProblem } from '../../../../shared/api/areas/package';
import { sha256File } from '../import/hash';

export async function describeFile(dir: string, rel: string, role: PackageFile['role'], format: string, rows?: number): Promise<PackageFile> {
  const abs = path.join(dir, rel);
  return { path: rel, role, format, bytes: fs.statSync(abs).size, sha256: await sha256File(abs), ...(rows === undefined ? {} : { rows }) };
}

export interface Inspection { dir: string; ok: boolean; manifest: Manifest | null; manifestSha256: string | null; problems: PackageProblem[] }

/** Reads and validates the manifest, then checks every listed file's presence, size and SHA-256. */
export async function inspectPackage(dirIn: string): Promise<Inspection> {
  const dir = path.resolve(dirIn);
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) return { dir, ok: false, manifest: null, manifestSha256: null, problems: [{ code: 'manifest_missing', file: MANIFEST_FILE }] };
  const bytes = fs.readFileSync(file);
  const manifestSha256 = createHash('sha256').update(bytes).digest('hex');
  let raw: unknown;
  try { raw = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')); } catch (e) {
    return { dir, ok: false, manifest: null, manifestSha256, problems: [{ code: 'manifest_invalid', file: MANIFEST_FILE, detail: e instanceof Error ? e.message : String(e) }] };
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { dir, ok: false, manifest: null, manifestSha256, problems: [{ code: 'manifest_invalid', file: MANIFEST_FILE, detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` }] };
  }
  const problems: PackageProblem[] = [];
  for (const f of parsed.data.files) {
    const abs = path.join(dir, f.path);
    if (!abs.startsWith(dir + path.sep) || !fs.existsSync(abs) || !fs.statSync(abs).isFile()) { problems.push({ code: 'file_missing', file: f.path }); continue; }
    const size = fs.statSync(abs).size;
    if (size !== f.bytes) { problems.push({ code: 'size_mismatch', file: f.path, detail: `${size} ≠ ${f.bytes} B` }); continue; }
    const sha = await sha256File(abs);
    if (sha !== f.sha256) problems.push({ code: 'hash_mismatch', file: f.path, detail: `SHA-256 ${sha.slice(0, 12)}… ≠ ${f.sha256.slice(0, 12)}…` });
  }
  return { dir, ok: problems.length === 0, manifest: parsed.data, manifestSha256, problems };
}
