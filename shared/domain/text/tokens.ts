/**
 * Word tokens for analysis. The segmenter (jieba in the engine, anything in tests) is injected:
 * `Segmenter` turns a text into words in order. Pure: no Node, no DOM.
 */
export type Segmenter = (text: string) => string[];

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const ONLY_DIGITS = /^[\p{N}.,:：%％-]+$/u;
const HAN = /\p{Script=Han}/u;

/**
 * True when a segmented token is worth counting as a word: it has a letter, is not a bare number,
 * and is not a single Han character (those are mostly function words: 的, 了, 在…).
 */
export function isContentToken(tok: string): boolean {
  if (!HAS_WORD_CHAR.test(tok) || ONLY_DIGITS.test(tok)) return false;
  if (tok.length === 1 && HAN.test(tok)) return false;
  return tok.length <= 24;
}

/** Normalises a token: trimmed, lower-case (for English), full-width ASCII folded to half-width. */
export function normaliseToken(tok: string): string {
  return tok.trim().replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();
}

/** Collapses the scraping whitespace of real extracts (`\n\t\t\t`) and trims. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The content words of a text, in order (duplicates kept). */
export function contentWords(text: string, segment: Segmenter, stop?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const raw of segment(cleanText(text))) {
    const tok = normaliseToken(raw);
    if (!isContentToken(tok) || stop?.has(tok)) continue;
    out.push(tok);
  }
  return out;
}

/** Adjacent word pairs (`a_b`), the bigram features of the classifier. */
export function wordBigrams(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]}_${words[i + 1]}`);
  return out;
}
