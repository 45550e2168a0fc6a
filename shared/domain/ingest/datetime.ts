/**
 * Date-time cells → epoch ms. Text is scanned once (date-scan.ts); the optional format only fixes the
 * order of day, month and year ('MM/DD/YYYY…' vs 'DD/MM/YYYY…', year-first is always recognised) or
 * selects a numeric mode ('excel', 'epoch-ms', 'epoch-s'). Separators, padding, seconds, fractions and
 * offsets are tolerated whatever the format says, so a column mixing `2019/2/28 11:25:05` and
 * `2017-06-08 17:31:20` parses. Local times are read in the given IANA zone (zone.ts).
 */
import { scan, scanDateTime } from './date-scan';
import type { Cell } from './types';
import { daysFromCivil, daysInMonth, DAY_MS, HOUR_MS, MINUTE_MS, wallToUtcIn, zoneOf, type Zone } from './zone';

export { zonedTimeToUtc, zoneOffset, assertTimeZone } from './zone';

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** 0 auto, 1 year-month-day, 2 month-day-year, 3 day-month-year. */
type Order = 0 | 1 | 2 | 3;
/** 0 auto, 1 Excel serial (1900 system), 2 epoch ms, 3 epoch s. */
type Mode = 0 | 1 | 2 | 3;
interface Compiled { mode: Mode; order: Order }

const AUTO: Compiled = { mode: 0, order: 0 };
const compiledFormats = new Map<string, Compiled>();

function compileFormat(format: string | undefined): Compiled {
  if (!format) return AUTO;
  let c = compiledFormats.get(format);
  if (c) return c;
  const f = format.trim().toLowerCase();
  if (f === 'excel') c = { mode: 1, order: 0 };
  else if (f === 'epoch-ms' || f === 'epoch_ms' || f === 'ms') c = { mode: 2, order: 0 };
  else if (f === 'epoch-s' || f === 'epoch_s' || f === 'epoch' || f === 'unix') c = { mode: 3, order: 0 };
  else {
    const y = format.indexOf('Y');
    const m = format.indexOf('M');
    const d = format.indexOf('D');
    let order: Order = 0;
    if (y >= 0 && m >= 0 && d >= 0) order = y < m ? 1 : m < d ? 2 : 3;
    c = { mode: 0, order };
  }
  compiledFormats.set(format, c);
  return c;
}

/** Wall-clock ms of an Excel serial (1900 system, with Lotus' fictitious 1900-02-29 = serial 60). */
export function excelSerialToWallMs(serial: number): number | null {
  if (!(serial >= 1 && serial < 2958466) || (serial >= 60 && serial < 61)) return null;
  const days = serial < 60 ? serial - 25568 : serial - 25569;
  let ms = Math.round(days * DAY_MS);
  const r = ms % 1000;
  if (r === 1 || r === -999) ms -= 1; else if (r === 999 || r === -1) ms += 1;
  return ms;
}

function compactWall(v: number, digits: number): number | null {
  // YYYYMMDD, YYYYMMDDHHmm or YYYYMMDDHHmmss as an integer
  let s = 0; let mi = 0; let h = 0;
  if (digits === 14) { s = v % 100; v = Math.floor(v / 100); }
  if (digits >= 12) { mi = v % 100; v = Math.floor(v / 100); h = v % 100; v = Math.floor(v / 100); }
  const d = v % 100; const m = Math.floor(v / 100) % 100; const y = Math.floor(v / 10000);
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || h > 23 || mi > 59 || s > 59) return null;
  return daysFromCivil(y, m, d) * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + s * 1000;
}

function fromNumber(v: number, mode: Mode, zone: Zone): number | null {
  if (!Number.isFinite(v)) return null;
  if (mode === 2) return Math.round(v);
  if (mode === 3) return Math.round(v * 1000);
  let wall: number | null = null;
  if (mode === 1) wall = excelSerialToWallMs(v);
  else if (v >= 1e12 && v < 1e13) return Math.round(v);
  else if (v >= 1e9 && v < 1e10) return Math.round(v * 1000);
  else if (Number.isInteger(v) && v >= 1e13 && v < 1e14) wall = compactWall(v, 14);
  else if (Number.isInteger(v) && v >= 1e11 && v < 1e12) {
    wall = compactWall(v, 12);
    if (wall === null) return v;
  } else if (Number.isInteger(v) && v >= 1e7 && v < 1e8) wall = compactWall(v, 8);
  else if (v >= 18264 && v < 73051) wall = excelSerialToWallMs(v); // 1950-01-01 … 2099-12-31
  return wall === null ? null : wallToUtcIn(zone, wall);
}

/** Interpret the last scan as a date-time; null when invalid. */
function fromScan(order: Order, zone: Zone): number | null {
  const S = scan;
  if (S.nDate !== 3 || (S.isoT && S.nTime === 0)) return null;
  let y: number; let m: number; let d: number;
  if (S.w0 >= 3 || (order === 1 && S.w0 === 2)) {
    y = S.w0 === 2 ? 2000 + S.d0 : S.d0; m = S.d1; d = S.d2;
    if (S.w0 === 3 || S.w0 > 4) return null;
  } else {
    if (S.w2 !== 4 && S.w2 !== 2) return null;
    let o = order;
    if (o !== 2 && o !== 3) o = S.d0 > 12 && S.d1 <= 12 ? 3 : 2;
    if (o === 2) { m = S.d0; d = S.d1; } else { d = S.d0; m = S.d1; }
    y = S.w2 === 2 ? S.d2 + (S.d2 < 50 ? 2000 : 1900) : S.d2;
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || y < 1) return null;
  let h = 0; let mi = 0; let s = 0;
  const nt = S.nTime;
  if (nt > 0) { h = S.t0; if (nt > 1) mi = S.t1; if (nt > 2) s = S.t2; }
  if (S.mer !== 0 && nt > 0 && h <= 12) h = S.mer === 2 ? (h % 12) + 12 : h % 12;
  if (h > 24 || mi > 59 || s > 60 || (h === 24 && (mi !== 0 || s !== 0 || S.ms !== 0))) return null;
  if (s === 60) s = 59;
  const wall = daysFromCivil(y, m, d) * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + s * 1000 + S.ms;
  if (S.tz === 1) return wall;
  if (S.tz === 2) return wall - S.tzMin * MINUTE_MS;
  return wallToUtcIn(zone, wall);
}

function digitsToNumber(s: string): number {
  let half = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    half += c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return Number(half);
}

function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1000;
}

/** Fast path for the commonest shape, 'YYYY-MM-DD HH:mm:ss' (also '/' and 'T'): wall ms, or NaN to fall back. */
function fastYmdHms(s: string): number {
  const c4 = s.charCodeAt(4);
  const c10 = s.charCodeAt(10);
  if ((c4 !== 0x2d && c4 !== 0x2f) || s.charCodeAt(7) !== c4 || (c10 !== 0x20 && c10 !== 0x54) || s.charCodeAt(13) !== 0x3a || s.charCodeAt(16) !== 0x3a) return Number.NaN;
  const y = d2(s, 0) * 100 + d2(s, 2);
  const m = d2(s, 5);
  const d = d2(s, 8);
  const h = d2(s, 11);
  const mi = d2(s, 14);
  const sec = d2(s, 17);
  if (y < 0 || m < 1 || m > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || d > daysInMonth(y, m)) return Number.NaN;
  return daysFromCivil(y, m, d) * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + sec * 1000;
}

function parseWith(cell: Cell, f: Compiled, zone: Zone): number | null {
  if (typeof cell === 'string') {
    if (cell.length === 19) {
      const wall = fastYmdHms(cell);
      if (!Number.isNaN(wall)) return wallToUtcIn(zone, wall);
    }
    if (!scanDateTime(cell)) return null;
    if (scan.numeric && scan.nDate <= 2) return fromNumber(digitsToNumber(cell), f.mode, zone);
    return fromScan(f.order, zone);
  }
  if (typeof cell === 'number') return fromNumber(cell, f.mode, zone);
  if (cell instanceof Date) {
    const t = cell.getTime();
    return Number.isNaN(t) ? null : wallToUtcIn(zone, t);
  }
  return null;
}

export interface DateTimeOptions {
  /** See ColumnMapping.dateFormat; auto when absent. */
  format?: string;
  /** IANA zone of times without an offset, e.g. 'Asia/Shanghai', 'America/Los_Angeles'. */
  timezone: string;
}

/**
 * Parse a date-time cell to epoch ms (UTC instant), or null. Strings: Y-M-D / M-D-Y / D-M-Y with any of
 * - / . 年月日, optional time (24 h or AM/PM, 时分秒), fraction, 'T', 'Z'/offset; digit-only strings as
 * numbers. Numbers: 13 digits epoch ms, 10 digits epoch s, YYYYMMDD[HHmm[ss]], Excel serials 1950–2099
 * (any serial with format 'excel'). Dates (XLSX): UTC fields are the wall clock in `timezone`.
 */
export function parseDateTime(cell: Cell, opts: DateTimeOptions): number | null {
  return parseWith(cell, compileFormat(opts.format), zoneOf(opts.timezone || DEFAULT_TIMEZONE));
}

/** A parser bound to one format and zone (what the row mapper compiles per column). */
export function createDateParser(opts: DateTimeOptions): (cell: Cell) => number | null {
  const f = compileFormat(opts.format);
  const zone = zoneOf(opts.timezone || DEFAULT_TIMEZONE);
  return (cell) => parseWith(cell, f, zone);
}
