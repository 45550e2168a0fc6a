/**
 * Small text helpers shared by the ingest modules: cell → string, full-width → half-width, lookup keys
 * and the whitespace cleanup for scraped text. Hand-written loops (no regex backtracking on long cells).
 */
import type { Cell } from './types';

/** True for ASCII whitespace/control, NBSP, the ideographic space and the BOM. */
export function isSpaceCode(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

/** A cell as text ('' for empty). Integers print without exponent; Dates as ISO; booleans as true/false. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    return Number.isInteger(cell) && Math.abs(cell) >= 1e21 ? BigInt(cell).toString() : String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
}

/** True when the cell holds nothing but whitespace. */
export function isBlank(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return typeof cell === 'number' ? !Number.isFinite(cell) : false;
  for (let i = 0; i < cell.length; i++) if (!isSpaceCode(cell.charCodeAt(i))) return false;
  return true;
}

/** Full-width ASCII variants (U+FF01–FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) break;
    i++;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/** Trim whitespace (incl. ideographic space and BOM) at both ends. */
export function trimText(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceCode(s.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Lookup key for label tables: half-width, trimmed, lower-case, inner whitespace runs → one space. */
export function labelKey(s: string): string {
  return collapse(toHalfWidth(trimText(s)).toLowerCase(), false);
}

/** True when collapse() would change the text: whitespace/control at an edge, two in a row, or any other than ' '. */
function needsCleaning(s: string): boolean {
  let prevSpace = true; // a space at the very start counts as "after a space"
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isSpaceCode(c)) { prevSpace = false; continue; }
    if (c !== 0x20 || prevSpace) return true;
    prevSpace = true;
  }
  return prevSpace && s.length > 0;
}

/**
 * Clean scraped text. Single-line: every whitespace run → one space. Multi-line: a run containing a line
 * break → one '\n', any other run → one space. Trims both ends; returns the input itself when already clean.
 */
export function collapse(s: string, multiline: boolean): string {
  if (!needsCleaning(s)) return s;
  const n = s.length;
  let out = '';
  let i = 0;
  while (i < n) {
    // skip a whitespace run, noting whether it held a line break
    let brk = false;
    const runStart = i;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (!isSpaceCode(c)) break;
      if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) brk = true;
    }
    if (i >= n) break;
    if (out.length > 0 && i > runStart) out += multiline && brk ? '\n' : ' ';
    const wordStart = i;
    while (i < n && !isSpaceCode(s.charCodeAt(i))) i++;
    out += s.slice(wordStart, i);
  }
  return out;
}

/** Text of a cell, cleaned; null when empty. */
export function cleanCell(cell: Cell, multiline: boolean): string | null {
  if (cell === null || cell === undefined) return null;
  const s = collapse(typeof cell === 'string' ? cell : cellText(cell), multiline);
  return s === '' ? null : s;
}

/** Length of a cell as text, without converting non-strings. */
export function cellLength(cell: Cell): number {
  return typeof cell === 'string' ? cell.length : 0;
}

/** True when the text holds a CJK ideograph (or another character from U+3400 up, full-width forms aside). */
export function hasCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3400 && c < 0xff00) return true;
  }
  return false;
}

/** Cut a value for an error message. */
export function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
