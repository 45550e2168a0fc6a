import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../../../shared/api/errors';
import { ApiError } from '../../../../shared/api/errors';
import { UpdateFileSchema, type UpdateCheckResult, type UpdateFile } from '../../../../shared/api/areas/desktop';

/**
 * "Check for a newer version" without a network: reads `minsheng-update.json` (written next to the
 * installers by scripts/after-all-artifacts.mjs) from a path the user picks — a USB stick, a share — and,
 * when this platform's installer lies beside it, checks its SHA-256.
 */
export const UPDATE_FILE_NAME = 'minsheng-update.json';

/** Semantic-version order: 1.10.0 > 1.9.0; a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core, pre = ''] = v.trim().replace(/^v/i, '').split('-', 2);
    return { nums: core.split('.').map((x) => Number.parseInt(x, 10) || 0), pre };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length, 3); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (!x.pre) return 1;
  if (!y.pre) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** The installer of the update file meant for this platform/arch (a platform-less entry matches any). */
export function pickInstaller(files: UpdateFile['files'], platform: string, arch: string): UpdateFile['files'][number] | null {
  return files.find((f) => f.platform === platform && f.arch === arch)
    ?? files.find((f) => f.platform === platform && !f.arch)
    ?? null;
}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = crypto.createHash('sha256');
    fs.createReadStream(file).on('error', reject).on('data', (d) => h.update(d)).on('end', () => resolve(h.digest('hex')));
  });
}

export async function checkUpdate(
  input: string,
  opts: { current: string; locale: Locale; platform?: string; arch?: string },
): Promise<UpdateCheckResult> {
  let file = path.resolve(input);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, UPDATE_FILE_NAME);
  if (!fs.existsSync(file)) throw new ApiError('FILE_NOT_FOUND', { path: file });
  let parsed: UpdateFile;
  try {
    const r = UpdateFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!r.success) throw new Error(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    parsed = r.data;
  } catch (e) {
    throw new ApiError('BAD_UPDATE_FILE', { path: file, detail: e instanceof Error ? e.message : String(e) });
  }
  const entry = pickInstaller(parsed.files, opts.platform ?? process.platform, opts.arch ?? process.arch);
  let installer: UpdateCheckResult['installer'] = null;
  if (entry) {
    const p = path.join(path.dirname(file), path.basename(entry.name));
    const status = !fs.existsSync(p) ? 'missing' : (await sha256File(p)) === entry.sha256 ? 'verified' : 'mismatch';
    installer = { name: entry.name, path: p, status };
  }
  const notes = parsed.notes?.[opts.locale] ?? parsed.notes?.['zh-CN'] ?? parsed.notes?.en ?? null;
  return {
    current: opts.current, available: parsed.version, newer: compareVersions(parsed.version, opts.current) > 0,
    date: parsed.date ?? null, notes, installer,
  };
}
