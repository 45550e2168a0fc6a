/**
 * The CJK font for reports: Noto Sans SC (SIL Open Font License 1.1) from @fontsource/noto-sans-sc,
 * split by Google Fonts into ~100 unicode-range subsets. Only the subsets whose ranges the document's
 * characters hit are embedded (base64 woff2 @font-face), which keeps a report HTML to a few hundred KB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const FAMILY = 'Noto Sans SC';
type Range = [number, number];
interface Subset { key: string; file: string; ranges: Range[]; css: string }

const req = createRequire(import.meta.url);

/** Where the fontsource files are: MINSHENG_FONT_DIR, node_modules, or the app's resources. */
export function fontDir(): string | null {
  const candidates = [
    process.env.MINSHENG_FONT_DIR,
    (() => { try { return path.dirname(req.resolve('@fontsource/noto-sans-sc/unicode.json')); } catch { return undefined; } })(),
    path.resolve(process.cwd(), 'node_modules/@fontsource/noto-sans-sc'),
    process.resourcesPath ? path.join(process.resourcesPath, 'fonts/noto-sans-sc') : undefined,
  ];
  return candidates.find((d): d is string => !!d && fs.existsSync(path.join(d, 'unicode.json'))) ?? null;
}

let cache: { dir: string; subsets: Subset[] } | null = null;

function parseRanges(css: string): Range[] {
  return css.split(',').map((p) => p.trim().replace(/^U\+/i, '')).filter(Boolean).map((p) => {
    const [a, b] = p.split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)] as Range;
  });
}

function subsets(): { dir: string; subsets: Subset[] } | null {
  if (cache) return cache;
  const dir = fontDir();
  if (!dir) return null;
  const map = JSON.parse(fs.readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const list = Object.entries(map).map(([k, css]) => {
    const key = k.replace(/^\[|\]$/g, '');
    return { key, file: path.join(dir, 'files', `noto-sans-sc-${key}-400-normal.woff2`), ranges: parseRanges(css), css };
  }).filter((s) => fs.existsSync(s.file));
  cache = { dir, subsets: list };
  return cache;
}

/** Subsets needed for the characters of `text`: latin (digits, punctuation) first, then one subset per still-uncovered character. */
export function subsetsFor(text: string): Subset[] {
  const all = subsets()?.subsets ?? [];
  const covers = (s: Subset, c: number) => s.ranges.some(([a, b]) => c >= a && c <= b);
  const chosen = all.filter((s) => s.key === 'latin');
  const cps = new Set<number>();
  for (const ch of text) cps.add(ch.codePointAt(0)!);
  for (const c of cps) {
    if (c < 0x20 || chosen.some((s) => covers(s, c))) continue;
    const s = all.find((x) => covers(x, c));
    if (s) chosen.push(s);
  }
  return chosen;
}

/** @font-face rules with the needed subsets as base64 data URLs (empty when the font files are missing). */
export function fontFaceCss(text: string): string {
  return subsetsFor(text).map((s) => `@font-face{font-family:'${FAMILY}';font-style:normal;font-weight:400;font-display:block;` +
    `src:url(data:font/woff2;base64,${fs.readFileSync(s.file).toString('base64')}) format('woff2');unicode-range:${s.css};}`).join('\n');
}

export const fontAvailable = (): boolean => subsets() !== null;
