/**
 * Single-pass, allocation-free scanner for date-time text: splits a string into up to three date numbers,
 * up to three time numbers, a fraction, an AM/PM marker (incl. 上午/下午) and a zone suffix (Z, ±hh:mm).
 * Accepts '-', '/', '.', 年月日, 时分秒, 'T', spaces and full-width digits; anything else fails the scan.
 * Which date number is the year/month/day is decided later (datetime.ts).
 */

export interface ScanState {
  nDate: number; d0: number; d1: number; d2: number; w0: number; w1: number; w2: number;
  nTime: number; t0: number; t1: number; t2: number; hw: number;
  /** Milliseconds from the fraction of a second; `frac` = a fraction was present. */
  ms: number; frac: boolean;
  /** 0 none, 1 AM, 2 PM. */
  mer: number;
  /** 0 none, 1 UTC ('Z', 'UTC', 'GMT'), 2 explicit offset in tzMin. */
  tz: number; tzMin: number;
  /** First date separator (char code), 0 when none. */
  sep: number;
  isoT: boolean; cjk: boolean;
  /** Only digits and at most one '.', e.g. '43524.46186', '20190228', '1514764800'. */
  numeric: boolean;
}

/** Result of the last scan; overwritten by the next one. */
export const scan: ScanState = {
  nDate: 0, d0: 0, d1: 0, d2: 0, w0: 0, w1: 0, w2: 0,
  nTime: 0, t0: 0, t1: 0, t2: 0, hw: 0,
  ms: 0, frac: false, mer: 0, tz: 0, tzMin: 0, sep: 0, isoT: false, cjk: false, numeric: true,
};

function digit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

function isBlankCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000 || c === 0xfeff;
}

/** Parse ±hh[:mm] / ±hhmm starting at the sign; returns the index after it, or -1. */
function scanOffset(s: string, i: number, S: ScanState): number {
  const sign = s.charCodeAt(i) === 0x2d ? -1 : 1;
  i++;
  let v = 0;
  let w = 0;
  let dv: number;
  while (i < s.length && w < 4 && (dv = digit(s.charCodeAt(i))) >= 0) { v = v * 10 + dv; w++; i++; }
  let hh: number;
  let mm = 0;
  if (w === 4) { hh = Math.floor(v / 100); mm = v % 100; } else if (w === 1 || w === 2) {
    hh = v;
    if (i < s.length && s.charCodeAt(i) === 0x3a) {
      i++;
      let m2 = 0;
      while (i < s.length && m2 < 2 && (dv = digit(s.charCodeAt(i))) >= 0) { mm = mm * 10 + dv; m2++; i++; }
      if (m2 !== 2) return -1;
    }
  } else return -1;
  if (hh > 14 || mm > 59) return -1;
  S.tz = 2;
  S.tzMin = sign * (hh * 60 + mm);
  return i;
}

/** Scan `s` into `scan`; false when the text is not a date-time this module understands. */
export function scanDateTime(s: string): boolean {
  const S = scan;
  S.nDate = 0; S.nTime = 0; S.ms = 0; S.frac = false; S.mer = 0; S.tz = 0; S.tzMin = 0; S.sep = 0;
  S.isoT = false; S.cjk = false; S.numeric = true; S.hw = 0;
  let phase = 0; // 0 date, 1 time
  let wantFrac = false;
  let dots = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    let dv = digit(c);
    if (dv >= 0) {
      if (wantFrac) {
        let ms = 0;
        let k = 0;
        while (i < n && (dv = digit(s.charCodeAt(i))) >= 0) { if (k < 3) { ms = ms * 10 + dv; k++; } i++; }
        while (k < 3) { ms *= 10; k++; }
        S.ms = ms; S.frac = true; wantFrac = false;
        continue;
      }
      let v = 0;
      let w = 0;
      while (i < n && (dv = digit(s.charCodeAt(i))) >= 0) { if (w < 15) v = v * 10 + dv; w++; i++; }
      if (phase === 0 && S.nDate === 3) phase = 1;
      if (phase === 0) {
        if (S.nDate === 0) { S.d0 = v; S.w0 = w; } else if (S.nDate === 1) { S.d1 = v; S.w1 = w; } else { S.d2 = v; S.w2 = w; }
        S.nDate++;
      } else {
        if (S.tz !== 0 || S.nTime >= 3) return false;
        if (S.nTime === 0) { S.t0 = v; S.hw = w; } else if (S.nTime === 1) S.t1 = v; else S.t2 = v;
        S.nTime++;
      }
      continue;
    }
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width punctuation and letters
    if (c === 0x2e) dots++; else if (!isBlankCode(c)) S.numeric = false;
    const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    switch (c) {
      case 0x2d: case 0x2f: case 0x2e: // - / .
        if (phase === 0 && S.nDate < 3) {
          if (S.nDate === 0) return false;
          if (S.sep === 0) S.sep = c;
          i++;
        } else if (c === 0x2e && S.nTime === 3 && !S.frac) { wantFrac = true; i++; } else if (c === 0x2d && S.nTime >= 2 && S.tz === 0) {
          i = scanOffset(s, i, S);
          if (i < 0) return false;
        } else return false;
        break;
      case 0x3a: // :
        if (phase !== 1 || S.nTime === 0) return false;
        i++;
        break;
      case 0x54: case 0x74: // T
        if (phase !== 0 || S.nDate !== 3) return false;
        phase = 1; S.isoT = true; i++;
        break;
      case 0x2c: // ,
        if (phase === 0 && S.nDate === 3) phase = 1;
        i++;
        break;
      case 0x5e74: case 0x6708: // 年 月
        if (phase !== 0) return false;
        S.cjk = true; i++;
        break;
      case 0x65e5: case 0x53f7: // 日 号
        if (phase !== 0 || S.nDate !== 3) return false;
        S.cjk = true; phase = 1; i++;
        break;
      case 0x65f6: case 0x6642: case 0x70b9: case 0x9ede: case 0x5206: case 0x79d2: // 时 時 点 點 分 秒
        if (phase !== 1 || S.nTime === 0) return false;
        i++;
        break;
      case 0x5a: case 0x7a: // Z
        if (S.nDate !== 3 || S.tz !== 0) return false;
        S.tz = 1; i++;
        break;
      case 0x2b: // +
        if (S.nDate !== 3 || S.tz !== 0) return false;
        i = scanOffset(s, i, S);
        if (i < 0) return false;
        break;
      case 0x41: case 0x61: case 0x50: case 0x70: { // AM / PM, a.m.
        let j = i + 1;
        if (j < n && s.charCodeAt(j) === 0x2e) j++;
        const m = j < n ? s.charCodeAt(j) : 0;
        if ((m !== 0x4d && m !== 0x6d) || S.nDate !== 3 || S.mer !== 0) return false;
        S.mer = c === 0x41 || c === 0x61 ? 1 : 2;
        i = j + 1;
        if (i < n && s.charCodeAt(i) === 0x2e) i++;
        break;
      }
      case 0x55: case 0x47: { // UTC / GMT
        const word = s.slice(i, i + 3).toUpperCase();
        if ((word !== 'UTC' && word !== 'GMT') || S.nDate !== 3 || S.tz !== 0) return false;
        i += 3;
        S.tz = 1; S.tzMin = 0;
        if (i < n && (s.charCodeAt(i) === 0x2b || s.charCodeAt(i) === 0x2d)) { i = scanOffset(s, i, S); if (i < 0) return false; }
        break;
      }
      case 0x4e0a: case 0x51cc: case 0x65e9: // 上午 凌晨 早上 → AM
      case 0x4e0b: case 0x4e2d: case 0x665a: { // 下午 中午 晚上 → PM
        const ok = (c === 0x4e0a && next === 0x5348) || (c === 0x51cc && next === 0x6668) || (c === 0x65e9 && next === 0x4e0a)
          || (c === 0x4e0b && next === 0x5348) || (c === 0x4e2d && next === 0x5348) || (c === 0x665a && next === 0x4e0a);
        if (!ok || S.nDate !== 3 || S.mer !== 0) return false;
        S.mer = c === 0x4e0a || c === 0x51cc || c === 0x65e9 ? 1 : 2;
        if (phase === 0) phase = 1;
        i += 2;
        break;
      }
      default:
        if (!isBlankCode(c)) return false;
        if (phase === 0 && S.nDate === 3) phase = 1;
        i++;
    }
  }
  if (wantFrac) return false;
  if (dots > 1) S.numeric = false;
  return S.nDate > 0;
}
