import { UPLOAD_CHUNK_BYTES } from '../../../../shared/api/areas/desktop';

/** Bytes → base64 without building one giant string argument (btoa over 32 KB pieces). */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export interface BlobLike { name: string; size: number; slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> } }
type Chunk = (i: { uploadId: string | null; name: string; offset: number; dataBase64: string; done: boolean }) =>
  Promise<{ uploadId: string; received: number; path: string | null }>;

/**
 * Sends a dropped file to the engine in chunks (browser mode: the page cannot know the file's path).
 * Resolves with the path of the copy the engine wrote into the data folder.
 */
export async function uploadFile(file: BlobLike, send: Chunk, onProgress?: (fraction: number) => void, chunkBytes = UPLOAD_CHUNK_BYTES): Promise<string> {
  let uploadId: string | null = null;
  let offset = 0;
  do {
    const end = Math.min(file.size, offset + chunkBytes);
    const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer());
    const done = end >= file.size;
    const r = await send({ uploadId, name: file.name, offset, dataBase64: toBase64(bytes), done });
    uploadId = r.uploadId;
    offset = end;
    onProgress?.(file.size ? offset / file.size : 1);
    if (done) {
      if (!r.path) throw new Error('the engine did not return the uploaded file');
      return r.path;
    }
  } while (offset < file.size);
  throw new Error('unreachable');
}
