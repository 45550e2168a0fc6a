/**
 * PDF printing and SVG rasterising through a Chromium. Three ways, chosen by `printerFor`:
 * - 'chromium': playwright-core driving the system Chromium (/usr/bin/chromium, CHROMIUM_PATH) — browser mode and the CLI;
 * - 'electron': the engine runs in a utilityProcess and cannot print; print-relay.ts forwards the job to the
 *   main process, which prints in a hidden sandboxed BrowserWindow (electron/main/report-print.ts);
 * - none: PDF_PRINTER_MISSING with how to install Chromium.
 */
import fs from 'node:fs';
import { ApiError } from '../../../../shared/api/errors';
import type { PrinterStatus } from '../../../../shared/domain/report/spec';
import { electronPrinting, RelayPrinter } from './print-relay';

export interface PrintOptions { footerTemplate: string }
export interface PdfPrinter {
  readonly how: 'electron' | 'chromium';
  /** Loads the print HTML, waits for its pagination script, prints A4 with the footer. */
  printPdf(html: string, o: PrintOptions): Promise<{ pdf: Uint8Array; pages: number | null }>;
  /** PNG screenshots of SVGs at `scale` (2 = retina), same fonts as the report. */
  rasterise(items: readonly { svg: string; width: number; height: number }[], fontCss: string, scale: number): Promise<Uint8Array[]>;
  close(): Promise<void>;
}

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'];

export function chromiumPath(): string | null {
  const env = process.env.CHROMIUM_PATH;
  if (env) return fs.existsSync(env) ? env : null;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export function printerStatus(zh: boolean): PrinterStatus {
  if (electronPrinting()) return { pdf: true, how: 'electron', message: zh ? '由 Electron 打印 PDF' : 'PDF printed by Electron' };
  const p = chromiumPath();
  if (p) return { pdf: true, how: 'chromium', message: zh ? `由 Chromium 打印 PDF（${p}）` : `PDF printed by Chromium (${p})` };
  return { pdf: false, how: 'none', message: new ApiError('PDF_PRINTER_MISSING').localized(zh ? 'zh-CN' : 'en') };
}

const PAGE_SCRIPT_TIMEOUT = 60_000;

class ChromiumPrinter implements PdfPrinter {
  readonly how = 'chromium' as const;
  private browser: import('playwright-core').Browser | null = null;
  constructor(private readonly exe: string) {}

  private async page(): Promise<import('playwright-core').Page> {
    if (!this.browser) {
      // Not shipped in the packaged app (it prints through Electron): a missing module is a missing printer.
      const { chromium } = await import('playwright-core').catch(() => { throw new ApiError('PDF_PRINTER_MISSING'); });
      this.browser = await chromium.launch({ executablePath: this.exe, headless: true, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
    }
    const ctx = await this.browser.newContext({ viewport: { width: 900, height: 1200 }, offline: true, javaScriptEnabled: true });
    const page = await ctx.newPage();
    await page.route(/^https?:/, (r) => r.abort());
    return page;
  }

  async printPdf(html: string, o: PrintOptions): Promise<{ pdf: Uint8Array; pages: number | null }> {
    const page = await this.page();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.waitForFunction('window.__reportPages !== undefined', undefined, { timeout: PAGE_SCRIPT_TIMEOUT });
      const info = (await page.evaluate('window.__reportPages')) as { pages: number };
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({
        preferCSSPageSize: true, printBackground: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: o.footerTemplate,
        outline: true, tagged: true,
      });
      return { pdf: new Uint8Array(pdf), pages: info.pages };
    } finally {
      await page.context().close();
    }
  }

  async rasterise(items: readonly { svg: string; width: number; height: number }[], fontCss: string, scale: number): Promise<Uint8Array[]> {
    if (!items.length) return [];
    if (!this.browser) await (await this.page()).context().close();
    const ctx = await this.browser!.newContext({ deviceScaleFactor: scale, offline: true, viewport: { width: 1000, height: 800 } });
    try {
      const page = await ctx.newPage();
      // One page with every figure (the fonts are parsed once), then one element screenshot each.
      const body = items.map((it, i) => `<div id="f${i}" style="width:${it.width}px;height:${it.height}px;overflow:hidden">${it.svg.replace(/^<\?xml[^>]*>/, '')}</div>`).join('');
      await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>${fontCss} html,body{margin:0;background:#fff;font-family:'Noto Sans SC',sans-serif} svg{display:block}</style></head><body>${body}</body></html>`);
      await page.evaluate('document.fonts.ready.then(() => true)');
      const out: Uint8Array[] = [];
      for (let i = 0; i < items.length; i++) out.push(new Uint8Array(await page.locator(`#f${i}`).screenshot({ type: 'png' })));
      return out;
    } finally {
      await ctx.close();
    }
  }

  async close(): Promise<void> {
    await this.browser?.close();
    this.browser = null;
  }
}

/** The printer of this host, or null when there is none (PDF refused, DOCX embeds SVG). */
export function printerFor(via: 'electron' | 'chromium'): PdfPrinter | null {
  if (via === 'electron') return new RelayPrinter();
  const exe = chromiumPath();
  return exe ? new ChromiumPrinter(exe) : null;
}

/** Footer "第 N 页 / 共 M 页" (Chromium fills pageNumber/totalPages); the font subset for its characters is embedded. */
export function footerTemplate(fontCss: string, zh: boolean): string {
  const text = zh ? '第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页' : 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
  return `<style>${fontCss}</style><div style="width:100%;text-align:center;font-size:8.5pt;color:#555;font-family:'Noto Sans SC',sans-serif;-webkit-print-color-adjust:exact">${text}</div>`;
}
