/**
 * detectDateFormat: look at a column's sample cells and name the format that reads them, resolving
 * DD/MM vs MM/DD from values above 12. The result is a moment/dayjs-style pattern for display and for
 * ColumnMapping.dateFormat ('YYYY-MM-DD HH:mm:ss', 'MM/DD/YYYY hh:mm:ss A', 'YYYY年M月D日 H时m分',
 * 'excel', 'epoch-s', 'epoch-ms').
 */
import { scan, scanDateTime } from './date-scan';
import type { Cell } from './types';

type NumKind = 'excel' | 'epoch-s' | 'epoch-ms' | 'YYYYMMDD' | 'YYYYMMDDHHmm' | 'YYYYMMDDHHmmss' | null;

function numberKind(v: number): NumKind {
  if (!Number.isFinite(v)) return null;
  if (v >= 1e12 && v < 1e13) return 'epoch-ms';
  if (v >= 1e9 && v < 1e10) return 'epoch-s';
  if (Number.isInteger(v) && v >= 1e13 && v < 1e14) return 'YYYYMMDDHHmmss';
  if (Number.isInteger(v) && v >= 1e11 && v < 1e12) return 'YYYYMMDDHHmm';
  if (Number.isInteger(v) && v >= 19000101 && v < 22000000) return 'YYYYMMDD';
  if (v >= 1 && v < 2958466) return 'excel';
  return null;
}

interface Sample { sep: number; cjk: boolean; nTime: number; frac: boolean; mer: number; isoT: boolean; tz: number }
interface Shape { count: number; yearFirst: boolean; short: { m: boolean; d: boolean; h: boolean }; sample: Sample }

function shapeKey(): string {
  const S = scan;
  return `${S.w0 >= 3 ? 'Y' : 'L'}|${S.sep}|${S.cjk ? 1 : 0}|${S.nTime}|${S.frac ? 1 : 0}|${S.mer}|${S.isoT ? 1 : 0}|${S.tz}`;
}

function render(shape: Shape, order: 'MDY' | 'DMY'): string {
  const sample = shape.sample;
  const M = shape.short.m ? 'M' : 'MM';
  const D = shape.short.d ? 'D' : 'DD';
  const twelve = sample.mer !== 0;
  const H = twelve ? (shape.short.h ? 'h' : 'hh') : shape.short.h ? 'H' : 'HH';
  let date: string;
  let time = '';
  if (sample.cjk) {
    date = `YYYY年${M}月${D}日`;
    if (sample.nTime > 0) time = ` ${H}时${sample.nTime > 1 ? 'mm分' : ''}${sample.nTime > 2 ? 'ss秒' : ''}`;
  } else {
    const sep = sample.sep ? String.fromCharCode(sample.sep) : '-';
    date = shape.yearFirst ? `YYYY${sep}${M}${sep}${D}` : order === 'DMY' ? `${D}${sep}${M}${sep}YYYY` : `${M}${sep}${D}${sep}YYYY`;
    if (sample.nTime > 0) time = `${sample.isoT ? 'T' : ' '}${H}${sample.nTime > 1 ? ':mm' : ''}${sample.nTime > 2 ? ':ss' : ''}`;
  }
  if (sample.frac) time += '.SSS';
  if (twelve && sample.nTime > 0) time += ' A';
  if (sample.tz !== 0) time += 'Z';
  return date + time;
}

/**
 * The format that reads most of `samples`, or null when none of them is a date-time. Date objects are
 * ignored (they need no format). Day-first is chosen only when some sample has a first number > 12 and
 * none has a second number > 12.
 */
export function detectDateFormat(samples: Cell[]): string | null {
  const numKinds = new Map<string, number>();
  const shapes = new Map<string, Shape>();
  let numeric = 0;
  let textual = 0;
  let dayFirst = 0;
  let monthFirst = 0;
  const countKind = (kind: NumKind): void => {
    if (kind) { numKinds.set(kind, (numKinds.get(kind) ?? 0) + 1); numeric++; }
  };
  for (const cell of samples) {
    if (typeof cell === 'number') { countKind(numberKind(cell)); continue; }
    if (typeof cell !== 'string' || !scanDateTime(cell)) continue;
    const S = scan;
    if (S.numeric && S.nDate <= 2) { countKind(numberKind(Number(cell.trim()))); continue; }
    if (S.nDate !== 3) continue;
    const yearFirst = S.w0 >= 3;
    const dayFirstHere = !yearFirst && S.d0 > 12 && S.d1 <= 12;
    if (dayFirstHere) dayFirst++;
    if (!yearFirst && S.d1 > 12 && S.d0 <= 12) monthFirst++;
    const key = shapeKey();
    let sh = shapes.get(key);
    if (!sh) {
      sh = { count: 0, yearFirst, short: { m: false, d: false, h: false }, sample: { sep: S.sep, cjk: S.cjk, nTime: S.nTime, frac: S.frac, mer: S.mer, isoT: S.isoT, tz: S.tz } };
      shapes.set(key, sh);
    }
    sh.count++;
    const mw = yearFirst ? S.w1 : dayFirstHere ? S.w1 : S.w0;
    const dw = yearFirst ? S.w2 : dayFirstHere ? S.w0 : S.w1;
    if (mw === 1) sh.short.m = true;
    if (dw === 1) sh.short.d = true;
    if (S.nTime > 0 && S.hw === 1) sh.short.h = true;
    textual++;
  }
  if (numeric === 0 && textual === 0) return null;
  if (numeric > textual) {
    let best: string | null = null;
    let n = 0;
    for (const [k, c] of numKinds) if (c > n) { best = k; n = c; }
    return best;
  }
  let best: Shape | null = null;
  for (const sh of shapes.values()) if (!best || sh.count > best.count) best = sh;
  if (!best) return null;
  const order = dayFirst > 0 && monthFirst === 0 ? 'DMY' : 'MDY';
  return render(best, order);
}
