/**
 * JSON readers.
 * - JSON array (streamed with stream-json): an array of objects → headers are the keys of the first
 *   1000 objects in order of appearance; keys first seen later are not columns but stay in `raw`
 *   (the whole object as JSON), so nothing is lost. An array of arrays is read like a sheet: the
 *   headerRow-th array is the header. rowNumber = element index + 1.
 * - JSON Lines: one object per line, headers as above; rowNumber = line number. A line that is not
 *   a JSON object yields a row with cells [] and raw = the line, which the mapper rejects with
 *   PARSE_ERROR. Empty lines are blank rows.
 * Values: strings, numbers and booleans as they are, null as null, nested objects/arrays as JSON text.
 */
import { Readable, pipeline } from 'node:stream';
import streamArray from 'stream-json/streamers/stream-array.js';
import type { Cell } from '../../../../../shared/domain/ingest/types';
import type { RawRow, ReadOptions, RowSource, TextEncoding } from './types';
import { decodeChunks, openByteStream } from './decode';
import { asReadError } from './errors';
import { cleanHeader, headerRowOf, isBlankRow, makeRowSource, type SourceState } from './source';

export const HEADER_SAMPLE_OBJECTS = 1000;

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Item { n: number; value: unknown; raw: string | null; ok: boolean }

/** Turns parsed items into rows; holds the first 1000 objects back until the headers are known. */
class RowBuilder {
  private keys: string[] | null = null;
  private index = new Map<string, number>();
  private held: Item[] = [];
  private objects = 0;
  private arrays: boolean | null = null;

  constructor(private readonly state: SourceState, private readonly headerRow: number) {}

  add(item: Item, out: RawRow[]): void {
    if (this.arrays === null && item.ok) this.arrays = Array.isArray(item.value);
    if (this.arrays) return this.addArray(item, out);
    if (this.keys) return this.emit(item, out);
    this.held.push(item);
    if (item.ok && isPlainObject(item.value)) {
      for (const k of Object.keys(item.value)) if (!this.index.has(k)) this.index.set(k, this.index.size);
      if (++this.objects >= HEADER_SAMPLE_OBJECTS) this.fix(out);
    }
  }

  finish(out: RawRow[]): void {
    if (!this.arrays && !this.keys) this.fix(out);
    if (this.state.headers === null) this.state.headers = [];
  }

  private fix(out: RawRow[]): void {
    this.keys = [...this.index.keys()];
    this.state.headers = this.keys.map(cleanHeader);
    for (const it of this.held) this.emit(it, out);
    this.held = [];
  }

  private emit(item: Item, out: RawRow[]): void {
    const raw = item.raw ?? JSON.stringify(item.value);
    if (!item.ok || !isPlainObject(item.value)) {
      out.push({ rowNumber: item.n, cells: [], raw });
      return;
    }
    const cells: Cell[] = new Array(this.keys!.length).fill(null);
    for (const [k, v] of Object.entries(item.value)) {
      const i = this.index.get(k);
      if (i !== undefined) cells[i] = toCell(v);
    }
    if (isBlankRow(cells) && isBlankRow(Object.values(item.value).map(toCell))) this.state.blank++;
    else out.push({ rowNumber: item.n, cells, raw });
  }

  private addArray(item: Item, out: RawRow[]): void {
    const raw = item.raw ?? JSON.stringify(item.value);
    if (item.n < this.headerRow) return;
    if (!item.ok || !Array.isArray(item.value)) {
      if (item.n > this.headerRow) out.push({ rowNumber: item.n, cells: [], raw });
      return;
    }
    const cells = item.value.map(toCell);
    if (item.n === this.headerRow) this.state.headers = cells.map(cleanHeader);
    else if (isBlankRow(cells)) this.state.blank++;
    else out.push({ rowNumber: item.n, cells, raw });
  }
}

/** A top-level JSON array, streamed element by element. */
export async function openJsonArray(path: string, opts: ReadOptions, encoding: TextEncoding, totalBytes: number): Promise<RowSource> {
  const bytes = openByteStream(path);
  const state: SourceState = { headers: null, blank: 0 };
  const parser = streamArray.withParserAsStream();
  let pipeError: Error | null = null;
  pipeline(Readable.from(decodeChunks(bytes, encoding)), parser, (err) => { if (err) pipeError = err; });
  const builder = new RowBuilder(state, headerRowOf(opts.headerRow));

  async function* rows(): AsyncGenerator<RawRow[], void, undefined> {
    let out: RawRow[] = [];
    let count = 0;
    try {
      for await (const item of parser as AsyncIterable<{ key: number; value: unknown }>) {
        builder.add({ n: item.key + 1, value: item.value, raw: null, ok: true }, out);
        count++;
        if (out.length >= 1000) {
          yield out;
          out = [];
        }
      }
      if (pipeError) throw pipeError;
      builder.finish(out);
      if (out.length) yield out;
    } catch (e) {
      // the rows read before the error are delivered first (also those held back for the headers)
      const err = asReadError(pipeError ?? e, `JSON 文件（第 ${count} 条记录之后）`, `JSON file (after element ${count})`);
      builder.finish(out);
      if (out.length) yield out;
      throw err;
    } finally {
      parser.destroy();
      bytes.destroy();
    }
  }

  return makeRowSource({ rows: rows(), state, totalBytes, bytesRead: () => bytes.bytesRead, release: () => void bytes.destroy() });
}

/** JSON Lines: one JSON object per line. */
export async function openJsonLines(path: string, opts: ReadOptions, encoding: TextEncoding, totalBytes: number): Promise<RowSource> {
  const bytes = openByteStream(path);
  const state: SourceState = { headers: null, blank: 0 };
  const builder = new RowBuilder(state, headerRowOf(opts.headerRow));

  async function* rows(): AsyncGenerator<RawRow[], void, undefined> {
    let carry = '';
    let lineNo = 0;
    let out: RawRow[] = [];
    const line = (text: string): void => {
      lineNo++;
      const l = text.endsWith('\r') ? text.slice(0, -1) : text;
      if (l.trim() === '') {
        state.blank++;
        return;
      }
      let value: unknown;
      let ok = true;
      try {
        value = JSON.parse(l);
      } catch {
        ok = false;
      }
      builder.add({ n: lineNo, value, raw: l, ok: ok && isPlainObject(value) }, out);
    };
    try {
      for await (const text of decodeChunks(bytes, encoding)) {
        let start = 0;
        let nl = text.indexOf('\n');
        if (nl >= 0) {
          line(carry + text.slice(0, nl));
          carry = '';
          start = nl + 1;
          while ((nl = text.indexOf('\n', start)) >= 0) {
            line(text.slice(start, nl));
            start = nl + 1;
          }
        }
        carry += text.slice(start);
        if (out.length) {
          yield out;
          out = [];
        }
      }
      if (carry.length) line(carry);
      builder.finish(out);
      if (out.length) yield out;
    } finally {
      bytes.destroy();
    }
  }

  return makeRowSource({ rows: rows(), state, totalBytes, bytesRead: () => bytes.bytesRead, release: () => void bytes.destroy() });
}
