import fs from 'node:fs';
import path from 'node:path';

/** Name of the application log in `<dataDir>/logs/` (written by the Electron main process and `npm start`). */
export const LOG_FILE = 'minsheng.log';
const MAX_READ = 2 * 1024 * 1024;

/** The last `lines` lines of the newest log (reads at most the last 2 MB). */
export function readLogTail(dataDir: string, lines: number): { dir: string; file: string | null; lines: string[]; truncated: boolean } {
  const dir = path.join(dataDir, 'logs');
  const file = path.join(dir, LOG_FILE);
  let text: string;
  let size: number;
  try {
    size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r');
    try {
      const len = Math.min(size, MAX_READ);
      const buf = Buffer.alloc(len);
      fs.readSync(fd, buf, 0, len, size - len);
      text = buf.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return { dir, file: null, lines: [], truncated: false };
  }
  let all = text.split(/\r?\n/);
  if (size > MAX_READ) all = all.slice(1); // the first line was cut
  if (all.length && all[all.length - 1] === '') all.pop();
  const tail = all.slice(-lines);
  return { dir, file, lines: tail, truncated: tail.length < all.length || size > MAX_READ };
}
