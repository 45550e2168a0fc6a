/**
 * The rows of a worksheet part (`<sheetData>`) and the shared strings part, scanned from text.
 *
 * Cells by type: shared string (t="s") → the table's string; inline (t="inlineStr", plain or rich
 * text) and formula text (t="str") → text; t="b" → boolean; t="e" → the error text ('#N/A');
 * t="d" → Date; numbers → number, or Date when the cell's style has a date format (Excel serial,
 * 1900 or 1904 system). Formulas give their cached value (`<v>`), none when absent. Cells sit at the
 * column of their reference (r="C5"; without one, after the previous cell), so skipped columns are
 * empty (null). Rows without r follow the previous row.
 */
import type { Cell } from '../../../../../shared/domain/ingest/types';
import { ElementStream, type ElementHandler } from './xlsx-elements';
import { endsName, stringItemText, tagsFor, unescapeXml, type Tags } from './xlsx-xml';

/** Excel's last column (XFD); references beyond it are ignored. */
const MAX_COLS = 16384;

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Per style index: 1 = date format (see xlsx-styles). */
  dateStyles: Uint8Array;
  date1904: boolean;
}

/** rowNumber (1-based, Excel's), cells by column (may be shorter than the sheet; holes are null), index of the last non-empty cell or -1. */
export type RowSink = (rowNumber: number, cells: Cell[], last: number) => void;

/** Date whose UTC fields are the wall-clock value of an Excel serial. */
export function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

function isoToDate(s: string): Cell {
  const t = s.trim();
  const d = new Date(/(?:Z|[+-]\d\d:?\d\d)$/.test(t) || !t.includes('T') ? t : `${t}Z`);
  return Number.isNaN(d.getTime()) ? t : d;
}

const T_NUMBER = 0, T_SHARED = 1, T_STR = 2, T_INLINE = 3, T_BOOL = 4, T_ERROR = 5, T_DATE = 6;

function typeCode(s: string, a: number, b: number): number {
  const n = b - a;
  const c = s.charCodeAt(a);
  if (n === 1) return c === 0x73 ? T_SHARED : c === 0x62 ? T_BOOL : c === 0x65 ? T_ERROR : c === 0x64 ? T_DATE : T_NUMBER;
  if (n === 3 && c === 0x73) return T_STR; // str
  if (n === 9 && c === 0x69) return T_INLINE; // inlineStr
  return T_NUMBER;
}

/** Non-negative integer s[a, b), or -1. */
function intAt(s: string, a: number, b: number): number {
  if (a >= b) return -1;
  let v = 0;
  for (let i = a; i < b; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** 0-based column of a cell reference s[a, b) ('C5' → 2), or -1. */
function columnOf(s: string, a: number, b: number): number {
  let col = 0;
  let i = a;
  for (; i < b; i++) {
    const c = s.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return i === a ? -1 : col - 1;
}

/** Positions of the values of the one-letter attributes r, t and s of the last tag read by readAttrs (-1 = absent). */
const A = { r: -1, rEnd: -1, t: -1, tEnd: -1, s: -1, sEnd: -1 };

/** Reads the attributes of the start tag s[from, to) into A; only one-letter names r, t, s are kept. */
function readAttrs(s: string, from: number, to: number): void {
  A.r = A.t = A.s = -1;
  for (let q = from; q < to;) {
    const eq = s.indexOf('=', q);
    if (eq < 0 || eq >= to) return;
    let ne = eq;
    while (ne > q && s.charCodeAt(ne - 1) <= 0x20) ne--;
    let vs = eq + 1;
    while (vs < to && s.charCodeAt(vs) <= 0x20) vs++;
    const quote = s.charCodeAt(vs);
    if (quote !== 0x22 && quote !== 0x27) return;
    const ve = s.indexOf(quote === 0x22 ? '"' : "'", vs + 1);
    if (ve < 0 || ve > to) return;
    if (ne >= 2 && s.charCodeAt(ne - 2) <= 0x20) {
      const name = s.charCodeAt(ne - 1);
      if (name === 0x72) { A.r = vs + 1; A.rEnd = ve; } else if (name === 0x74) { A.t = vs + 1; A.tEnd = ve; } else if (name === 0x73) { A.s = vs + 1; A.sEnd = ve; }
    }
    q = ve + 1;
  }
}

class RowHandler implements ElementHandler {
  private readonly cOpen: string;
  private readonly cClose: string;
  private readonly vOpen: string;
  private readonly vClose: string;
  private readonly isOpen: string;
  private readonly fOpen: string;
  private readonly fClose: string;
  private readonly tags: Tags;
  private prevRow = 0;

  constructor(prefix: string, private readonly ctx: SheetContext, private readonly sink: RowSink) {
    this.cOpen = `<${prefix}c`;
    this.cClose = `</${prefix}c>`;
    this.vOpen = `<${prefix}v`;
    this.vClose = `</${prefix}v>`;
    this.isOpen = `<${prefix}is`;
    this.fOpen = `<${prefix}f`;
    this.fClose = `</${prefix}f>`;
    this.tags = tagsFor(prefix);
  }

  item(s: string, start: number, tagEnd: number, contentEnd: number): void {
    readAttrs(s, start + 1, tagEnd);
    const r = A.r >= 0 ? intAt(s, A.r, A.rEnd) : -1;
    const rowNumber = r > 0 ? r : this.prevRow + 1;
    this.prevRow = rowNumber;
    if (contentEnd < 0) { this.sink(rowNumber, [], -1); return; }
    this.cells(s, tagEnd + 1, contentEnd, rowNumber);
  }

  private cells(s: string, a: number, b: number, rowNumber: number): void {
    const cells: Cell[] = [];
    const cOpen = this.cOpen, cl = cOpen.length;
    let col = -1, last = -1, p = a;
    for (;;) {
      const cs = s.indexOf(cOpen, p);
      if (cs < 0 || cs >= b) break;
      if (!endsName(s.charCodeAt(cs + cl))) { p = cs + cl; continue; }
      const te = s.indexOf('>', cs);
      if (te < 0 || te >= b) break;
      readAttrs(s, cs + cl, te);
      const ref = A.r >= 0 ? columnOf(s, A.r, A.rEnd) : -1;
      const type = A.t >= 0 ? typeCode(s, A.t, A.tEnd) : T_NUMBER;
      const style = A.s >= 0 ? intAt(s, A.s, A.sEnd) : 0;
      col = ref >= 0 ? ref : col + 1;
      let value: Cell = null;
      if (s.charCodeAt(te - 1) === 0x2f) p = te + 1;
      else {
        let ce = s.indexOf(this.cClose, te);
        if (ce < 0 || ce > b) ce = b;
        value = this.value(s, te + 1, ce, type, style);
        p = ce + this.cClose.length;
      }
      if (value === null || col >= MAX_COLS) continue;
      if (col < cells.length) cells[col] = value;
      else {
        while (cells.length < col) cells.push(null);
        cells.push(value);
      }
      if (value !== '' && col > last) last = col;
    }
    this.sink(rowNumber, cells, last);
  }

  /** The value of a cell whose content is s[a, b): children in schema order f?, v?, is? (bounded scans only). */
  private value(s: string, a: number, b: number, type: number, style: number): Cell {
    let p = a;
    while (p < b && s.charCodeAt(p) <= 0x20) p++;
    if (s.startsWith(this.fOpen, p) && endsName(s.charCodeAt(p + this.fOpen.length))) {
      const fe = s.indexOf('>', p);
      if (fe < 0 || fe >= b) return null;
      if (s.charCodeAt(fe - 1) === 0x2f) p = fe + 1;
      else {
        const fc = s.indexOf(this.fClose, fe);
        if (fc < 0 || fc >= b) return null;
        p = fc + this.fClose.length;
      }
      while (p < b && s.charCodeAt(p) <= 0x20) p++;
    }
    if (s.startsWith(this.isOpen, p) && endsName(s.charCodeAt(p + this.isOpen.length))) return stringItemText(s, p, b, this.tags);
    if (!s.startsWith(this.vOpen, p) || !endsName(s.charCodeAt(p + this.vOpen.length))) return null;
    const vt = s.indexOf('>', p);
    if (vt < 0 || vt >= b) return null;
    if (s.charCodeAt(vt - 1) === 0x2f) return type === T_STR || type === T_INLINE ? '' : null;
    let ve = s.indexOf(this.vClose, vt);
    if (ve < 0 || ve > b) ve = b;
    switch (type) {
      case T_SHARED: {
        const i = intAt(s, vt + 1, ve);
        return i >= 0 && i < this.ctx.sharedStrings.length ? this.ctx.sharedStrings[i] : null;
      }
      case T_NUMBER: {
        if (ve === vt + 1) return null;
        const v = Number(s.slice(vt + 1, ve));
        if (!Number.isFinite(v)) return null;
        const ds = this.ctx.dateStyles;
        return style >= 0 && style < ds.length && ds[style] === 1 ? excelToDate(v, this.ctx.date1904) : v;
      }
      case T_BOOL: return s.charCodeAt(vt + 1) === 0x31 || s.startsWith('true', vt + 1);
      case T_DATE: return isoToDate(unescapeXml(s.slice(vt + 1, ve)));
      default: return unescapeXml(s.slice(vt + 1, ve)); // str, inline string given as <v>, error
    }
  }
}

/** Scans a worksheet part's text, piece by piece; rows go to `sink` in order. */
export function sheetScanner(ctx: SheetContext, sink: RowSink): ElementStream {
  return new ElementStream('worksheet', { name: 'row', container: 'sheetData', handler: (p) => new RowHandler(p, ctx, sink) });
}

/** Scans the shared strings part's text into `out` (index = position of the item). */
export function sharedStringsScanner(out: string[]): ElementStream {
  return new ElementStream('sst', {
    name: 'si',
    container: 'sst',
    handler: (p) => {
      const tags = tagsFor(p);
      return { item: (s, _start, tagEnd, contentEnd) => { out.push(contentEnd < 0 ? '' : stringItemText(s, tagEnd + 1, contentEnd, tags)); } };
    },
  });
}
