/**
 * Prints reports for the engine: the engine (a utilityProcess) sends `report.print` requests over its
 * parent port; this prints the HTML in a hidden, sandboxed BrowserWindow with webContents.printToPDF
 * (or screenshots SVGs for DOCX figures) and replies with the bytes. No network: every http(s) request
 * of the print session is cancelled. Decisions are in shared/domain/report/print-protocol.ts.
 */
import { BrowserWindow, session } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PRINT_RESULT, allowPrintUrl, parsePrintRequest, pdfOptions, rasterPage, type PrintResult } from '../../shared/domain/report/print-protocol';

interface PortLike { postMessage(m: unknown): void }
const PARTITION = 'report-print';
const TIMEOUT_MS = 120_000;
let sessionReady = false;

function printWindow(width: number, height: number, zoomFactor = 1): BrowserWindow {
  const ses = session.fromPartition(PARTITION);
  if (!sessionReady) {
    ses.webRequest.onBeforeRequest((d, cb) => cb({ cancel: !allowPrintUrl(d.url) }));
    sessionReady = true;
  }
  return new BrowserWindow({
    show: false, width, height, useContentSize: true,
    webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true, zoomFactor, spellcheck: false },
  });
}

async function loadHtml(win: BrowserWindow, html: string): Promise<() => void> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-print-')), 'report.html');
  fs.writeFileSync(file, html, 'utf8');
  await win.loadFile(file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

async function waitFor(win: BrowserWindow, expr: string): Promise<unknown> {
  const t0 = Date.now();
  for (;;) {
    const v: unknown = await win.webContents.executeJavaScript(expr, true);
    if (v !== undefined && v !== null) return v;
    if (Date.now() - t0 > TIMEOUT_MS) throw new Error('the report page did not finish its layout');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function printPdf(html: string, footerTemplate: string): Promise<{ pdf: Uint8Array; pages: number | null }> {
  const win = printWindow(900, 1200);
  let cleanup = () => {};
  try {
    cleanup = await loadHtml(win, html);
    const info = await waitFor(win, 'window.__reportPages') as { pages?: number };
    const pdf = await win.webContents.printToPDF(pdfOptions(footerTemplate));
    return { pdf: new Uint8Array(pdf), pages: typeof info.pages === 'number' ? info.pages : null };
  } finally {
    win.destroy();
    cleanup();
  }
}

async function rasterise(items: { svg: string; width: number; height: number }[], fontCss: string, scale: number): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const it of items) {
    const win = printWindow(Math.ceil(it.width * scale), Math.ceil(it.height * scale), scale);
    let cleanup = () => {};
    try {
      cleanup = await loadHtml(win, rasterPage(it, fontCss));
      await waitFor(win, 'document.fonts.ready.then(() => true)');
      out.push(new Uint8Array((await win.webContents.capturePage()).toPNG()));
    } finally {
      win.destroy();
      cleanup();
    }
  }
  return out;
}

/** Handles one utilityProcess message when it is a print request (other messages are ignored). */
export function handleReportPrint(port: PortLike, message: unknown): void {
  const req = parsePrintRequest(message);
  if (!req) return;
  const reply = (r: PrintResult) => port.postMessage(r);
  if (!('type' in req)) { reply({ type: PRINT_RESULT, id: req.id, ok: false, error: req.error }); return; }
  const work = req.op === 'pdf'
    ? printPdf(req.html, req.footerTemplate).then((r) => ({ pdf: r.pdf, pages: r.pages }))
    : rasterise(req.items, req.fontCss, req.scale).then((pngs) => ({ pngs }));
  work.then(
    (r) => reply({ type: PRINT_RESULT, id: req.id, ok: true, ...r }),
    (e: unknown) => reply({ type: PRINT_RESULT, id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
}
