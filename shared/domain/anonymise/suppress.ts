/**
 * Small-cell suppression for published aggregates: a count below k (but above zero) is withheld, since
 * it could identify the few people behind it. Zero cells stay (they reveal nobody).
 */
export interface Cell<K> { key: K; count: number }
export interface SuppressedCell<K> { key: K; count: number | null; suppressed: boolean }

export interface SuppressionResult<K> {
  cells: SuppressedCell<K>[];
  suppressedCells: number;
  suppressedRecords: number;
}

export function suppressSmallCells<K>(cells: readonly Cell<K>[], k: number): SuppressionResult<K> {
  let suppressedCells = 0;
  let suppressedRecords = 0;
  const out = cells.map((c) => {
    const hide = c.count > 0 && c.count < k;
    if (hide) { suppressedCells++; suppressedRecords += c.count; }
    return { key: c.key, count: hide ? null : c.count, suppressed: hide };
  });
  return { cells: out, suppressedCells, suppressedRecords };
}

/** How a suppressed count is printed in a table: "<5". */
export function suppressedLabel(k: number): string {
  return `<${k}`;
}
