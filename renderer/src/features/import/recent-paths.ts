const KEY = 'minsheng.import.recentPaths';
const MAX = 8;

interface StorageLike { getItem(k: string): string | null; setItem(k: string, v: string): void }

function storage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The paths recently previewed for import, newest first. */
export function recentPaths(s: StorageLike | null = storage()): string[] {
  try {
    const v: unknown = JSON.parse(s?.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0).slice(0, MAX) : [];
  } catch {
    return [];
  }
}

/** Moves (or adds) `path` to the front of the list and returns the new list. */
export function rememberPath(path: string, s: StorageLike | null = storage()): string[] {
  const p = path.trim();
  if (!p) return recentPaths(s);
  const next = [p, ...recentPaths(s).filter((x) => x !== p)].slice(0, MAX);
  try {
    s?.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage full or unavailable: the list is a convenience only
  }
  return next;
}

export function forgetPath(path: string, s: StorageLike | null = storage()): string[] {
  const next = recentPaths(s).filter((x) => x !== path);
  try {
    s?.setItem(KEY, JSON.stringify(next));
  } catch {
    // ignore
  }
  return next;
}
