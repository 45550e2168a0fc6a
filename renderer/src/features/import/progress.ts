import type { ImportResult } from '../../../../shared/api/areas/import';

/** The phase an import job reports in `job.progress.message`: 'sha256', a row count, or 'indexes'. */
export type ImportPhase = 'hashing' | 'reading' | 'indexing';

export function phaseOf(message: string | null | undefined): ImportPhase | null {
  if (!message) return null;
  if (/^sha/i.test(message)) return 'hashing';
  if (/^index/i.test(message)) return 'indexing';
  return parseRows(message) !== null ? 'reading' : null;
}

/** Rows read so far from a progress message ("12345", "12,345" …); null when it holds no count. */
export function parseRows(message: string | null | undefined): number | null {
  if (!message) return null;
  const m = /^\s*(\d[\d,]*)\s*$/.exec(message);
  if (!m) return null;
  const n = Number(m[1].replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

export interface RowSample { at: number; rows: number }

/** Keeps the recent samples (newest last); drops samples older than `windowMs` but always keeps two. */
export function addSample(samples: readonly RowSample[], s: RowSample, windowMs = 8000): RowSample[] {
  const next = [...samples.filter((x) => x.at <= s.at && x.rows <= s.rows), s];
  while (next.length > 2 && s.at - next[0].at > windowMs) next.shift();
  return next;
}

/** Rows per second by differencing the row counts over the sample window; null until it can be known. */
export function rowRate(samples: readonly RowSample[]): number | null {
  if (samples.length < 2) return null;
  const a = samples[0];
  const b = samples[samples.length - 1];
  const dt = (b.at - a.at) / 1000;
  if (dt <= 0.05) return null;
  return Math.max(0, (b.rows - a.rows) / dt);
}

/** 0..100 from done/total bytes (null total → null). */
export function percentOf(done: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 1000) / 10));
}

/** Every non-blank row ends as imported, updated, duplicate or rejected. */
export function countsAddUp(r: Pick<ImportResult, 'rowsRead' | 'imported' | 'updated' | 'duplicates' | 'rejected'>): boolean {
  return r.imported + r.updated + r.duplicates + r.rejected === r.rowsRead;
}

/** Seconds → {m, s} for "x 分 y 秒" style text. */
export function splitDuration(seconds: number): { h: number; m: number; s: number } {
  const total = Math.max(0, Math.round(seconds));
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}

export function shortHash(sha: string | null | undefined, n = 10): string {
  return sha ? sha.slice(0, n) : '';
}

/** Directory part of a path, for either separator ('/a/b.minsheng' → '/a', 'C:\\x\\y' → 'C:\\x'). */
export function dirOf(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  if (i < 0) return '.';
  if (i === 0) return p[0];
  return p.slice(0, i);
}

export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + name : `${dir}${sep}${name}`;
}

/** Where rejected rows of a batch are exported by default: next to the project file. */
export function defaultRejectedPath(projectPath: string | null | undefined, batchId: number, reason?: string): string {
  const name = `rejected-${batchId}${reason ? `-${reason}` : ''}.csv`;
  return projectPath ? joinPath(dirOf(projectPath), name) : name;
}

/** Base name of a path (for showing a file name). */
export function baseName(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i < 0 ? p : p.slice(i + 1);
}
