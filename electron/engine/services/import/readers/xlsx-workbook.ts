/**
 * The workbook part of an XLSX read from the zip index: sheet names in tab order and the part each
 * lives in. Also names what a zip that is not a workbook looks like (Word, PowerPoint, OpenDocument).
 */
import { badInput, notImportable } from './errors';
import { readEntry, readZipIndex, ZipError, type ZipIndex } from './zip-index';

export interface SheetInfo {
  name: string;
  /** Zip path of the sheet part, e.g. 'xl/worksheets/sheet1.xml'. */
  part: string;
  hidden: boolean;
}

export interface WorkbookInfo {
  zip: ZipIndex;
  sheets: SheetInfo[];
  date1904: boolean;
  /** Zip paths of the shared strings and styles parts (by relationship type), null when absent. */
  sharedStrings: string | null;
  styles: string | null;
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

function attrs(tag: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) m.set(a[1], unescapeXml(a[2] ?? a[3] ?? ''));
  return m;
}

/** Relationship id attribute of a <sheet>, whatever its namespace prefix (r:id, d3p1:id…). */
function relId(a: Map<string, string>): string | undefined {
  for (const [k, v] of a) if (/^[\w.-]+:id$/.test(k)) return v;
  return undefined;
}

function resolvePart(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function notAWorkbook(zip: ZipIndex): Error {
  const has = (n: string): boolean => zip.entries.has(n);
  if (has('word/document.xml')) return notImportable(' Word 文档（.docx）', 'a Word document (.docx)');
  if (has('ppt/presentation.xml')) return notImportable(' PowerPoint 演示文稿（.pptx）', 'a PowerPoint presentation (.pptx)');
  if (has('content.xml') && has('mimetype')) {
    return notImportable(' OpenDocument 文件（如 WPS/LibreOffice 的 .ods），请另存为 .xlsx 或 CSV', 'an OpenDocument file (e.g. .ods); save it as .xlsx or CSV');
  }
  return notImportable('普通 zip 压缩包，而不是 Excel 工作簿，请先解压', 'a zip archive, not an Excel workbook; extract it first');
}

export async function readWorkbookInfo(path: string): Promise<WorkbookInfo> {
  let zip: ZipIndex;
  try {
    zip = await readZipIndex(path);
  } catch (e) {
    if (e instanceof ZipError) {
      throw badInput(`Excel 文件不完整或已损坏（${e.message}），可能下载或复制中断，请重新获取该文件`,
        `the Excel file is incomplete or corrupt (${e.message}); the download or copy may have been cut short, get the file again`);
    }
    throw e;
  }
  if (!zip.entries.has('xl/workbook.xml')) throw notAWorkbook(zip);
  try {
    const wb = (await readEntry(zip, 'xl/workbook.xml'))!.toString('utf8');
    const relsBuf = await readEntry(zip, 'xl/_rels/workbook.xml.rels');
    const targets = new Map<string, string>();
    const byType = new Map<string, string>();
    for (const m of (relsBuf?.toString('utf8') ?? '').matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
      const a = attrs(m[0]);
      const id = a.get('Id'), target = a.get('Target');
      if (id && target) targets.set(id, resolvePart(target));
      const type = /\/(\w+)$/.exec(a.get('Type') ?? '')?.[1];
      if (type && target) byType.set(type, resolvePart(target));
    }
    const sheets: SheetInfo[] = [];
    for (const m of wb.matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/g)) {
      const a = attrs(m[0]);
      const name = a.get('name');
      const rid = relId(a);
      const part = rid ? targets.get(rid) : undefined;
      if (!name || !part) continue;
      sheets.push({ name, part, hidden: (a.get('state') ?? 'visible') !== 'visible' });
    }
    const pr = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(wb);
    const d = pr ? attrs(pr[0]).get('date1904') : undefined;
    const part = (type: string, usual: string): string | null => {
      const p = byType.get(type) ?? usual;
      return zip.entries.has(p) ? p : null;
    };
    return { zip, sheets, date1904: d === '1' || d === 'true', sharedStrings: part('sharedStrings', 'xl/sharedStrings.xml'), styles: part('styles', 'xl/styles.xml') };
  } catch (e) {
    throw badInput(`Excel 文件的工作簿结构已损坏（${(e as Error).message}）`, `the Excel workbook structure is corrupt (${(e as Error).message})`);
  }
}
