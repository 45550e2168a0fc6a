/**
 * Streaming decoding in small slices: whatever the chunking (1 MB reads, 32 KB slices, lines longer
 * than a slice, characters cut anywhere) and whatever the bytes (invalid UTF-8 included), the text
 * equals what one TextDecoder call makes of the whole file, BOM aside.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { completeUtf8, decodeChunks, SLICE_BYTES } from '../../../electron/engine/services/import/readers/decode';
import type { TextEncoding } from '../../../electron/engine/services/import/readers/types';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

async function decodeIn(bytes: Uint8Array, sizes: number[], enc: TextEncoding): Promise<{ text: string; longest: number }> {
  let i = 0, k = 0, text = '', longest = 0;
  const chunks: Uint8Array[] = [];
  while (i < bytes.length) { const n = sizes[k++ % sizes.length]; chunks.push(bytes.subarray(i, i + n)); i += n; }
  for await (const s of decodeChunks((async function* () { yield* chunks; })(), enc)) { text += s; longest = Math.max(longest, s.length); }
  return { text, longest };
}

/** Text with Chinese, ASCII, 4-byte characters, long lines (beyond a slice) and short ones. */
function sample(seed: number, lines: number, long = 30_000): string {
  const r = rng(seed);
  const parts = ['市民来电反映', 'abc,', '𠀀', '"引号"', '，', 'x'];
  let s = '';
  for (let l = 0; l < lines; l++) {
    const len = l % 7 === 3 ? long : 1 + Math.floor(r() * 60);
    for (let j = 0; j < len; j++) s += parts[Math.floor(r() * parts.length)];
    s += l % 2 ? '\r\n' : '\n';
  }
  return s;
}

describe('decodeChunks', () => {
  it('finds the end of the last complete UTF-8 character', () => {
    const b = Buffer.from('a中𠀀', 'utf8'); // 1 + 3 + 4 bytes
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => completeUtf8(b.subarray(0, n)))).toEqual([0, 1, 1, 1, 4, 4, 4, 4, 8]);
  });

  it('UTF-8: the same text for every chunking, long lines and a BOM included', async () => {
    const text = sample(1, 60);
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(bytes.length).toBeGreaterThan(4 * SLICE_BYTES);
    for (const sizes of [[1 << 20], [SLICE_BYTES + 1], [7, 13, 40_000]]) {
      const got = await decodeIn(bytes, sizes, 'utf8');
      expect(got.text === text, `chunks ${sizes}`).toBe(true);
      expect(got.longest).toBeLessThanOrEqual(SLICE_BYTES + 3);
    }
    const small = sample(4, 8, 6000); // one line longer than a slice, in chunks of 1–3 bytes
    expect((await decodeIn(Buffer.from(small, 'utf8'), [1, 2, 3], 'utf8')).text === small).toBe(true);
  });

  it('UTF-8: invalid bytes become U+FFFD exactly as TextDecoder makes them', async () => {
    const r = rng(7);
    const good = Buffer.from(sample(2, 20, 5000), 'utf8');
    const bytes = Uint8Array.from(good);
    for (let k = 0; k < 200; k++) bytes[Math.floor(r() * bytes.length)] = [0xff, 0x80, 0xe4, 0xc0, 0xf4][k % 5];
    const want = new TextDecoder('utf-8').decode(bytes);
    expect(want).toContain('\uFFFD');
    for (const sizes of [[1 << 20], [5000, 1], [7]]) expect((await decodeIn(bytes, sizes, 'utf8')).text === want, `chunks ${sizes}`).toBe(true);
  });

  it('GB18030 and UTF-16: the same text for every chunking', async () => {
    const text = sample(3, 12, 6000);
    const cases: [TextEncoding, Uint8Array][] = [['gb18030', iconv.encode(text, 'gb18030')], ['utf16le', Buffer.from(text, 'utf16le')], ['utf16be', Buffer.from(text, 'utf16le').swap16()]];
    for (const [enc, bytes] of cases) {
      for (const sizes of [[1 << 20], [SLICE_BYTES - 1, 3], [5, 1]]) expect((await decodeIn(bytes, sizes, enc)).text === text, `${enc} chunks ${sizes}`).toBe(true);
    }
  });
});
