/**
 * Streaming readers of the import pipeline.
 *   sniffFile(path, overrides?)  → format, encoding (+ confidence), CSV dialect, sheets, headers and
 *                                  the first 20 rows as text, using the same reader an import uses.
 *   openRowSource(path, opts)    → a RowSource: headers, then batches pulled by the consumer.
 * Formats: XLSX (zip magic), JSON array ('[' first), JSON Lines ('{' first line), else delimited text.
 * Files that are not tables (images, PDFs, executables, archives, Word documents…) are refused with
 * ApiError('BAD_INPUT') and a message in Chinese and English saying what the file looks like.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ApiError } from '../../../../../shared/api/errors';
import type { ReadOptions, RowSource, Sniffed, SourceFormat, TextEncoding } from './types';
import { openCsv, sniffDialect } from './csv-reader';
import { decoderLabel, detectEncoding, detectFormat, looksBinary, readHead, SAMPLE_BYTES, type EncodingGuess, type Head } from './detect';
import { badInput, binarySignature, notImportable } from './errors';
import { openJsonArray, openJsonLines } from './json-reader';
import { cellText } from './source';
import { listSheets, openXlsx } from './xlsx-reader';
import { readWorkbookInfo, type WorkbookInfo } from './xlsx-workbook';

export type { ReadOptions, RawRow, RowSource, Sniffed, SourceFormat, TextEncoding } from './types';

export const SAMPLE_ROWS = 20;
/** How far into an ASCII-only file to look for the first non-ASCII byte that tells the encoding. */
const ASCII_SCAN_BYTES = 64 << 20;

async function fileSize(path: string): Promise<number> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('FILE_NOT_FOUND', { path });
    throw e;
  }
  if (!st.isFile()) throw badInput(`“${path}”不是文件`, `"${path}" is not a file`);
  if (st.size === 0) throw badInput('文件是空的', 'the file is empty');
  return st.size;
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05);

/** Encoding of a text file; an ASCII-only head is extended to the first non-ASCII bytes. */
async function guessEncoding(path: string, head: Head): Promise<EncodingGuess> {
  const g = detectEncoding(head.bytes);
  if (g.confidence !== 0.5 || g.encoding !== 'utf8') return g;
  if (head.complete) return { encoding: 'utf8', confidence: 1 }; // pure ASCII: every reading agrees
  for (let off = head.bytes.length; off < Math.min(head.size, ASCII_SCAN_BYTES); off += 1 << 20) {
    const chunk = await readHead(path, 1 << 20, off);
    const i = chunk.bytes.findIndex((b) => b > 0x7f);
    if (i < 0) continue;
    const window = await readHead(path, SAMPLE_BYTES, off + i);
    const later = detectEncoding(window.bytes);
    return later.encoding === 'utf8' || later.encoding === 'gb18030' ? later : { encoding: 'utf8', confidence: 0.5 };
  }
  return { encoding: 'utf8', confidence: head.size <= ASCII_SCAN_BYTES ? 1 : 0.9 };
}

interface Detected { format: SourceFormat; guess: EncodingGuess | null; text: string | null; head: Head }

async function detect(path: string, forced: SourceFormat | undefined, forcedEncoding: TextEncoding | undefined): Promise<Detected> {
  const head = await readHead(path);
  if (forced === 'xlsx' || (!forced && isZip(head.bytes))) return { format: 'xlsx', guess: null, text: null, head };
  const sig = binarySignature(head.bytes);
  if (sig) throw notImportable(sig.zh, sig.en);
  const guess: EncodingGuess = forcedEncoding ? { encoding: forcedEncoding, confidence: 1 } : await guessEncoding(path, head);
  const utf16 = guess.encoding === 'utf16le' || guess.encoding === 'utf16be';
  const text = new TextDecoder(decoderLabel(guess.encoding)).decode(head.bytes, { stream: true });
  // bytes for 8-bit encodings; for UTF-16 the decoded characters (NULs are expected in its bytes)
  if (utf16 ? looksBinary(Uint16Array.from(text, (c) => c.charCodeAt(0))) : looksBinary(head.bytes)) {
    throw notImportable('未知格式的二进制文件', 'an unknown binary file');
  }
  const format = forced ?? detectFormat(head.bytes, text, extname(path).toLowerCase());
  return { format, guess, text, head };
}

async function open(path: string, opts: ReadOptions, size: number, d: Detected | null, info?: WorkbookInfo): Promise<RowSource> {
  if (opts.format === 'xlsx') return openXlsx(path, opts, info);
  const det = d ?? (await detect(path, opts.format, opts.encoding));
  const encoding = opts.encoding ?? det.guess!.encoding;
  if (opts.format === 'json') return openJsonArray(path, opts, encoding, size);
  if (opts.format === 'jsonl') return openJsonLines(path, opts, encoding, size);
  const dialect = opts.delimiter !== undefined && opts.quote !== undefined
    ? { delimiter: opts.delimiter, quote: opts.quote }
    : sniffDialect(det.text ?? '', det.head.complete, extname(path).toLowerCase(), { delimiter: opts.delimiter, quote: opts.quote });
  return openCsv(path, { ...opts, ...dialect }, encoding, size);
}

/** Opens a file for reading rows. Unset options (encoding, delimiter, quote) are detected. */
export async function openRowSource(path: string, opts: ReadOptions): Promise<RowSource> {
  const size = await fileSize(path);
  return open(path, opts, size, null);
}

/**
 * The file's size as CSV-like text, for decisions sized by the amount of data (an XLSX is
 * compressed: half the uncompressed XML of its sheet and shared strings, about the CSV it would be).
 */
export async function textBytesOf(path: string, opts: ReadOptions, fileSize: number): Promise<number> {
  if (opts.format !== 'xlsx') return fileSize;
  try {
    const info = await readWorkbookInfo(path);
    const sheet = info.sheets.find((s) => s.name === opts.sheet) ?? info.sheets[0];
    const size = (part: string | null | undefined): number => (part ? info.zip.entries.get(part)?.size ?? 0 : 0);
    return Math.max(fileSize, (size(sheet?.part) + size(info.sharedStrings)) / 2);
  } catch {
    return fileSize; // the reader reports what is wrong with the file
  }
}

/** Detects what a file is and previews it: headers and the first 20 data rows as text. */
export async function sniffFile(path: string, overrides: Partial<ReadOptions> = {}): Promise<Sniffed> {
  const size = await fileSize(path);
  const d = await detect(path, overrides.format, overrides.encoding);
  let info: WorkbookInfo | undefined;
  let sheets: string[] = [];
  let sheet: string | null = null;
  const opts: ReadOptions = { ...overrides, format: d.format };
  if (d.format === 'xlsx') {
    const l = await listSheets(path);
    info = l.info;
    sheets = l.names;
    sheet = overrides.sheet ?? sheets[0] ?? null;
    if (sheet !== null) opts.sheet = sheet;
  } else {
    opts.encoding = overrides.encoding ?? d.guess!.encoding;
    if (d.format === 'csv') {
      const dialect = sniffDialect(d.text ?? '', d.head.complete, extname(path).toLowerCase(), { delimiter: overrides.delimiter, quote: overrides.quote });
      opts.delimiter = dialect.delimiter;
      opts.quote = dialect.quote;
    }
  }
  const src = await open(path, opts, size, d, info);
  const sample: string[][] = [];
  try {
    for await (const batch of src.batches(SAMPLE_ROWS)) {
      for (const r of batch) sample.push(r.cells.map(cellText));
      break;
    }
  } finally {
    await src.close();
  }
  return {
    format: d.format,
    encoding: d.format === 'xlsx' ? null : opts.encoding!,
    encodingConfidence: d.format === 'xlsx' ? 1 : overrides.encoding ? 1 : d.guess!.confidence,
    delimiter: opts.delimiter ?? null,
    quote: d.format === 'csv' ? opts.quote ?? '"' : null,
    sheets,
    sheet,
    headers: src.headers,
    sample,
    fileSize: size,
  };
}
