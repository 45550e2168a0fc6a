/**
 * Messages between the engine (Electron utilityProcess) and the main process, which prints reports in a
 * hidden sandboxed window (`webContents.printToPDF`) because a utilityProcess cannot. Pure: validation
 * and the print options, unit-tested; electron/main/report-print.ts does the Electron calls.
 */
export const PRINT_REQUEST = 'report.print';
export const PRINT_RESULT = 'report.print.result';
/** HTML above this size is refused (a report with embedded fonts and SVG is a few MB). */
export const MAX_PRINT_HTML = 200_000_000;
export const MAX_RASTER_ITEMS = 500;

export interface RasterItem { svg: string; width: number; height: number }
export type PrintRequest =
  | { type: typeof PRINT_REQUEST; id: number; op: 'pdf'; html: string; footerTemplate: string }
  | { type: typeof PRINT_REQUEST; id: number; op: 'png'; items: RasterItem[]; fontCss: string; scale: number };
export type PrintResult =
  | { type: typeof PRINT_RESULT; id: number; ok: true; pdf?: Uint8Array; pages?: number | null; pngs?: Uint8Array[] }
  | { type: typeof PRINT_RESULT; id: number; ok: false; error: string };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isItem = (x: unknown): x is RasterItem => isObj(x) && typeof x.svg === 'string' && typeof x.width === 'number' && typeof x.height === 'number'
  && x.width > 0 && x.height > 0 && x.width <= 4000 && x.height <= 4000;

/** The request when `m` is a well-formed print request; null for other messages; an error text for bad ones. */
export function parsePrintRequest(m: unknown): PrintRequest | { id: number; error: string } | null {
  if (!isObj(m) || m.type !== PRINT_REQUEST) return null;
  const id = typeof m.id === 'number' && Number.isInteger(m.id) ? m.id : -1;
  if (id < 0) return { id: -1, error: 'print request without an id' };
  if (m.op === 'pdf') {
    if (typeof m.html !== 'string' || !m.html.startsWith('<!DOCTYPE html>')) return { id, error: 'the print request carries no HTML document' };
    if (m.html.length > MAX_PRINT_HTML) return { id, error: 'the report HTML is too large to print' };
    return { type: PRINT_REQUEST, id, op: 'pdf', html: m.html, footerTemplate: typeof m.footerTemplate === 'string' ? m.footerTemplate : '' };
  }
  if (m.op === 'png') {
    if (!Array.isArray(m.items) || m.items.length > MAX_RASTER_ITEMS || !m.items.every(isItem)) return { id, error: 'bad raster items' };
    const scale = typeof m.scale === 'number' && m.scale >= 1 && m.scale <= 4 ? m.scale : 2;
    return { type: PRINT_REQUEST, id, op: 'png', items: m.items, fontCss: typeof m.fontCss === 'string' ? m.fontCss : '', scale };
  }
  return { id, error: `unknown print operation ${String(m.op)}` };
}

/** Options for Electron's webContents.printToPDF: A4 from the CSS @page rule, backgrounds, the page-number footer, outline. */
export function pdfOptions(footerTemplate: string) {
  return {
    pageSize: 'A4' as const, printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true,
    headerTemplate: '<span></span>', footerTemplate, generateDocumentOutline: true, generateTaggedPDF: true,
  };
}

/** The page that shows one SVG for a screenshot at `scale`. */
export function rasterPage(item: RasterItem, fontCss: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${fontCss} html,body{margin:0;background:#fff;font-family:'Noto Sans SC',sans-serif;overflow:hidden} svg{display:block}</style></head>` +
    `<body>${item.svg.replace(/^<\?xml[^>]*>/, '')}</body></html>`;
}

/** Only local content: everything but file: and data: URLs is blocked in the print window. */
export const allowPrintUrl = (url: string): boolean => /^(file|data|about|blob):/i.test(url);
