/**
 * Splitting a category text that holds a hierarchy ('城乡建设/住房保障/物业管理', 'Noise - Residential',
 * '环境保护>噪声污染'). Strong separators (> → | and spaced ' / ', ' - ') always split; bare '/', '-' and
 * their full-width forms split only when every part holds Chinese, so 'Metal/Household Appliances' or
 * 'e-waste' stay whole.
 */
import { hasCjk, trimText } from './text';

const STRONG = ['>', '＞', '→', '»', '›', '|', '｜', ' / ', ' - ', ' — ', '－', '——'];
const WEAK = ['/', '／', '-', '—', '\\'];

function parts(s: string, sep: string): string[] {
  const out: string[] = [];
  for (const p of s.split(sep)) {
    const t = trimText(p);
    if (t) out.push(t);
  }
  return out;
}

/** The levels of a hierarchical category text (at most 3: deeper levels are joined into the third), or null. */
export function splitCategoryPath(text: string): string[] | null {
  for (const sep of STRONG) {
    if (!text.includes(sep)) continue;
    const p = parts(text, sep);
    if (p.length >= 2) return cap(p);
  }
  for (const sep of WEAK) {
    if (!text.includes(sep)) continue;
    const p = parts(text, sep);
    if (p.length >= 2 && p.every(hasCjk)) return cap(p);
  }
  return null;
}

function cap(p: string[]): string[] {
  return p.length <= 3 ? p : [p[0], p[1], p.slice(2).join(' / ')];
}
