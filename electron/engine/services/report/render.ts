/**
 * A report from spec to files: gather each section's data (existing services), compose the document
 * (pure), render charts to SVG (ECharts SSR), then write the formats asked for — HTML (standalone),
 * PDF (the same HTML printed by Chromium/Electron), DOCX, XLSX — and record the render with its hashes
 * in the history and the audit trail. Runs as a job body (worker thread, one transaction).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../../shared/api/errors';
import { composeReport } from '../../../../shared/domain/report/compose';
import { documentText, type Block, type ReportDocument } from '../../../../shared/domain/report/document';
import { renderReportHtml } from '../../../../shared/domain/report/html';
import type { Provenance } from '../../../../shared/domain/report/provenance';
import type { PreviewResult, RenderedFile, RenderResult, ReportFormat, ReportSpec } from '../../../../shared/domain/report/spec';
import { SqliteReportRepository } from '../../db/repos/report-repo';
import { SqliteAuditRepository } from '../../db/repos/audit-repo';
import { gatherSections, reportStats } from './gather';
import { renderCharts } from './charts';
import { fontFaceCss } from './fonts';
import { footerTemplate, printerFor, type PdfPrinter } from './printer';
import { renderDocx, type FigureImage } from './docx';
import { renderXlsx } from './xlsx';

export const sha256 = (s: string | Uint8Array): string => createHash('sha256').update(s).digest('hex');

export interface BuildContext { db: Database.Database; appVersion: string; now: () => number; progress?: (done: number, total: number, message?: string) => void }
export interface Built { doc: ReportDocument; hash: string; provenance: Provenance; fontCss: string; warnings: string[] }

/** Gathers, composes and renders charts: the document every writer uses. */
export function buildReport(c: BuildContext, spec: ReportSpec): Built {
  const repo = new SqliteReportRepository(c.db);
  const warnings: string[] = [];
  const zh = spec.locale !== 'en';
  const { data, resolved } = gatherSections({ db: c.db, spec, stats: reportStats(c.db), zh, warnings }, (d, n) => c.progress?.(d, n + 2, zh ? '汇总数据' : 'gathering data'));
  const provenance: Provenance = {
    appVersion: c.appVersion, schemaVersion: c.db.pragma('user_version', { simple: true }) as number,
    project: path.basename(c.db.name), synthetic: repo.synthetic(), batches: repo.batches(), filter: spec.filter, compareTo: spec.compareTo,
    sections: spec.sections.map((s) => ({ id: s.id, kind: s.kind, params: resolved.get(s.id) ?? s.params })), generatedAt: c.now(),
  };
  const categoryNames = repo.categoryNames();
  const { doc, hash } = composeReport({ spec, data, provenance, dataRange: repo.dataRange(), categoryNames, sha256 });
  const rendered = renderCharts(doc);
  return { doc: rendered, hash, provenance, fontCss: fontFaceCss(documentText(rendered)), warnings };
}

export function previewReport(c: BuildContext, spec: ReportSpec): PreviewResult {
  const b = buildReport(c, spec);
  return { html: renderReportHtml(b.doc, { fontCss: b.fontCss, print: false }), reportHash: b.hash, warnings: b.warnings };
}

export interface RenderParams { spec: ReportSpec; formats: ReportFormat[]; outDir: string; baseName: string; overwrite: boolean; actor?: string; printVia?: 'electron' | 'chromium' }

const EXT: Record<ReportFormat, string> = { pdf: 'pdf', html: 'html', docx: 'docx', xlsx: 'xlsx' };

async function figureImages(doc: ReportDocument, printer: PdfPrinter | null, fontCss: string): Promise<Map<Block, FigureImage>> {
  const figs = doc.blocks.filter((b): b is Extract<Block, { type: 'figure' }> => b.type === 'figure');
  const out = new Map<Block, FigureImage>();
  const svgs = figs.filter((f) => f.svg);
  const pngs = printer ? await printer.rasterise(svgs.map((f) => ({ svg: f.svg!, width: f.width, height: f.height })), fontCss, 2) : [];
  svgs.forEach((f, i) => out.set(f, { png: pngs[i] ?? null, svg: f.svg ?? null }));
  for (const f of figs) if (!f.svg && f.png) out.set(f, { png: Uint8Array.from(Buffer.from(f.png.replace(/^data:image\/png;base64,/, ''), 'base64')), svg: null });
  return out;
}

/** Writes every format; returns the files with sizes and SHA-256, the PDF page count and warnings. */
export async function renderReport(c: BuildContext, p: RenderParams): Promise<RenderResult> {
  const zh = p.spec.locale !== 'en';
  const targets = p.formats.map((f) => ({ format: f, path: path.join(path.resolve(p.outDir), `${p.baseName}.${EXT[f]}`) }));
  if (!p.overwrite) for (const t of targets) if (fs.existsSync(t.path)) throw new ApiError('REPORT_OUT_EXISTS', { path: t.path });
  const needsChromium = p.formats.includes('pdf') || p.formats.includes('docx');
  const printer = needsChromium ? printerFor(p.printVia ?? 'chromium') : null;
  if (p.formats.includes('pdf') && !printer) throw new ApiError('PDF_PRINTER_MISSING');
  const b = buildReport(c, p.spec);
  const warnings = [...b.warnings];
  fs.mkdirSync(path.resolve(p.outDir), { recursive: true });
  const files: RenderedFile[] = [];
  let pages: number | null = null;
  const total = targets.length + 2;
  try {
    for (const [i, t] of targets.entries()) {
      c.progress?.(i + 2, total, t.format.toUpperCase());
      let bytes: Uint8Array;
      if (t.format === 'html') bytes = Buffer.from(renderReportHtml(b.doc, { fontCss: b.fontCss, print: false }), 'utf8');
      else if (t.format === 'pdf') {
        const html = renderReportHtml(b.doc, { fontCss: b.fontCss, print: true });
        const footer = footerTemplate(fontFaceCss(zh ? '第页共 0123456789/' : 'Page of 0123456789'), zh);
        try {
          const r = await printer!.printPdf(html, { footerTemplate: footer });
          bytes = r.pdf;
          pages = r.pages;
        } catch (e) {
          throw e instanceof ApiError ? e : new ApiError('REPORT_PRINT_FAILED', { detail: String((e as Error).message ?? e).slice(0, 300) });
        }
      } else if (t.format === 'docx') {
        if (!printer) warnings.push(zh ? '未找到 Chromium：DOCX 中的图以 SVG 嵌入（Word 2016 及以上可显示）。' : 'No Chromium: DOCX figures are embedded as SVG (shown by Word 2016 and later).');
        bytes = await renderDocx(b.doc, await figureImages(b.doc, printer, b.fontCss));
      } else bytes = await renderXlsx(b.doc, b.provenance, b.hash);
      const tmp = `${t.path}.part`;
      fs.writeFileSync(tmp, bytes);
      fs.renameSync(tmp, t.path);
      files.push({ format: t.format, path: t.path, bytes: bytes.byteLength, sha256: sha256(bytes) });
    }
  } finally {
    await printer?.close();
  }
  const at = c.now();
  const repo = new SqliteReportRepository(c.db);
  const actor = p.actor ?? 'user';
  repo.addRender({ at, title: p.spec.title, template: p.spec.template, spec: p.spec, files, reportHash: b.hash, actor });
  new SqliteAuditRepository(c.db).append({
    at, actor, action: 'report.render',
    detail: { title: p.spec.title, template: p.spec.template, reportHash: b.hash, filter: p.spec.filter, files: files.map((f) => ({ format: f.format, file: path.basename(f.path), bytes: f.bytes, sha256: f.sha256 })) },
  });
  c.progress?.(total, total);
  return { files, reportHash: b.hash, pages, warnings };
}
