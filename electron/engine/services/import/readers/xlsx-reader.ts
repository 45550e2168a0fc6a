/**
 * XLSX via exceljs's streaming WorkbookReader. Cells: numbers as numbers, date-formatted cells as
 * Date (wall-clock value in the UTC fields, as exceljs gives them), formulas as their cached result,
 * rich text as plain text, errors as their text ('#N/A'). Rows are padded with null to the header
 * width (a sheet is a grid: missing trailing cells are empty, not ragged). rowNumber = the Excel row
 * number; rows missing from the sheet or without values after the header count as blank rows.
 * `raw` = the cells as a CSV line.
 *
 * Before streaming, the zip's central directory is read (zip-index): a truncated file fails there
 * with a clear message instead of stalling the stream. When shared strings or styles come after the
 * sheet in the zip (Excel does this), they are parsed first, so exceljs streams the sheet directly
 * instead of copying it to a temporary file.
 */
import { createReadStream } from 'node:fs';
import type ExcelJSType from 'exceljs';
import type { Cell } from '../../../../../shared/domain/ingest/types';
import type { RawRow, ReadOptions, RowSource } from './types';
import { asReadError, badInput } from './errors';
import { cleanHeader, headerRowOf, isBlankRow, makeRowSource, toCsvLine, type SourceState } from './source';
import { readWorkbookInfo, type SheetInfo, type WorkbookInfo } from './xlsx-workbook';
import { entryStream } from './zip-index';

/** A pull that waits this long without the file being read further is a stall (corrupt zip)… */
const STALL_MS = 30_000;
/** …or this long once the whole file has been read (only buffered data is left to parse). */
const EOF_STALL_MS = 5_000;
const TICK_MS = 250;

export async function listSheets(path: string): Promise<{ info: WorkbookInfo; names: string[] }> {
  const info = await readWorkbookInfo(path);
  return { info, names: info.sheets.map((s) => s.name) };
}

function pickSheet(info: WorkbookInfo, wanted: string | undefined): SheetInfo {
  if (info.sheets.length === 0) throw badInput('Excel 工作簿中没有工作表', 'the Excel workbook has no worksheets');
  if (wanted === undefined) return info.sheets[0];
  const s = info.sheets.find((x) => x.name === wanted);
  if (!s) {
    const names = info.sheets.map((x) => `“${x.name}”`).join('、');
    throw badInput(`找不到工作表“${wanted}”（现有：${names}）`, `no worksheet named "${wanted}" (sheets: ${info.sheets.map((x) => `"${x.name}"`).join(', ')})`);
  }
  if (!s.fileNo || !info.zip.entries.has(s.part)) throw badInput(`工作表“${s.name}”的存储方式不受支持（${s.part}）`, `worksheet "${s.name}" is stored in an unsupported way (${s.part})`);
  return s;
}

interface RichText { richText: { text?: string }[] }

function isDateFmt(fmt: unknown): boolean {
  if (typeof fmt !== 'string' || !fmt) return false;
  return /[ymdhsb]/i.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** One exceljs cell value → Cell. `numFmt` is needed only for formula results. */
function toCell(v: unknown, numFmt: () => unknown, date1904: boolean): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o as unknown as RichText).richText.map((r) => r.text ?? '').join('');
  if ('formula' in o || 'sharedFormula' in o) {
    const r = o.result;
    if (typeof r === 'number') return !Number.isFinite(r) ? null : isDateFmt(numFmt()) ? excelToDate(r, date1904) : r;
    if (r && typeof r === 'object' && 'error' in r) return String((r as { error: unknown }).error);
    return toCell(r, numFmt, date1904);
  }
  if ('error' in o) return String(o.error);
  if ('text' in o) return toCell(o.text, numFmt, date1904);
  return JSON.stringify(v);
}

interface ExcelRow {
  number: number;
  values: unknown[];
  getCell(c: number): { numFmt?: unknown };
}

function rowCells(row: ExcelRow, width: number, date1904: boolean): Cell[] {
  const values = row.values;
  let last = 0;
  const cells: Cell[] = [];
  for (let c = 1; c < values.length; c++) {
    const cell = toCell(values[c], () => row.getCell(c).numFmt, date1904);
    cells.push(cell);
    if (cell !== null && cell !== '') last = c;
  }
  const n = Math.max(width, last);
  cells.length = n; // drop empty trailing cells beyond the header
  for (let i = 0; i < n; i++) if (cells[i] === undefined) cells[i] = null;
  return cells;
}

type ReaderInternals = Record<string, unknown> & {
  _parseRels?: (s: unknown) => Promise<void>;
  _parseWorkbook?: (s: unknown) => Promise<void>;
  _parseStyles?: (s: unknown) => Promise<void>;
  _parseSharedStrings?: (s: unknown) => AsyncIterable<unknown>;
};

/** Parses the parts exceljs needs before a sheet when the zip stores them after it. */
async function preload(reader: unknown, info: WorkbookInfo, sheet: SheetInfo): Promise<void> {
  const r = reader as ReaderInternals;
  if (!r._parseRels || !r._parseWorkbook || !r._parseStyles || !r._parseSharedStrings) return; // unknown exceljs: its own fallback
  const at = info.zip.entries.get(sheet.part)!.offset;
  const after = (name: string): boolean => (info.zip.entries.get(name)?.offset ?? -1) > at;
  if (after('xl/_rels/workbook.xml.rels')) await r._parseRels(await entryStream(info.zip, 'xl/_rels/workbook.xml.rels'));
  if (after('xl/workbook.xml')) await r._parseWorkbook(await entryStream(info.zip, 'xl/workbook.xml'));
  if (after('xl/styles.xml')) await r._parseStyles(await entryStream(info.zip, 'xl/styles.xml'));
  if (after('xl/sharedStrings.xml')) {
    for await (const _ of r._parseSharedStrings(await entryStream(info.zip, 'xl/sharedStrings.xml'))) { /* cached by exceljs */ }
  } else if (!info.zip.entries.has('xl/sharedStrings.xml')) {
    r.sharedStrings = []; // inline strings only: nothing to wait for
  }
}

export async function openXlsx(path: string, opts: ReadOptions, knownInfo?: WorkbookInfo): Promise<RowSource> {
  const info = knownInfo ?? (await readWorkbookInfo(path));
  const sheet = pickSheet(info, opts.sheet);
  const headerRow = headerRowOf(opts.headerRow);
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const state: SourceState = { headers: null, blank: 0 };
  // loaded on first use: exceljs takes ~0.4 s to load and CSV/JSON imports never need it
  const ExcelJS = ((await import('exceljs')) as unknown as { default?: typeof ExcelJSType }).default ?? (await import('exceljs')) as unknown as typeof ExcelJSType;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit',
  });
  // exceljs announces each sheet part ('entry', id = N of sheetN.xml) just before yielding its reader,
  // whose own name/id are the workbook's only when it could match them: match by part instead
  let partNo: string | null = null;
  (reader as unknown as NodeJS.EventEmitter).on('entry', (e: { type?: string; id?: unknown }) => {
    if (e.type === 'worksheet') partNo = String(e.id);
  });
  try {
    await preload(reader, info, sheet);
  } catch (e) {
    stream.destroy();
    throw asReadError(e, 'Excel 文件', 'Excel file');
  }

  // exceljs loses some unzip errors (a damaged deflate stream is reported on the unzip stream while
  // it waits on the entry): catch them on the stream our file is piped into, and stop waiting. A
  // watchdog also ends a pull that makes no progress: no new bytes for STALL_MS, or nothing for
  // EOF_STALL_MS once the whole file has been read.
  let failure: Error | null = null;
  let rejectPull: ((e: Error) => void) | null = null;
  const stop = (e: Error): void => {
    failure ??= e;
    rejectPull?.(failure);
  };
  stream.on('error', stop);
  const pipe = stream.pipe.bind(stream);
  stream.pipe = ((dest: NodeJS.WritableStream, o?: { end?: boolean }) => {
    (dest as unknown as NodeJS.EventEmitter).on('error', stop);
    return pipe(dest, o);
  }) as typeof stream.pipe;
  let pending = false, pulls = 0, lastPulls = -1, lastBytes = -1, idle = 0;
  const watchdog = setInterval(() => {
    if (!pending || pulls !== lastPulls || stream.bytesRead !== lastBytes) {
      lastPulls = pulls;
      lastBytes = stream.bytesRead;
      idle = 0;
      return;
    }
    idle += TICK_MS;
    if (idle >= (lastBytes >= info.zip.size ? EOF_STALL_MS : STALL_MS)) stop(new Error('reading stalled (damaged zip data?)'));
  }, TICK_MS);
  watchdog.unref();
  /** One pull raced against `stop` (a fresh promise each time: racing a long-lived pending promise would retain every row). */
  async function guarded<T>(p: Promise<T>): Promise<T> {
    if (failure) throw failure;
    pending = true;
    try {
      return await Promise.race([p, new Promise<never>((_, reject) => { rejectPull = reject; })]);
    } finally {
      pending = false;
      rejectPull = null;
      pulls++;
    }
  }

  async function* rows(): AsyncGenerator<RawRow[], void, undefined> {
    const sheets = (reader as unknown as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    let width = 0;
    let prev = headerRow;
    let found = false;
    let produced = 0;
    try {
      for (;;) {
        const s = await guarded(sheets.next());
        if (s.done) break;
        const ws = s.value;
        if (partNo !== sheet.fileNo) continue;
        found = true;
        const it = (ws as unknown as AsyncIterable<ExcelRow>)[Symbol.asyncIterator]();
        let out: RawRow[] = [];
        for (;;) {
          const r = await guarded(it.next());
          if (r.done) break;
          const row = r.value;
          if (row.number < headerRow) continue;
          if (row.number === headerRow) {
            const h = rowCells(row, 0, info.date1904).map(cleanHeader);
            state.headers = h;
            width = h.length;
            continue;
          }
          if (state.headers === null) state.headers = []; // header row missing (empty)
          state.blank += Math.max(0, row.number - prev - 1);
          prev = row.number;
          const cells = rowCells(row, width, info.date1904);
          if (isBlankRow(cells)) { state.blank++; continue; }
          out.push({ rowNumber: row.number, cells, raw: toCsvLine(cells) });
          // small first chunks so a preview does not wait for the whole sheet
          if (out.length >= (produced < 1000 ? 32 : 1000)) { produced += out.length; yield out; out = []; }
        }
        if (state.headers === null) state.headers = [];
        if (out.length) yield out;
        break; // the wanted sheet is done: the rest of the zip is not read
      }
      if (!found) throw new Error(`worksheet "${sheet.name}" not found in the zip stream`);
    } catch (e) {
      throw asReadError(e, 'Excel 文件', 'Excel file');
    } finally {
      clearInterval(watchdog);
      stream.destroy();
      // not awaited: after a stall exceljs's generator is still busy and would never return
      void sheets.return?.(undefined)?.catch(() => undefined);
    }
  }

  return makeRowSource({ rows: rows(), state, totalBytes: info.zip.size, bytesRead: () => stream.bytesRead, release: () => void stream.destroy() });
}
