/**
 * Personal information in free text: mobile and landline numbers, 18-digit resident ID numbers
 * (checksum and birth date checked), bank card numbers (Luhn), e-mail addresses and car plates.
 * Detection returns non-overlapping spans; masking keeps just enough to recognise a value.
 */
export const PII_KINDS = ['idCard', 'bankCard', 'mobile', 'landline', 'email', 'plate'] as const;
export type PiiKind = typeof PII_KINDS[number];

export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
  value: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 checksum and a plausible birth date (1900–2099). */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  if (ID_CHECK[sum % 11] !== id[17].toUpperCase()) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** Luhn (mod 10) check of a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = digits.charCodeAt(i) - 48;
    if (n < 0 || n > 9) return false;
    if (dbl) { n *= 2; if (n > 9) n -= 9; }
    sum += n;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_LETTER = 'A-HJ-NP-Z';

interface Detector {
  kind: PiiKind;
  re: RegExp;
  accept?(value: string): boolean;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

const DETECTORS: readonly Detector[] = [
  { kind: 'email', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  { kind: 'idCard', re: /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, accept: isValidResidentId },
  {
    kind: 'bankCard', re: /(?<![\d])(?:\d{4}[ -]){3,4}\d{1,7}(?!\d)|(?<!\d)\d{16,19}(?!\d)/g,
    accept: (v) => { const d = digitsOf(v); return d.length >= 16 && d.length <= 19 && /^[3-6]/.test(d) && luhnValid(d); },
  },
  { kind: 'mobile', re: /(?<!\d)(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g },
  // Numbers already redacted at the source (0000-00000000) are not a leak.
  { kind: 'landline', re: /(?<!\d)(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}[ -]?)\d{7,8}(?:-\d{1,5})?(?!\d)/g, accept: (v) => /[1-9]/.test(v) },
  {
    kind: 'plate',
    re: new RegExp(`[${PROVINCES}][${PLATE_LETTER}][·•・ ]?(?:[${PLATE_LETTER}0-9]{5,6}|[${PLATE_LETTER}0-9]{4}[挂学警港澳])(?![A-Za-z0-9])`, 'g'),
    accept: (v) => /\d/.test(v.slice(2)),
  },
];

/** All PII spans in `text`, sorted by position, never overlapping (earlier detectors win). */
export function detectPii(text: string, kinds: readonly PiiKind[] = PII_KINDS): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const taken = (s: number, e: number) => spans.some((x) => s < x.end && e > x.start);
  for (const d of DETECTORS) {
    if (!kinds.includes(d.kind)) continue;
    for (const m of text.matchAll(d.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if ((d.accept && !d.accept(m[0])) || taken(start, end)) continue;
      spans.push({ kind: d.kind, start, end, value: m[0] });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Counts of each kind in a text. */
export function countPii(text: string): Partial<Record<PiiKind, number>> {
  const out: Partial<Record<PiiKind, number>> = {};
  for (const s of detectPii(text)) out[s.kind] = (out[s.kind] ?? 0) + 1;
  return out;
}

function keep(value: string, head: number, tail: number): string {
  const chars = [...value];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/** The masked form of one value: 138****5678, 3201**********123X, ****1234, z***@example.com, 苏A***45. */
export function maskValue(kind: PiiKind, value: string): string {
  switch (kind) {
    case 'mobile': {
      const d = digitsOf(value).slice(-11);
      return `${d.slice(0, 3)}****${d.slice(7)}`;
    }
    case 'landline': return keep(value, Math.min(4, value.length - 4), 2);
    case 'idCard': return keep(value, 4, 4);
    case 'bankCard': return `****${digitsOf(value).slice(-4)}`;
    case 'email': {
      const at = value.indexOf('@');
      return `${value[0]}***${value.slice(at)}`;
    }
    case 'plate': return keep(value, 2, 2);
  }
}

/** The text with every detected value masked. */
export function maskPii(text: string, spans: readonly PiiSpan[] = detectPii(text)): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + maskValue(s.kind, s.value);
    at = s.end;
  }
  return out + text.slice(at);
}
