import fs from 'node:fs';
import os from 'node:os';
import { ApiError } from '../../../shared/api/errors';

export interface LockInfo { pid: number; host: string; since: string; app: string }

export function lockPathOf(projectPath: string): string {
  return `${projectPath}.lock`;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(projectPath: string): LockInfo | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPathOf(projectPath), 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return { pid: -1, host: '?', since: '?', app: '?' };
    return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? '?'), app: String(parsed.app ?? 'minsheng') };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { pid: -1, host: '?', since: '?', app: '?' };
  }
}

/** A lock held by a live process on this host, or by any process on another host, blocks opening. */
export function isLockStale(lock: LockInfo): boolean {
  if (lock.host !== os.hostname()) return false;
  if (lock.pid === process.pid) return false;
  return lock.pid <= 0 || !isProcessAlive(lock.pid);
}

/**
 * Takes the advisory lock next to the project file (<file>.lock), holding pid, host and time.
 * Throws PROJECT_LOCKED naming the holder. A stale lock (dead process on this host) is replaced.
 */
export function acquireLock(projectPath: string, now: Date = new Date()): () => void {
  const lockPath = lockPathOf(projectPath);
  const info: LockInfo = { pid: process.pid, host: os.hostname(), since: now.toISOString(), app: 'minsheng' };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(info), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          const cur = readLock(projectPath);
          if (cur && cur.pid === info.pid && cur.host === info.host) fs.unlinkSync(lockPath);
        } catch { /* already gone */ }
      };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new ApiError('READ_ONLY', { path: lockPath, detail: String(code) });
      const held = readLock(projectPath);
      if (held && held.pid === process.pid && held.host === info.host) {
        throw new ApiError('PROJECT_LOCKED', { host: held.host, pid: held.pid, since: held.since });
      }
      if (held && !isLockStale(held)) throw new ApiError('PROJECT_LOCKED', { host: held.host, pid: held.pid, since: held.since });
      try { fs.unlinkSync(lockPath); } catch { /* raced */ }
    }
  }
  const held = readLock(projectPath);
  throw new ApiError('PROJECT_LOCKED', { host: held?.host ?? '?', pid: held?.pid ?? -1, since: held?.since ?? '?' });
}
