/**
 * Text-level sniffing of delimited files from a decoded sample: the delimiter (the candidate whose field
 * count is most consistent across the first records, quotes respected) and the quote character.
 */
export { detectEncoding, type EncodingGuess, type TextEncodingName } from './encoding';

export type Delimiter = ',' | '\t' | '|' | ';';
const CANDIDATES: readonly Delimiter[] = [',', '\t', '|', ';'];
const MAX_RECORDS = 50;

/** Fields per record for the first records of `sample` (blank lines skipped; a cut-off last record dropped). */
export function fieldCounts(sample: string, delimiter: string, quote = '"'): number[] {
  const counts: number[] = [];
  const n = sample.length;
  let fields = 1;
  let inQuote = false;
  let atStart = true;
  let empty = true;
  let i = 0;
  for (; i < n && counts.length < MAX_RECORDS; i++) {
    const c = sample[i];
    if (inQuote) {
      if (c === quote) {
        if (sample[i + 1] === quote) i++; else inQuote = false;
      }
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (!empty) counts.push(fields);
      if (c === '\r' && sample[i + 1] === '\n') i++;
      fields = 1; atStart = true; empty = true;
      continue;
    }
    if (c === delimiter) { fields++; atStart = true; empty = false; continue; }
    if (c === quote && atStart) { inQuote = true; empty = false; continue; }
    atStart = false;
    if (c !== ' ' && c !== '\t') empty = false;
  }
  // The record after the last newline is complete only when the sample ended before the record limit with no open quote.
  if (i >= n && !empty && !inQuote && counts.length === 0) counts.push(fields);
  return counts;
}

function modeOf(counts: number[]): { mode: number; share: number } {
  const freq = new Map<number, number>();
  let mode = 0;
  let best = 0;
  for (const c of counts) {
    const f = (freq.get(c) ?? 0) + 1;
    freq.set(c, f);
    if (f > best || (f === best && c > mode)) { best = f; mode = c; }
  }
  return { mode, share: counts.length ? best / counts.length : 0 };
}

/** The delimiter of a delimited text sample (',' when no candidate yields two or more fields consistently). */
export function sniffDelimiter(sample: string): Delimiter {
  let best: Delimiter = ',';
  let bestShare = 0;
  let bestMode = 0;
  for (const d of CANDIDATES) {
    const { mode, share } = modeOf(fieldCounts(sample, d));
    if (mode < 2) continue;
    if (share > bestShare + 1e-9 || (Math.abs(share - bestShare) < 1e-9 && mode > bestMode)) {
      best = d; bestShare = share; bestMode = mode;
    }
  }
  return best;
}

/** The quote character: the one that opens more fields (after a delimiter or at line start); '"' by default. */
export function sniffQuote(sample: string, delimiter: string = sniffDelimiter(sample)): '"' | "'" {
  let dq = 0;
  let sq = 0;
  let prev = '\n';
  for (let i = 0; i < sample.length && i < 1 << 20; i++) {
    const c = sample[i];
    if ((prev === delimiter || prev === '\n' || prev === '\r') && (c === '"' || c === "'")) {
      // a quote that opens a field must close before the next delimiter or line end
      let close = -1;
      for (let j = i + 1; j < sample.length && j < i + 4096; j++) if (sample[j] === c) { close = j; break; }
      if (close > i) {
        const after = sample[close + 1];
        if (after === undefined || after === delimiter || after === '\n' || after === '\r' || after === c) { if (c === '"') dq++; else sq++; }
      }
    }
    prev = c;
  }
  return sq > dq ? "'" : '"';
}
