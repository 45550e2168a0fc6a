/**
 * Word list files for the dictionary screen: read one word per line from a plain list, a jieba
 * dictionary ("word freq tag"), CSV/TSV (first column) or a Sogou-style space-separated list; and
 * write a list back as UTF-8 text, one word per line. Pure: no DOM.
 */

/** The rule the engine applies to each word (shared/api/areas/text.ts): 1–30 characters, no spaces. */
export const validWord = (w: string): boolean => w.length >= 1 && w.length <= 30 && !/\s/u.test(w);

export interface ParsedWords { words: string[]; rejected: string[]; duplicates: number }

export function parseWordList(text: string): ParsedWords {
  const seen = new Set<string>();
  const words: string[] = []; const rejected: string[] = [];
  let duplicates = 0;
  for (const raw of text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    // first field of CSV / TSV / a jieba dictionary line; a quoted CSV cell loses its quotes
    const first = line.split(/[,\t，]|\s+/u)[0].replace(/^"(.*)"$/u, '$1').trim();
    if (!first) continue;
    if (!validWord(first)) { rejected.push(first); continue; }
    if (seen.has(first)) { duplicates++; continue; }
    seen.add(first);
    words.push(first);
  }
  return { words, rejected, duplicates };
}

/** Merges new words into a list (kept in its order, new ones appended); returns the list and how many were new. */
export function mergeWords(current: readonly string[], add: readonly string[]): { words: string[]; added: number } {
  const have = new Set(current);
  const fresh = add.filter((w) => !have.has(w) && (have.add(w), true));
  return { words: [...current, ...fresh], added: fresh.length };
}

export const wordListText = (words: readonly string[]): string => `${words.join('\n')}\n`;
