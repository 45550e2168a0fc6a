import { Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';

export type ColumnType = 'utf8' | 'float64' | 'int32';

/** Encodes row objects as an Arrow IPC stream with the given column order and types. */
export function rowsToArrowIPC<R extends object>(rows: readonly R[], columns: readonly (readonly [keyof R & string, ColumnType])[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, type] of columns) {
    const values = rows.map((r) => (r as Record<string, unknown>)[name] ?? null);
    const dt = type === 'utf8' ? new Utf8() : type === 'int32' ? new Int32() : new Float64();
    vectors[name] = vectorFromArray(values as never[], dt as never) as Vector;
  }
  return tableToIPC(new Table(vectors), 'stream');
}
