/**
 * Records as CSV for spreadsheets: UTF-8 with a byte-order mark (Excel opens Chinese text correctly),
 * CRLF line ends, a header of column names. Times are ISO 8601 in Shanghai time with the +08:00 offset
 * (readable and still exact); booleans true/false; empty cell = no value. Read back with the import
 * parser and typed by the manifest's column list.
 */
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { PackageColumn, PackageColumnType, PackageRecord } from '../../../../shared/domain/anonymise/columns';
import { CsvParser } from '../import/readers/csv-parser';
import { toCsvLine } from '../import/csv-out';

const OFFSET = 8 * 3_600_000;

/** 2024-03-05T09:30:00.000+08:00 */
export function isoShanghai(ms: number): string {
  return `${new Date(ms + OFFSET).toISOString().slice(0, 23)}+08:00`;
}

function cell(v: unknown, type: PackageColumnType): string {
  if (v === null || v === undefined) return '';
  if (type === 'timestamp') return isoShanghai(Number(v));
  return String(v);
}

export class CsvRecordsWriter {
  private readonly fd: number;
  private lines: string[] = [];
  rows = 0;

  constructor(file: string, private readonly columns: readonly PackageColumn[]) {
    this.fd = fs.openSync(file, 'wx');
    fs.writeSync(this.fd, `\uFEFF${toCsvLine(columns.map((c) => c.name))}\r\n`);
  }

  push(rec: PackageRecord): void {
    this.lines.push(toCsvLine(this.columns.map((c) => cell(rec[c.name], c.type))));
    this.rows++;
    if (this.lines.length >= 5000) this.flush();
  }

  private flush(): void {
    if (this.lines.length) fs.writeSync(this.fd, `${this.lines.join('\r\n')}\r\n`);
    this.lines = [];
  }

  close(): number {
    this.flush();
    fs.closeSync(this.fd);
    return this.rows;
  }

  abort(): void {
    try { fs.closeSync(this.fd); } catch { /* already closed */ }
  }
}

function parseCell(s: string, type: PackageColumnType): unknown {
  if (s === '') return null;
  switch (type) {
    case 'utf8': return s;
    case 'timestamp': { const t = Date.parse(s); return Number.isFinite(t) ? t : null; }
    case 'bool': return s === 'true' || s === '1';
    default: { const n = Number(s); return Number.isFinite(n) ? n : null; }
  }
}

/** Reads a package CSV in batches of row objects typed by the manifest's columns. */
export async function* readCsvRecords(file: string, columns: readonly PackageColumn[], batchRows = 10_000): AsyncGenerator<Record<string, unknown>[]> {
  const types = new Map(columns.map((c) => [c.name as string, c.type]));
  const parser = new CsvParser(',', '"');
  const decoder = new StringDecoder('utf8');
  let header: string[] | null = null;
  let out: Record<string, unknown>[] = [];
  const sink = (fields: string[]) => {
    if (!header) { header = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f)); return; }
    const o: Record<string, unknown> = {};
    header.forEach((h, i) => { const t = types.get(h); if (t) o[h] = parseCell(fields[i] ?? '', t); });
    out.push(o);
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    parser.push(decoder.write(chunk as Buffer), sink);
    if (out.length >= batchRows) { yield out; out = []; }
  }
  parser.push(decoder.end(), sink);
  parser.end(sink);
  if (out.length) yield out;
}
