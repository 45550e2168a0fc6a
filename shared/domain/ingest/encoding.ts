/**
 * Byte-level encoding detection for text extracts: BOMs, UTF-16 without BOM from NUL-byte patterns,
 * strict UTF-8 validation, else GB18030 (Chinese exports from Excel/WPS on Windows) with a confidence
 * from the share of valid GB byte sequences. No TextDecoder needed.
 */

export type TextEncodingName = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';
export interface EncodingGuess { encoding: TextEncodingName; confidence: number; bom: boolean }

interface Utf8Scan { multi: number; errors: number }

/** Count valid multi-byte sequences and errors; a sequence cut off by the end of the sample is not an error. */
export function scanUtf8(b: Uint8Array): Utf8Scan {
  const n = b.length;
  let multi = 0;
  let errors = 0;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) { need = 2; if (c === 0xe0) lo = 0xa0; else if (c === 0xed) hi = 0x9f; } else if (c >= 0xf0 && c <= 0xf4) { need = 3; if (c === 0xf0) lo = 0x90; else if (c === 0xf4) hi = 0x8f; } else { errors++; i++; continue; }
    let ok = true;
    let k = 1;
    for (; k <= need && i + k < n; k++) {
      const t = b[i + k];
      const l = k === 1 ? lo : 0x80;
      const h = k === 1 ? hi : 0xbf;
      if (t < l || t > h) { ok = false; break; }
    }
    if (!ok) { errors++; i += k; continue; }
    if (k <= need) break; // truncated at the end of the sample
    multi++;
    i += need + 1;
  }
  return { multi, errors };
}

/** Count valid and invalid GB18030 multi-byte sequences. */
export function scanGb18030(b: Uint8Array): { valid: number; invalid: number } {
  const n = b.length;
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    if (c === 0x80 || c === 0xff) { invalid++; i++; continue; }
    if (i + 1 >= n) break;
    const t = b[i + 1];
    if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) { valid++; i += 2; continue; }
    if (t >= 0x30 && t <= 0x39) {
      if (i + 3 >= n) break;
      const t3 = b[i + 2];
      const t4 = b[i + 3];
      if (t3 >= 0x81 && t3 <= 0xfe && t4 >= 0x30 && t4 <= 0x39) { valid++; i += 4; continue; }
    }
    invalid++;
    i++;
  }
  return { valid, invalid };
}

/** Guess the encoding of the first bytes of a text file. */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const n = bytes.length;
  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf8', confidence: 1, bom: true };
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf16le', confidence: 1, bom: true };
  if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf16be', confidence: 1, bom: true };
  const pairs = Math.floor(n / 2);
  if (pairs >= 2) {
    let zeroEven = 0;
    let zeroOdd = 0;
    for (let i = 0; i < pairs * 2; i++) if (bytes[i] === 0) { if (i & 1) zeroOdd++; else zeroEven++; }
    const odd = zeroOdd / pairs;
    const even = zeroEven / pairs;
    if (odd >= 0.2 && even < 0.02) return { encoding: 'utf16le', confidence: Math.min(0.95, 0.5 + odd), bom: false };
    if (even >= 0.2 && odd < 0.02) return { encoding: 'utf16be', confidence: Math.min(0.95, 0.5 + even), bom: false };
  }
  const u = scanUtf8(bytes);
  if (u.errors === 0) return { encoding: 'utf8', confidence: u.multi > 0 ? 0.99 : 0.6, bom: false };
  if (u.multi >= 20 && u.errors * 50 < u.multi) return { encoding: 'utf8', confidence: 0.7, bom: false };
  const g = scanGb18030(bytes);
  const total = g.valid + g.invalid;
  const share = total ? g.valid / total : 0.5;
  return { encoding: 'gb18030', confidence: Math.round(share * 0.95 * 1000) / 1000, bom: false };
}
