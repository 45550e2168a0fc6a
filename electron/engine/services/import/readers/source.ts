/**
 * The RowSource every reader returns: a format-specific generator yields rows in chunks of any
 * size; `batches(n)` regroups them into batches of exactly n (the last may be smaller). Nothing is
 * read ahead of the consumer beyond one chunk: the generator runs only when a batch is pulled.
 * The source closes itself when the iteration of batches() ends (completed, broken off or failed).
 */
import type { Cell } from '../../../../../shared/domain/ingest/types';
import type { RawRow, RowSource } from './types';
import { badInput } from './errors';

export interface SourceState {
  headers: string[] | null;
  blank: number;
}

export interface SourceParts {
  /** Yields non-empty arrays of rows; sets state.headers before its first yield (or before it ends). */
  rows: AsyncGenerator<RawRow[], void, undefined>;
  state: SourceState;
  totalBytes: number;
  bytesRead: () => number;
  /** Releases files and streams; called after the generator is closed. */
  release?: () => void | Promise<void>;
}

/** Starts the generator up to its first rows so the headers are known, then wraps it. */
export async function makeRowSource(parts: SourceParts): Promise<RowSource> {
  const { rows, state } = parts;
  let first: RawRow[] = [];
  let done = false;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      await rows.return(undefined);
    } finally {
      await parts.release?.();
    }
  };
  try {
    const r = await rows.next();
    if (r.done) done = true;
    else first = r.value;
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
  let started = false;
  return {
    headers: state.headers ?? [],
    totalBytes: parts.totalBytes,
    bytesRead: parts.bytesRead,
    blankRows: () => state.blank,
    close,
    batches(batchSize: number): AsyncIterable<RawRow[]> {
      if (started) throw new Error('RowSource.batches() can be iterated only once');
      started = true;
      const size = Math.max(1, Math.floor(batchSize));
      return (async function* () {
        try {
          let out: RawRow[] = [];
          let chunk = first;
          first = [];
          for (;;) {
            if (out.length === 0 && chunk.length === size) {
              yield chunk;
            } else {
              for (let i = 0; i < chunk.length; i++) {
                out.push(chunk[i]);
                if (out.length === size) {
                  yield out;
                  out = [];
                }
              }
            }
            if (done || closed) break;
            const r = await rows.next();
            if (r.done) {
              done = true;
              break;
            }
            chunk = r.value;
          }
          if (out.length) yield out;
        } finally {
          // iterated once: whether it ran to the end, broke off or failed, release the file
          await close();
        }
      })();
    },
  };
}

/** True when every cell is empty or whitespace (null counts as empty). */
export function isBlankRow(cells: readonly Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === null || c === undefined) continue;
    if (typeof c === 'string') {
      if (c.length === 0) continue;
      if (c.trim().length === 0) continue;
    }
    return false;
  }
  return true;
}

/** Header text: BOM and surrounding whitespace removed (real exports carry trailing spaces). */
export function cleanHeader(h: Cell): string {
  return cellText(h).replace(/^\uFEFF/, '').trim();
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** A cell as display text. Dates are shown as their wall-clock value (XLSX dates carry it in UTC fields). */
export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c;
  if (c instanceof Date) {
    if (Number.isNaN(c.getTime())) return '';
    const d = `${c.getUTCFullYear()}-${pad2(c.getUTCMonth() + 1)}-${pad2(c.getUTCDate())}`;
    const h = c.getUTCHours(), m = c.getUTCMinutes(), s = c.getUTCSeconds();
    return h || m || s ? `${d} ${pad2(h)}:${pad2(m)}:${pad2(s)}` : d;
  }
  return String(c);
}

/** Cells as one CSV line (RFC 4180 quoting), for `raw` of XLSX rows. */
export function toCsvLine(cells: readonly Cell[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const t = cellText(cells[i]);
    if (i) out += ',';
    out += /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  }
  return out;
}

/** Positive integer check for headerRow. */
export function headerRowOf(n: number | undefined): number {
  if (n === undefined) return 1;
  if (!Number.isInteger(n) || n < 1) throw badInput(`标题行号必须是不小于 1 的整数（收到 ${n}）`, `headerRow must be an integer >= 1 (got ${n})`);
  return n;
}
