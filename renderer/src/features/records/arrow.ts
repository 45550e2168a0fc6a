import { tableFromIPC, type Table } from 'apache-arrow';

/** One request row of `records.page`, as plain JS values. */
export interface RecordRow {
  id: number;
  externalId: string | null;
  sourceCode: string | null;
  receivedAt: number | null;
  closedAt: number | null;
  cat1: string | null;
  cat2: string | null;
  cat3: string | null;
  district: string | null;
  street: string | null;
  community: string | null;
  department: string | null;
  status: string | null;
  satisfaction: number | null;
  title: string | null;
  lon: number | null;
  lat: number | null;
}

const STRING_COLUMNS = ['externalId', 'sourceCode', 'cat1', 'cat2', 'cat3', 'district', 'street', 'community', 'department', 'status', 'title'] as const;
const NUMBER_COLUMNS = ['receivedAt', 'closedAt', 'satisfaction', 'lon', 'lat'] as const;

/** Arrow values → number: Int32/Float64 as is, Int64 (bigint) and timestamps (Date) converted. */
function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.getTime();
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** Converts a decoded Arrow table to rows; unknown columns are ignored, missing ones are null. */
export function tableToRows(table: Table): RecordRow[] {
  const n = table.numRows;
  const col = (name: string) => table.getChild(name);
  const rows: RecordRow[] = new Array(n);
  const idCol = col('id');
  for (let i = 0; i < n; i++) rows[i] = { id: num(idCol?.get(i)) ?? i } as RecordRow;
  for (const name of STRING_COLUMNS) {
    const c = col(name);
    for (let i = 0; i < n; i++) rows[i][name] = c ? str(c.get(i)) : null;
  }
  for (const name of NUMBER_COLUMNS) {
    const c = col(name);
    for (let i = 0; i < n; i++) rows[i][name] = c ? num(c.get(i)) : null;
  }
  return rows;
}

/** Decodes the Arrow IPC stream bytes returned by `records.page`. */
export function decodeRecords(bytes: Uint8Array): RecordRow[] {
  if (bytes.byteLength === 0) return [];
  return tableToRows(tableFromIPC(bytes));
}
