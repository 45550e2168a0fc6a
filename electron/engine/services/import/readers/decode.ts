/**
 * Streaming text decoding: file bytes → strings, multi-byte characters split across chunks kept
 * whole (`stream: true`), a leading byte-order mark dropped. GB18030 uses the WHATWG decoder
 * ('gb18030', never 'gbk', which corrupts 4-byte sequences).
 */
import { createReadStream, type ReadStream } from 'node:fs';
import type { TextEncoding } from './types';
import { decoderLabel } from './detect';

export const CHUNK_BYTES = 1 << 20;

export function openByteStream(path: string): ReadStream {
  return createReadStream(path, { highWaterMark: CHUNK_BYTES });
}

/**
 * Decodes chunks in order; yields no empty strings. For ASCII-compatible encodings each string ends
 * after a line feed when the chunk has one (the bytes after it wait for the next chunk): a CSV
 * parser then rarely has an incomplete record to glue to the next string, which would copy it whole.
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, encoding: TextEncoding): AsyncGenerator<string> {
  // ignoreBOM: true keeps U+FEFF in the output so one rule drops it for every encoding (the
  // WHATWG decoder strips it for UTF-8/16 but not for GB18030's 84 31 95 33).
  const decoder = new TextDecoder(decoderLabel(encoding), { ignoreBOM: true });
  // 0x0A is never part of a multi-byte character in UTF-8 or GB18030 (it is in UTF-16)
  const align = encoding === 'utf8' || encoding === 'gb18030';
  let carry: Uint8Array | null = null;
  let first = true;
  const text = (bytes: Uint8Array): string => {
    let s = decoder.decode(bytes, { stream: true });
    if (first && s.length) {
      first = false;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    return s;
  };
  for await (const chunk of chunks) {
    let bytes: Uint8Array = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    if (align) {
      const lf = bytes.lastIndexOf(0x0a);
      if (lf >= 0 && lf < bytes.length - 1) {
        carry = bytes.subarray(lf + 1);
        bytes = bytes.subarray(0, lf + 1);
      }
    }
    const s = text(bytes);
    if (s.length) yield s;
  }
  let tail = (carry ? text(carry) : '') + decoder.decode();
  if (first && tail.charCodeAt(0) === 0xfeff) tail = tail.slice(1);
  if (tail.length) yield tail;
}
