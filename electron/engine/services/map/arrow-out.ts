import { Table, Utf8, makeVector, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';

type Column = Float64Array | Float32Array | Int32Array | Uint32Array | readonly (string | null)[];

/**
 * Encodes typed-array columns as one Arrow IPC stream (no per-row objects), with small scalar facts
 * (cell size, totals, grid shape) carried as schema metadata.
 */
export function columnsToArrowIPC(columns: Record<string, Column>, meta: Record<string, string | number | boolean | null> = {}): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, col] of Object.entries(columns)) {
    vectors[name] = Array.isArray(col) ? vectorFromArray(col as (string | null)[], new Utf8()) as Vector : makeVector(col as Float64Array) as Vector;
  }
  const table = new Table(vectors);
  for (const [k, v] of Object.entries(meta)) table.schema.metadata.set(k, JSON.stringify(v));
  return tableToIPC(table, 'stream');
}
