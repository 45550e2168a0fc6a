/** Shared helpers of the readers tests. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpDir } from '../../../helpers/tmp';
import { ApiError } from '../../../../shared/api/errors';
import { openRowSource } from '../../../../electron/engine/services/import/readers/index';
import type { RawRow, ReadOptions } from '../../../../electron/engine/services/import/readers/types';

/** ../shared/data beside the repository (absent in a user's fresh clone). */
export const SHARED_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/data');
export const HAS_SHARED_DATA = fs.existsSync(SHARED_DATA);

export interface ReadAll { headers: string[]; rows: RawRow[]; blank: number; bytesRead: number; totalBytes: number }

export async function readAll(file: string, opts: ReadOptions, batchSize = 1000): Promise<ReadAll> {
  const src = await openRowSource(file, opts);
  const rows: RawRow[] = [];
  try {
    for await (const b of src.batches(batchSize)) rows.push(...b);
  } finally {
    await src.close();
  }
  return { headers: src.headers, rows, blank: src.blankRows(), bytesRead: src.bytesRead(), totalBytes: src.totalBytes };
}

/** The ApiError a promise rejects with (fails the test when it resolves or throws something else). */
export async function apiErrorOf(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw new Error(`expected an ApiError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected an ApiError, got success');
}

/** Bytes of GB18030 text: '中文' = D6 D0 CE C4, '𠀀' (U+20000) = 95 32 82 36, '，' = A3 AC. */
export const GB = {
  zhongwen: [0xd6, 0xd0, 0xce, 0xc4],
  u20000: [0x95, 0x32, 0x82, 0x36],
  comma: [0xa3, 0xac],
};

export const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')];

/** A temporary folder for one test file, and a writer of numbered files inside it (removed after all). */
export function tempFiles(prefix: string): { dir: string; file: (bytes: Uint8Array | string, ext?: string) => string; cleanup: () => void } {
  const tmp = tmpDir(prefix);
  let n = 0;
  return {
    dir: tmp.dir,
    file(bytes, ext = '.csv') {
      const p = path.join(tmp.dir, `f${n++}${ext}`);
      fs.writeFileSync(p, bytes);
      return p;
    },
    cleanup: tmp.cleanup,
  };
}
