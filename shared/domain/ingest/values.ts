/**
 * Value parsers for enumerated and numeric fields: satisfaction, status, channel, request type, numbers
 * and phone numbers. Labels are matched on labelKey (half-width, trimmed, lower-case, single spaces).
 */
import { cellText, labelKey, toHalfWidth, trimText } from './text';
import type { Cell, Channel, RequestType, Status } from './types';
import { CHANNEL_LABELS, CHANNEL_RULES, REQUEST_TYPE_LABELS, REQUEST_TYPE_RULES, SATISFACTION_LABELS, STATUS_LABELS, STATUS_RULES } from './value-labels';

/** Lower-cased overrides, cached per overrides object. */
const overrideCache = new WeakMap<object, Map<string, unknown>>();
function lookupOverride<T>(overrides: Record<string, T> | undefined, key: string): T | undefined {
  if (!overrides) return undefined;
  let m = overrideCache.get(overrides) as Map<string, T> | undefined;
  if (!m) {
    m = new Map(Object.entries(overrides).map(([k, v]) => [labelKey(k), v]));
    overrideCache.set(overrides, m);
  }
  return m.get(key);
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

/** Only ASCII digits, '.', '+', '-' (the common case: Number() reads it directly). */
function isPlainNumber(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x2b)) return false;
  }
  return true;
}

/**
 * A number from a cell: numbers as is; text trimmed, half-width, with thousands separators and a
 * trailing '%' (kept as the number, not divided). Hex, exponents without mantissa, NaN → null.
 */
export function parseNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (typeof cell !== 'string') return null;
  if (cell.length > 0 && cell.length < 32 && isPlainNumber(cell)) {
    const v = +cell;
    if (Number.isFinite(v)) return v;
  }
  let s = trimText(toHalfWidth(cell));
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  if (s === '') return null;
  let clean = '';
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) { clean += s[i]; digits++; } else if (c === 0x2c) {
      // thousands separator: after a digit, followed by exactly three digits
      if (digits === 0 || !isDigitAt(s, i + 1) || !isDigitAt(s, i + 2) || !isDigitAt(s, i + 3) || isDigitAt(s, i + 4)) return null;
    } else if (c === 0x2e || c === 0x2b || c === 0x2d || c === 0x65 || c === 0x45) clean += s[i];
    else return null;
  }
  if (digits === 0) return null;
  const v = Number(clean);
  return Number.isFinite(v) ? v : null;
}

export interface SatisfactionValue {
  /** 0..1, or null when the cell is empty or says "not evaluated". */
  value: number | null;
  /** The trimmed original text, null when empty. */
  label: string | null;
  /** False when the text is not understood (counted as 'unparsed_satisfaction'). */
  known: boolean;
}

function countStars(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (ch === '★' || ch === '⭐') n++;
    else if (ch !== '☆' && ch !== ' ') return -1;
  }
  return n;
}

/**
 * Satisfaction on a 0..1 scale. Built-in labels (满意 1, 基本满意 0.75, 一般 0.5, 不满意 0, 未评价 → null…),
 * 1–5 stars (★, '4星', 4 → 0.75), scores 0–100 (or '85%'), fractions in (0, 1), yes/no. `overrides`
 * (label → 0..1) win over the built-in table.
 */
export function parseSatisfaction(cell: Cell, overrides?: Record<string, number>): SatisfactionValue {
  if (cell === null || cell === undefined) return { value: null, label: null, known: true };
  const label = trimText(cellText(cell));
  if (label === '') return { value: null, label: null, known: true };
  const key = labelKey(label);
  const o = lookupOverride(overrides, key);
  if (o !== undefined) return { value: Math.min(1, Math.max(0, o)), label, known: true };
  const builtin = SATISFACTION_LABELS.get(key);
  if (builtin !== undefined) return { value: builtin, label, known: true };
  const stars = countStars(key);
  if (stars > 0 && stars <= 5) return { value: (stars - 1) / 4, label, known: true };
  let numText = key;
  if (numText.endsWith('星') || numText.endsWith('分')) numText = numText.slice(0, -1);
  const pct = numText.endsWith('%');
  const n = parseNumber(pct ? numText.slice(0, -1) : numText);
  if (n !== null) {
    if (pct) return n >= 0 && n <= 100 ? { value: n / 100, label, known: true } : { value: null, label, known: false };
    if (Number.isInteger(n) && n >= 1 && n <= 5 && !key.endsWith('分')) return { value: (n - 1) / 4, label, known: true };
    if (n === 0) return { value: 0, label, known: true };
    if (n > 0 && n < 1) return { value: n, label, known: true };
    if (n >= 0 && n <= 100) return { value: n / 100, label, known: true };
  }
  return { value: null, label, known: false };
}

function byRules<T>(key: string, rules: readonly (readonly [string, T])[]): T | undefined {
  for (const [needle, v] of rules) if (key.includes(needle)) return v;
  return undefined;
}

export interface StatusValue { value: Status | null; label: string | null; known: boolean }

/**
 * Status from the source's label. Exact table first (已办结, closed, 待受理, open, 办理中, pending, 退回…),
 * then keywords (…办结…, …退回…). Unknown non-empty text → 'other' with known = false.
 */
export function parseStatus(cell: Cell, overrides?: Record<string, Status>): StatusValue {
  const label = cell === null || cell === undefined ? '' : trimText(cellText(cell));
  if (label === '') return { value: null, label: null, known: true };
  const key = labelKey(label);
  const v = lookupOverride(overrides, key) ?? STATUS_LABELS.get(key) ?? byRules(key, STATUS_RULES);
  return v === undefined ? { value: 'other', label, known: false } : { value: v, label, known: true };
}

/** Channel from the source's label (电话/热线/Call → phone, 网站/Self Service → web, APP/Mobile App → app…); unknown → 'other'. */
export function parseChannel(cell: Cell): Channel | null {
  const label = cell === null || cell === undefined ? '' : trimText(cellText(cell));
  if (label === '') return null;
  const key = labelKey(label);
  return CHANNEL_LABELS.get(key) ?? byRules(key, CHANNEL_RULES) ?? 'other';
}

/** Request type (投诉 complaint, 咨询 consultation, 建议 suggestion, 举报 report, 求助 help, 表扬 praise); unknown → 'other'. */
export function parseRequestType(cell: Cell): RequestType | null {
  const label = cell === null || cell === undefined ? '' : trimText(cellText(cell));
  if (label === '') return null;
  const key = labelKey(label);
  return REQUEST_TYPE_LABELS.get(key) ?? byRules(key, REQUEST_TYPE_RULES) ?? 'other';
}

/**
 * Phone number as digits only, without the +86 / 0086 country prefix; null unless 7–15 digits remain.
 * '+86 138-0013-8000' → '13800138000'; '(025) 8888 8888' → '02588888888'.
 */
export function normalisePhone(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  const s = typeof cell === 'number' ? (Number.isInteger(cell) && cell >= 0 ? String(cell) : '') : toHalfWidth(cellText(cell));
  let digits = '';
  let plus = false;
  let run = -1; // start of the current digit run
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0;
    if (c >= 0x30 && c <= 0x39) { if (run < 0) run = i; continue; }
    if (run >= 0) { digits += s.slice(run, i); run = -1; }
    if (c === 0x2b && digits === '') plus = true;
  }
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && (plus || (digits.length === 13 && digits[2] === '1'))) digits = digits.slice(2);
  return digits.length >= 7 && digits.length <= 15 ? digits : null;
}
