/**
 * Format and encoding detection from the first bytes of a file (plus its extension as a hint).
 */
import { open } from 'node:fs/promises';
import type { SourceFormat, TextEncoding } from './types';
import { badInput, binarySignature, notImportable } from './errors';

export const SAMPLE_BYTES = 64 * 1024;

/** The WHATWG label of an encoding, for `new TextDecoder(label)`. */
export function decoderLabel(enc: TextEncoding): string {
  switch (enc) {
    case 'utf8': return 'utf-8';
    case 'gb18030': return 'gb18030';
    case 'utf16le': return 'utf-16le';
    case 'utf16be': return 'utf-16be';
  }
}

export interface Head { bytes: Buffer; size: number; complete: boolean }

/** Reads up to `n` bytes from `offset` (the whole file when it is smaller). */
export async function readHead(path: string, n = SAMPLE_BYTES, offset = 0): Promise<Head> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const want = Math.max(0, Math.min(n, size - offset));
    const bytes = Buffer.alloc(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await fh.read(bytes, got, want - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { bytes: bytes.subarray(0, got), size, complete: offset + got >= size };
  } finally {
    await fh.close();
  }
}

export interface EncodingGuess { encoding: TextEncoding; confidence: number }

/** Guesses the encoding of a text sample: BOM, then UTF-16 NUL patterns, then strict UTF-8, else GB18030. */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
  const b = sample;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf8', confidence: 1 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf16le', confidence: 1 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf16be', confidence: 1 };
  if (b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33) return { encoding: 'gb18030', confidence: 1 };
  const utf16 = utf16ByNuls(b);
  if (utf16) return { encoding: utf16, confidence: 0.9 };
  let ascii = true;
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) { ascii = false; break; }
  if (ascii) return { encoding: 'utf8', confidence: 0.5 };
  try {
    // stream: true holds back a multi-byte sequence cut at the end of the sample instead of failing
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: true });
    return { encoding: 'utf8', confidence: 0.99 };
  } catch {
    return { encoding: 'gb18030', confidence: gb18030Confidence(b) };
  }
}

/** UTF-16 without BOM: ASCII characters put NULs at odd (LE) or even (BE) offsets. */
function utf16ByNuls(b: Uint8Array): TextEncoding | null {
  const n = Math.min(b.length, 8192) & ~1;
  if (n < 4) return null;
  let even = 0, odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.05 && odd > even * 4) return 'utf16le';
  if (even >= pairs * 0.05 && even > odd * 4) return 'utf16be';
  return null;
}

/** How plausible a GB18030 reading is: share of decoded non-ASCII characters that are common Chinese text. */
function gb18030Confidence(b: Uint8Array): number {
  const text = new TextDecoder('gb18030').decode(b, { stream: true });
  let nonAscii = 0, good = 0, bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd) bad++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f)) good++;
  }
  if (bad > 0) return 0.3;
  return nonAscii === 0 ? 0.5 : good / nonAscii > 0.9 ? 0.9 : 0.6;
}

/** The text format of a decoded sample, or a BAD_INPUT error for things that are not tables. */
export function detectTextFormat(text: string, ext: string): Exclude<SourceFormat, 'xlsx'> {
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < text.length && /\s/.test(text[i])) i++;
  const first = text[i];
  if (first === '[') return 'json';
  if (first === '{') {
    if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
    const nl = text.indexOf('\n', i);
    const line = (nl < 0 ? text.slice(i) : text.slice(i, nl)).trim();
    try {
      const v: unknown = JSON.parse(line);
      if (v && typeof v === 'object' && !Array.isArray(v)) return 'jsonl';
    } catch { /* a multi-line object */ }
    if (nl < 0 && ext !== '.json') return 'jsonl'; // one long first line cut by the sample
    throw badInput('JSON 文件的顶层是单个对象，而不是记录数组（[...]）或每行一个对象的 JSON Lines',
      'the JSON top level is a single object, not an array of records ([...]) or JSON Lines (one object per line)');
  }
  if (first === '<') {
    throw badInput('看起来是网页（HTML）或 XML 文件；若是系统“导出为 Excel”得到的，请用 Excel 打开后另存为 .xlsx 或 CSV',
      'looks like a web page (HTML) or XML; if a system "exported to Excel", open it in Excel and save it as .xlsx or CSV');
  }
  return 'csv';
}

/** File-level detection: XLSX by zip magic, binaries by signature or control bytes, else text. */
export function detectFormat(head: Uint8Array, text: string | null, ext: string): SourceFormat {
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)) return 'xlsx';
  const sig = binarySignature(head);
  if (sig) throw notImportable(sig.zh, sig.en);
  if (text === null) throw notImportable('未知格式的二进制文件', 'an unknown binary file');
  return detectTextFormat(text, ext);
}

/** True when a non-UTF-16 sample looks binary: control bytes (NUL etc.) in more than 1% of it. A stray one is tolerated. */
export function looksBinary(sample: Uint8Array | Uint16Array): boolean {
  let count = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) count++;
  }
  return count > Math.max(2, sample.length / 100);
}
