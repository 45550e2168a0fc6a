import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../../shared/api/errors';
import { UPLOAD_CHUNK_BYTES } from '../../../../shared/api/areas/desktop';

/**
 * Receives a file dropped on the window in browser mode, where the page cannot learn the file's path:
 * chunks are appended to `<folder>/dropped/<time>-<name>.part` and renamed when complete.
 * (Electron gives the real path instead and never copies.)
 */

/** A file name safe on every platform: no folders, no reserved characters, not empty. */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 180);
  return cleaned || 'dropped-file';
}

/** `20250301-142233-<name>` in local time, so the folder sorts by arrival. */
export function stampedName(name: string, now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return `${stamp}-${safeFileName(name)}`;
}

interface Upload { file: string; received: number; touched: number }

const STALE_MS = 30 * 60_000;

export class UploadService {
  private readonly uploads = new Map<string, Upload>();
  constructor(private readonly folder: () => string, private readonly now: () => Date = () => new Date()) {}

  chunk(input: { uploadId: string | null; name: string; offset: number; dataBase64: string; done: boolean }): { uploadId: string; received: number; path: string | null } {
    this.dropStale();
    const bytes = Buffer.from(input.dataBase64, 'base64');
    if (bytes.length > UPLOAD_CHUNK_BYTES) throw new ApiError('BAD_INPUT', { detail: 'chunk too large' });
    let id = input.uploadId;
    let up = id ? this.uploads.get(id) : undefined;
    if (id && !up) throw new ApiError('BAD_INPUT', { detail: `unknown or expired upload ${id}` });
    if (!up) {
      if (input.offset !== 0) throw new ApiError('BAD_INPUT', { detail: 'a new upload starts at offset 0' });
      const dir = path.join(this.folder(), 'dropped');
      fs.mkdirSync(dir, { recursive: true });
      id = crypto.randomBytes(16).toString('hex');
      up = { file: path.join(dir, stampedName(input.name, this.now())), received: 0, touched: Date.now() };
      fs.writeFileSync(`${up.file}.part`, '');
      this.uploads.set(id, up);
    }
    if (input.offset !== up.received) throw new ApiError('BAD_INPUT', { detail: `expected offset ${up.received}, got ${input.offset}` });
    fs.appendFileSync(`${up.file}.part`, bytes);
    up.received += bytes.length;
    up.touched = Date.now();
    if (!input.done) return { uploadId: id!, received: up.received, path: null };
    this.uploads.delete(id!);
    let final = up.file;
    for (let i = 2; fs.existsSync(final); i++) final = up.file.replace(/(\.[^.]*)?$/, (ext) => ` (${i})${ext}`);
    fs.renameSync(`${up.file}.part`, final);
    return { uploadId: id!, received: up.received, path: final };
  }

  /** Abandoned uploads (the page was closed mid-way) lose their partial file after half an hour. */
  private dropStale(): void {
    const now = Date.now();
    for (const [id, up] of this.uploads) {
      if (now - up.touched < STALE_MS) continue;
      this.uploads.delete(id);
      fs.rmSync(`${up.file}.part`, { force: true });
    }
  }
}
