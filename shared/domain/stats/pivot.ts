/** Shares, change against a comparison period, top-N and the two-dimensional cross-tab. */
import { relativeChange } from './series';

export interface Counted { key: string; count: number; previous: number | null }

export interface RankedRow extends Counted {
  share: number;
  /** count − previous (null without a comparison period). */
  delta: number | null;
  /** (count − previous) / previous (null without one, or when previous is 0). */
  change: number | null;
}

/** Adds share of the total and change against the comparison, sorted by count (then key) descending. */
export function rankWithChange(rows: readonly Counted[], total?: number): RankedRow[] {
  const sum = total ?? rows.reduce((s, r) => s + r.count, 0);
  return rows
    .map((r) => ({
      ...r,
      share: sum > 0 ? r.count / sum : 0,
      delta: r.previous === null ? null : r.count - r.previous,
      change: relativeChange(r.count, r.previous),
    }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export interface PivotCell { row: string; col: string; count: number; previous: number | null }

export interface PivotTable {
  rows: { key: string; total: number; previousTotal: number | null }[];
  cols: { key: string; total: number; previousTotal: number | null }[];
  /** counts[r][c] */
  counts: number[][];
  /** previous[r][c]; null matrix when there is no comparison period. */
  previous: number[][] | null;
  total: number;
  /** Cells whose row or column fell outside the top rows / columns, summed into OTHER_KEY. */
  otherRows: number;
  otherCols: number;
}

export const OTHER_KEY = '\u0000other';

function topKeys(totals: Map<string, number>, limit: number): { keep: string[]; dropped: number } {
  const sorted = [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (sorted.length <= limit) return { keep: sorted.map((e) => e[0]), dropped: 0 };
  return { keep: sorted.slice(0, limit - 1).map((e) => e[0]).concat(OTHER_KEY), dropped: sorted.length - (limit - 1) };
}

/**
 * Cross-tab of cells (row key × column key → count, previous). Rows and columns beyond the limits
 * (by total) are merged into one OTHER_KEY row / column so nothing is silently dropped; `colOrder`
 * keeps columns in a natural order (time buckets) instead of by size.
 */
export function buildPivot(cells: readonly PivotCell[], opts: { maxRows: number; maxCols: number; colOrder?: readonly string[]; hasPrevious: boolean }): PivotTable {
  const rowTot = new Map<string, number>();
  const colTot = new Map<string, number>();
  for (const c of cells) {
    rowTot.set(c.row, (rowTot.get(c.row) ?? 0) + c.count);
    colTot.set(c.col, (colTot.get(c.col) ?? 0) + c.count);
  }
  const r = topKeys(rowTot, opts.maxRows);
  let colKeys: string[];
  let dropped: number;
  if (opts.colOrder) {
    colKeys = opts.colOrder.filter((k) => colTot.has(k)).slice(0, opts.maxCols);
    dropped = colTot.size - colKeys.length;
    if (dropped > 0) colKeys.push(OTHER_KEY);
  } else {
    const c = topKeys(colTot, opts.maxCols);
    colKeys = c.keep;
    dropped = c.dropped;
  }
  const ri = new Map(r.keep.map((k, i) => [k, i]));
  const ci = new Map(colKeys.map((k, i) => [k, i]));
  const zero = () => r.keep.map(() => colKeys.map(() => 0));
  const counts = zero();
  const previous = opts.hasPrevious ? zero() : null;
  for (const c of cells) {
    const i = ri.get(c.row) ?? ri.get(OTHER_KEY);
    const j = ci.get(c.col) ?? ci.get(OTHER_KEY);
    if (i === undefined || j === undefined) continue;
    counts[i][j] += c.count;
    if (previous) previous[i][j] += c.previous ?? 0;
  }
  const sumRow = (m: number[][], i: number) => m[i].reduce((s, x) => s + x, 0);
  const sumCol = (m: number[][], j: number) => m.reduce((s, row) => s + row[j], 0);
  return {
    rows: r.keep.map((key, i) => ({ key, total: sumRow(counts, i), previousTotal: previous ? sumRow(previous, i) : null })),
    cols: colKeys.map((key, j) => ({ key, total: sumCol(counts, j), previousTotal: previous ? sumCol(previous, j) : null })),
    counts, previous,
    total: cells.reduce((s, c) => s + c.count, 0),
    otherRows: r.dropped, otherCols: dropped,
  };
}

/** Row-wise shares (each row sums to 1) of a count matrix. */
export function rowShares(counts: readonly (readonly number[])[]): number[][] {
  return counts.map((row) => {
    const s = row.reduce((a, x) => a + x, 0);
    return row.map((x) => (s > 0 ? x / s : 0));
  });
}

/** Column-wise shares (each column sums to 1). */
export function colShares(counts: readonly (readonly number[])[]): number[][] {
  const sums = counts[0]?.map((_, j) => counts.reduce((a, row) => a + row[j], 0)) ?? [];
  return counts.map((row) => row.map((x, j) => (sums[j] > 0 ? x / sums[j] : 0)));
}
