/**
 * Records as an Arrow IPC file (Feather v2), written incrementally: rows are buffered into record
 * batches of a fixed size and each batch goes to disk before the next is built, so memory stays
 * bounded whatever the row count. Read back batch by batch through apache-arrow's reader.
 */
import fs from 'node:fs';
import {
  Bool, Field, Float64, Int32, RecordBatch, RecordBatchFileWriter, RecordBatchReader, Schema, Struct, TimestampMillisecond, Utf8,
  DataType, Precision, TimeUnit, makeData, type Data,
} from 'apache-arrow';
import type { PackageColumn, PackageColumnType, PackageRecord } from '../../../../shared/domain/anonymise/columns';

const typeOf = (t: PackageColumnType): DataType => {
  switch (t) {
    case 'utf8': return new Utf8();
    case 'float64': return new Float64();
    case 'int32': return new Int32();
    case 'bool': return new Bool();
    case 'timestamp': return new TimestampMillisecond('UTC');
  }
};

export function arrowSchema(columns: readonly PackageColumn[]): Schema {
  return new Schema(columns.map((c) => new Field(c.name, typeOf(c.type), c.nullable)), new Map([['minsheng.package', '1']]));
}

/** The package's column type of an Arrow field (for the manifest check of a file's schema). */
export function packageTypeOf(t: DataType): PackageColumnType | null {
  if (DataType.isUtf8(t)) return 'utf8';
  if (DataType.isFloat(t) && t.precision === Precision.DOUBLE) return 'float64';
  if (DataType.isInt(t) && t.bitWidth === 32 && t.isSigned) return 'int32';
  if (DataType.isBool(t)) return 'bool';
  if (DataType.isTimestamp(t) && t.unit === TimeUnit.MILLISECOND) return 'timestamp';
  return null;
}

/** Validity bitmap (bit set = value present) and null count; no bitmap when nothing is null. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  const bits = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null) nullCount++; else bits[i >> 3] |= 1 << (i & 7);
  }
  return { nullBitmap: nullCount ? bits : undefined, nullCount };
}

/** Arrow data of one column, built directly into typed buffers (several times faster than the generic builders). */
function columnData(type: DataType, kind: PackageColumnType, values: readonly unknown[]): Data {
  const length = values.length;
  const { nullBitmap, nullCount } = validity(values);
  switch (kind) {
    case 'utf8': {
      // one UTF-8 encoding pass into a buffer sized for the worst case (3 bytes per UTF-16 unit)
      const offsets = new Int32Array(length + 1);
      let capacity = 0;
      for (let i = 0; i < length; i++) { const v = values[i]; if (v !== null) capacity += String(v).length * 3; }
      const data = Buffer.allocUnsafe(capacity);
      let bytes = 0;
      for (let i = 0; i < length; i++) { const v = values[i]; if (v !== null) bytes += data.write(String(v), bytes, 'utf8'); offsets[i + 1] = bytes; }
      return makeData({ type: type as Utf8, length, nullCount, nullBitmap, valueOffsets: offsets, data: new Uint8Array(data.buffer, data.byteOffset, bytes) });
    }
    case 'float64': return makeData({ type: type as Float64, length, nullCount, nullBitmap, data: Float64Array.from(values, (v) => (v === null ? 0 : Number(v))) });
    case 'int32': return makeData({ type: type as Int32, length, nullCount, nullBitmap, data: Int32Array.from(values, (v) => (v === null ? 0 : Number(v))) });
    case 'timestamp': return makeData({ type: type as TimestampMillisecond, length, nullCount, nullBitmap, data: BigInt64Array.from(values, (v) => BigInt(v === null ? 0 : Math.round(Number(v)))) });
    case 'bool': {
      const bits = new Uint8Array((length + 7) >> 3);
      for (let i = 0; i < length; i++) if (values[i] === true || values[i] === 1) bits[i >> 3] |= 1 << (i & 7);
      return makeData({ type: type as Bool, length, nullCount, nullBitmap, data: bits });
    }
  }
}

export class ArrowRecordsWriter {
  private readonly schema: Schema;
  private readonly writer = new RecordBatchFileWriter();
  private readonly fd: number;
  private readonly pump: Promise<void>;
  private buffer: PackageRecord[] = [];
  rows = 0;

  constructor(file: string, private readonly columns: readonly PackageColumn[], private readonly batchRows = 16_384) {
    this.schema = arrowSchema(columns);
    this.fd = fs.openSync(file, 'wx');
    const fd = this.fd;
    const writer = this.writer;
    // The writer is a byte stream: drain it to the file as it produces (one batch at a time in memory).
    this.pump = (async () => { for await (const chunk of writer) fs.writeSync(fd, chunk); })();
  }

  async push(rec: PackageRecord): Promise<void> {
    this.buffer.push(rec);
    if (this.buffer.length >= this.batchRows) await this.flush();
  }

  private async flush(): Promise<void> {
    const rows = this.buffer;
    this.buffer = [];
    if (rows.length === 0 && this.rows > 0) return;
    const children = this.columns.map((c, i) => columnData(this.schema.fields[i].type, c.type, rows.map((r) => r[c.name] ?? null)));
    const data = makeData({ type: new Struct(this.schema.fields), length: rows.length, nullCount: 0, children });
    this.writer.write(new RecordBatch(this.schema, data));
    this.rows += rows.length;
    // let the pump write the batch's bytes before the next batch is built
    await new Promise<void>((r) => setImmediate(r));
  }

  async close(): Promise<number> {
    await this.flush();
    this.writer.finish();
    await this.pump;
    fs.closeSync(this.fd);
    return this.rows;
  }

  /** Stops writing after a failure (the caller removes the file). */
  abort(): void {
    try { this.writer.abort(); } catch { /* already closed */ }
    try { fs.closeSync(this.fd); } catch { /* already closed */ }
  }
}

/** Reads a package's Arrow file batch by batch as plain row objects (missing columns are absent). */
export async function* readArrowRecords(file: string): AsyncGenerator<{ rows: Record<string, unknown>[]; schema: Schema }> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const reader = await RecordBatchReader.from(handle);
    await reader.open();
    for await (const batch of reader) {
      const names = batch.schema.fields.map((f) => f.name);
      const cols = names.map((n) => batch.getChild(n)!);
      const rows: Record<string, unknown>[] = new Array(batch.numRows);
      for (let i = 0; i < batch.numRows; i++) {
        const o: Record<string, unknown> = {};
        for (let c = 0; c < names.length; c++) o[names[c]] = cols[c].get(i);
        rows[i] = o;
      }
      yield { rows, schema: batch.schema };
    }
  } finally {
    await handle.close();
  }
}
