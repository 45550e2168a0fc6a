/**
 * The report builder through the contract: templates and the basket persisted in the project, a report
 * with every section kind rendered to PDF, DOCX, HTML and XLSX from a small demo project, each checked
 * with an independent reader (poppler, unzip, exceljs), the audit entry, hash determinism, and the
 * clear error when no Chromium can print.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import type { RenderResult, PreviewResult, ReportSpec } from '../../shared/domain/report/spec';
import { BUILTIN_TEMPLATES } from '../../shared/domain/report/templates';
import { tmpDir } from '../helpers/tmp';
import { inProcess, type TransportHarness } from './transports';
import { runJob } from './layers-support';
import { docxParts, htmlTables, pageText, poppler, tocEntries } from './report-support';

const PNG_1PX = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('report builder (contract)', () => {
  let h: TransportHarness; let api: ApiClient; let cleanup: () => void; let dir: string;
  let itemId: string;
  const db = () => h.engine.ctx.projects.require().handle.db;
  const spec = (): ReportSpec => ({
    title: '宁川市 12345 热线专报', subtitle: '合成数据测试', organisation: '宁川市政务服务中心', template: 'thematic', locale: 'zh-CN',
    filter: { from: Date.UTC(2023, 6, 1) - 8 * 3_600_000, to: Date.UTC(2024, 6, 1) - 8 * 3_600_000 }, compareTo: 'previous-period',
    sections: [
      ...BUILTIN_TEMPLATES.find((t) => t.id === 'thematic')!.spec.sections,
      { id: 'heat', kind: 'map', params: { mode: 'heat', level: 'district' } },
      { id: 'item', kind: 'item', params: { itemId } },
      { id: 'note', kind: 'commentary', title: '结论', params: { text: '第一段。\n\n第二段。' } },
    ],
  });

  beforeAll(async () => {
    ({ dir, cleanup } = tmpDir('minsheng-report-'));
    h = await inProcess(path.join(dir, 'data'));
    api = createApiClient(h.transport);
    await api.call('project.create', { path: path.join(dir, 'r.minsheng') });
    await runJob(api, () => api.call('demo.generate', { records: 3000, seed: 7 }));
  }, 240_000);
  afterAll(async () => { await h.close(); cleanup(); });

  it('templates: three built-ins, an edit is saved in the project and reset restores it; user templates come and go', async () => {
    const list = await api.call('report.templates', {});
    expect(list.map((t) => t.id)).toEqual(['brief', 'thematic', 'assessment']);
    const brief = list[0];
    const saved = await api.call('report.saveTemplate', { template: { id: 'brief', name: '简报', kind: 'brief', spec: { ...brief.spec, title: '本市简报' } } });
    expect(saved).toMatchObject({ builtin: true, modified: true });
    expect((await api.call('report.templates', {}))[0].spec.title).toBe('本市简报');
    await expect(api.call('report.deleteTemplate', { id: 'brief' })).rejects.toThrow(/内置模板|built-in template/);
    expect((await api.call('report.resetTemplate', { id: 'brief' })).spec.title).toBe(brief.spec.title);
    expect((await api.call('report.templates', {}))[0].modified).toBe(false);
    await api.call('report.saveTemplate', { template: { id: 'mine', name: '我的模板', kind: 'custom', spec: brief.spec } });
    expect((await api.call('report.templates', {})).map((t) => t.id)).toContain('mine');
    expect(await api.call('report.deleteTemplate', { id: 'mine' })).toEqual({ deleted: true });
  });

  it('basket: an added item is listed without its body and read back whole', async () => {
    ({ id: itemId } = await api.call('report.addItem', {
      title: '各区诉求量', kind: 'chart', source: 'trends', png: PNG_1PX, filter: {}, table: { columns: ['区', '件数'], rows: [['玄湖区', 12], ['钟山区', 7]] },
    }));
    const items = await api.call('report.items', {});
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: itemId, title: '各区诉求量', tableRows: 2, hasSvg: false, thumbnail: PNG_1PX });
    expect((items[0] as Record<string, unknown>).png).toBeUndefined();
    expect((await api.call('report.item', { id: itemId })).png).toBe(PNG_1PX);
    await expect(api.call('report.addItem', { title: 'x', kind: 'chart', source: 's', png: 'data:image/gif;base64,AA', filter: {} } as never)).rejects.toThrow();
  });

  it('preview: standalone HTML for an iframe', async () => {
    const r = await runJob<PreviewResult>(api, () => api.call('report.preview', { spec: spec() }));
    expect(r.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.html).toContain('宁川市 12345 热线专报');
    expect(r.reportHash).toMatch(/^[0-9a-f]{64}$/);
  }, 120_000);

  let result: RenderResult;
  it('renders PDF, DOCX, HTML and XLSX; files, sizes and hashes as reported; history and audit record it', async () => {
    expect(await api.call('report.printerStatus', {})).toMatchObject({ pdf: true, how: 'chromium' });
    result = await runJob<RenderResult>(api, () => api.call('report.render', { spec: spec(), formats: ['pdf', 'docx', 'html', 'xlsx'], outDir: path.join(dir, 'out'), baseName: '专报' }));
    expect(result.files.map((f) => f.format)).toEqual(['pdf', 'docx', 'html', 'xlsx']);
    for (const f of result.files) {
      const bytes = fs.readFileSync(f.path);
      expect(path.basename(f.path)).toBe(`专报.${f.format}`);
      expect(bytes.length).toBe(f.bytes);
      expect(sha(bytes)).toBe(f.sha256);
    }
    const hist = await api.call('report.history', {});
    expect(hist[0]).toMatchObject({ title: '宁川市 12345 热线专报', reportHash: result.reportHash, formats: ['pdf', 'docx', 'html', 'xlsx'] });
    const audit = db().prepare("SELECT detail_json FROM audit_log WHERE action = 'report.render'").all() as { detail_json: string }[];
    expect(audit).toHaveLength(1);
    const detail = JSON.parse(audit[0].detail_json) as { reportHash: string; files: { sha256: string }[] };
    expect(detail.reportHash).toBe(result.reportHash);
    expect(detail.files.map((f) => f.sha256)).toEqual(result.files.map((f) => f.sha256));
  }, 240_000);

  it('PDF: A4 pages as reported, a CJK font embedded, section titles found on the pages the TOC gives, page numbers in the footer', () => {
    const pdf = result.files.find((f) => f.format === 'pdf')!.path;
    const info = poppler('pdfinfo', [pdf]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBe(result.pages);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const fonts = poppler('pdffonts', [pdf]).split('\n').filter((l) => /NotoSansSC|NotoSansCJK/.test(l));
    expect(fonts.length).toBeGreaterThan(0);
    for (const l of fonts) expect(l).toMatch(/\byes\s+yes\s+yes\b/);
    expect(pageText(pdf, 1)).toContain('宁川市 12345 热线专报');
    const toc = tocEntries(pageText(pdf, 2));
    expect(toc.length).toBeGreaterThanOrEqual(10);
    expect(toc.map((e) => e.title)).toEqual(expect.arrayContaining(['总体情况', '诉求量走势', '结论', '附录：数据来源与可追溯信息']));
    for (const e of toc) {
      const text = pageText(pdf, e.page);
      expect(text.replace(/\s+/g, ''), `${e.number} ${e.title} on page ${e.page}`).toContain(`${e.number}${e.title}`.replace(/\s+/g, ''));
      expect(text).toContain(`第 ${e.page} 页 / 共 ${pages} 页`);
    }
  });

  it('DOCX: Word headings, a TOC field, tables with header rows, images and a page-number footer', async () => {
    const { xml, media, footer } = await docxParts(result.files.find((f) => f.format === 'docx')!.path);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o/);
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThan(5);
    expect(xml).toContain('<w:tblHeader/>');
    expect((xml.match(/<w:drawing>/g) ?? []).length).toBeGreaterThan(5);
    expect(media.filter((m) => m.endsWith('.png')).length).toBeGreaterThan(5);
    expect(xml).toContain('总体情况');
  });

  it('HTML: one file with no external references and the font embedded', () => {
    const html = fs.readFileSync(result.files.find((f) => f.format === 'html')!.path, 'utf8');
    const outsideSvgNs = html.replace(/xmlns(:\w+)?="http:\/\/www\.w3\.org\/[^"]+"/g, '');
    expect(outsideSvgNs).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/(?:src|href)="\//);
    expect(html).toMatch(/@font-face\{font-family:'Noto Sans SC'.*src:url\(data:font\/woff2;base64,/);
    expect(html).toContain('<svg');
  });

  it('XLSX: one sheet per report table with the same rows, plus the provenance sheet', async () => {
    const html = fs.readFileSync(result.files.find((f) => f.format === 'html')!.path, 'utf8');
    const tables = htmlTables(html);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result.files.find((f) => f.format === 'xlsx')!.path);
    expect(wb.worksheets.length).toBe(tables.length + 1);
    tables.forEach((t, i) => expect(wb.worksheets[i].rowCount, t.caption).toBe(t.rows + 1));
    const prov = wb.worksheets[tables.length];
    expect(prov.name).toBe('数据来源');
    const values = prov.getSheetValues().flat().map(String);
    expect(values).toContain(result.reportHash);
  });

  it('the same spec over the same data gives the same report hash', async () => {
    const again = await runJob<RenderResult>(api, () => api.call('report.render', { spec: spec(), formats: ['html'], outDir: path.join(dir, 'out2'), baseName: 'again' }));
    expect(again.reportHash).toBe(result.reportHash);
  }, 120_000);

  it('without a Chromium, a PDF is refused with how to install one; other formats still work', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = path.join(dir, 'no-chromium');
    try {
      expect(await api.call('report.printerStatus', {})).toMatchObject({ pdf: false, how: 'none' });
      await expect(api.call('report.render', { spec: spec(), formats: ['pdf'], outDir: path.join(dir, 'out3'), baseName: 'x' })).rejects.toThrow(/apt-get install chromium/);
      expect(fs.existsSync(path.join(dir, 'out3'))).toBe(false);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH; else process.env.CHROMIUM_PATH = before;
    }
  });
});
