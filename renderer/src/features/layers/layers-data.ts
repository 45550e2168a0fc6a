/** Decoding of the layer methods' Arrow answers and small shared helpers of the layers section. */
import { tableFromIPC } from 'apache-arrow';

export type Row = Record<string, string | number | null>;

/** Arrow IPC bytes as plain rows (BigInt-free: counts come as Int32). */
export function arrowRows(bytes: Uint8Array): Row[] {
  if (bytes.byteLength === 0) return [];
  return tableFromIPC(bytes).toArray().map((r) => r.toJSON() as Row);
}

/** Attribute columns of `layers.features` (named "a:<field>"). */
export function attributeColumns(rows: readonly Row[]): string[] {
  return rows.length ? Object.keys(rows[0]).filter((k) => k.startsWith('a:')).map((k) => k.slice(2)) : [];
}

/** Sort comparator for attribute cells: numbers numerically, text in Chinese collation. */
export function compareCells(a: unknown, b: unknown): number {
  const na = Number(a); const nb = Number(b);
  if (a !== null && b !== null && a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return String(a ?? '').localeCompare(String(b ?? ''), 'zh-CN');
}

/** Whether any cell of the row contains the query (case-insensitive). */
export function rowMatches(row: Row, q: string): boolean {
  const needle = q.trim().toLowerCase();
  return !needle || Object.values(row).some((v) => v !== null && String(v).toLowerCase().includes(needle));
}

export const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)} %`);
