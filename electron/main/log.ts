/**
 * Main-process log: the console and `<userData>/logs/minsheng.log` (the engine's output is written
 * there too), rotated at 5 MB to `minsheng.1.log`. Help → View Logs shows it.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Log = (message: string) => void;

export const LOG_FILE_NAME = 'minsheng.log';
const MAX_BYTES = 5 * 1024 * 1024;
let logFile: string | null = null;
let written = 0;

/** Starts writing to `<dir>/minsheng.log`. Safe to call once at start; failures leave console-only logging. */
export function openLogFile(dir: string): string | null {
  try {
    fs.mkdirSync(dir, { recursive: true });
    logFile = path.join(dir, LOG_FILE_NAME);
    written = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    return logFile;
  } catch {
    logFile = null;
    return null;
  }
}

/** Appends lines to the log file (synchronously: a crash right after must not lose them). */
export function writeLogLine(line: string): void {
  if (!logFile) return;
  try {
    if (written > MAX_BYTES) {
      fs.renameSync(logFile, logFile.replace(/\.log$/, '.1.log'));
      written = 0;
    }
    const text = line.endsWith('\n') ? line : `${line}\n`;
    fs.appendFileSync(logFile, text);
    written += Buffer.byteLength(text);
  } catch {
    // the log is best effort; the console still has the line
  }
}

export function createLog(scope: string): Log {
  return (message: string) => {
    const line = `[${new Date().toISOString()}] [${scope}] ${message}`;
    console.log(line);
    writeLogLine(line);
  };
}

export function truncateUrl(url: string, max = 200): string {
  return url.length > max ? `${url.slice(0, max)}…` : url;
}
