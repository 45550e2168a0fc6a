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

/** Decodes chunks in order; yields no empty strings. */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, encoding: TextEncoding): AsyncGenerator<string> {
  // ignoreBOM: true keeps U+FEFF in the output so one rule drops it for every encoding (the
  // WHATWG decoder strips it for UTF-8/16 but not for GB18030's 84 31 95 33).
  const decoder = new TextDecoder(decoderLabel(encoding), { ignoreBOM: true });
  let first = true;
  for await (const chunk of chunks) {
    let s = decoder.decode(chunk, { stream: true });
    if (first && s.length) {
      first = false;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    if (s.length) yield s;
  }
  let tail = decoder.decode();
  if (first && tail.charCodeAt(0) === 0xfeff) tail = tail.slice(1);
  if (tail.length) yield tail;
}
