import { z } from 'zod';
import { json } from '../define';

/**
 * Desktop services of the engine that work the same in Electron and browser mode:
 * receiving a dropped file (browser mode cannot see its path), the log viewer, the offline update check.
 */

/** Largest chunk of a dropped file per call (raw bytes; base64 on the wire stays well under the HTTP body limit). */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

export const UploadChunkInput = z.object({
  /** null for the first chunk; then the id the first answer gave. */
  uploadId: z.string().regex(/^[a-f0-9]{32}$/).nullable(),
  /** The file's own name (no folders); the engine keeps it, made safe. */
  name: z.string().min(1).max(255),
  /** Byte offset of this chunk; must equal what the engine has received so far. */
  offset: z.number().int().min(0),
  dataBase64: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4),
  /** Last chunk: the file is complete and gets its final name. */
  done: z.boolean(),
}).strict();

export const UploadChunkOutput = z.object({
  uploadId: z.string(),
  received: z.number().int(),
  /** The finished file's path (when `done`), ready for `import.preview`. */
  path: z.string().nullable(),
});

export const LogsOutput = z.object({
  dir: z.string(),
  file: z.string().nullable(),
  lines: z.array(z.string()),
  truncated: z.boolean(),
});

export const UpdateFileSchema = z.object({
  product: z.literal('minsheng'),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/),
  date: z.string().max(40).optional(),
  notes: z.object({ 'zh-CN': z.string().max(20_000).optional(), en: z.string().max(20_000).optional() }).partial().optional(),
  files: z.array(z.object({
    name: z.string().min(1).max(255),
    sha256: z.string().regex(/^[a-f0-9]{64}$/),
    size: z.number().int().min(0).optional(),
    platform: z.enum(['win32', 'linux', 'darwin']).optional(),
    arch: z.enum(['x64', 'arm64', 'ia32', 'armv7l', 'universal']).optional(),
  })).max(100).default([]),
});
export type UpdateFile = z.infer<typeof UpdateFileSchema>;

export const UpdateCheckOutput = z.object({
  current: z.string(),
  available: z.string(),
  newer: z.boolean(),
  date: z.string().nullable(),
  notes: z.string().nullable(),
  /** The installer for this platform named in the update file, and whether the file beside it matches its SHA-256. */
  installer: z.object({ name: z.string(), path: z.string(), status: z.enum(['verified', 'mismatch', 'missing']) }).nullable(),
});
export type UpdateCheckResult = z.infer<typeof UpdateCheckOutput>;

export const desktopMethods = {
  'desktop.uploadChunk': json(UploadChunkInput, UploadChunkOutput),
  'desktop.logs': json(z.object({ lines: z.number().int().min(1).max(5000).optional() }).strict(), LogsOutput),
  'desktop.checkUpdate': json(z.object({ path: z.string().min(1).max(4096) }).strict(), UpdateCheckOutput),
} as const;
