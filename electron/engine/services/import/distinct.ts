import { cellText } from './readers/source';
import { openRowSource, sniffFile, type ReadOptions } from './readers';

export interface DistinctValues {
  values: { value: string; count: number }[];
  rowsScanned: number;
  blank: number;
  distinct: number;
  /** True when the whole file was read (rowsScanned is every data row). */
  complete: boolean;
}

/** Stop counting new values past this many: a free-text column is not an enumeration. */
const MAX_DISTINCT = 20_000;

/**
 * Counts the distinct values of one column (trimmed text; blanks counted apart) over the first
 * `maxRows` data rows — what the value-label editors of the mapping step show.
 */
export async function distinctValues(path: string, overrides: Partial<ReadOptions>, column: number, maxRows = 200_000, top = 200): Promise<DistinctValues> {
  const sniffed = await sniffFile(path, overrides);
  const opts: ReadOptions = {
    ...overrides, format: sniffed.format,
    ...(sniffed.encoding ? { encoding: sniffed.encoding } : {}),
    ...(sniffed.delimiter ? { delimiter: sniffed.delimiter } : {}),
    ...(sniffed.quote !== null ? { quote: sniffed.quote } : {}),
    ...(sniffed.sheet ? { sheet: sniffed.sheet } : {}),
  };
  const src = await openRowSource(path, opts);
  const counts = new Map<string, number>();
  let rows = 0;
  let blank = 0;
  let complete = true;
  try {
    outer: for await (const batch of src.batches(2000)) {
      for (const r of batch) {
        if (rows >= maxRows) { complete = false; break outer; }
        rows++;
        const v = cellText(r.cells[column] ?? null).trim();
        if (!v) { blank++; continue; }
        const n = counts.get(v);
        if (n !== undefined) counts.set(v, n + 1);
        else if (counts.size < MAX_DISTINCT) counts.set(v, 1);
      }
    }
  } finally {
    await src.close();
  }
  const values = [...counts].map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, top);
  return { values, rowsScanned: rows, blank, distinct: counts.size, complete };
}
