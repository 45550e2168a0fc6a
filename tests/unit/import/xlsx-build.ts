/** Hand-written XLSX packages for the reader tests: every part's XML is given, so each case is exact. */
import { writeZip } from '../engine/readers/zip-writer';

export interface BookParts {
  /** Sheet XML bodies, in tab order (sheetN.xml). */
  sheets: { name: string; xml: string }[];
  sharedStrings?: string[] | string;
  /** styles.xml, or the number formats of cellXfs 0, 1, 2…: a built-in id or a custom code. */
  styles?: string | (number | string)[];
  date1904?: boolean;
  /** Order of the parts in the zip (default: workbook parts first, then sheets, then shared strings). */
  order?: (names: string[]) => string[];
  prefix?: string;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A worksheet with the given `<row>` elements (prefix: namespace prefix of every element, e.g. 'x:'). */
export function sheetXml(rows: string, prefix = ''): string {
  const p = prefix;
  const ns = p ? `xmlns:${p.slice(0, -1)}="${NS}"` : `xmlns="${NS}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${p}worksheet ${ns} xmlns:r="${R}"><${p}dimension ref="A1"/><${p}sheetData>${rows}</${p}sheetData><${p}mergeCells count="0"/></${p}worksheet>`;
}

function stylesXml(fmts: (number | string)[]): string {
  const custom = fmts.map((f, i) => (typeof f === 'string' ? `<numFmt numFmtId="${164 + i}" formatCode="${f.replace(/"/g, '&quot;')}"/>` : '')).join('');
  const xfs = fmts.map((f, i) => `<xf numFmtId="${typeof f === 'string' ? 164 + i : f}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><numFmts count="1">${custom}</numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="${fmts.length}">${xfs}</cellXfs></styleSheet>`;
}

export function writeBook(path: string, b: BookParts): void {
  const entries: { name: string; data: string }[] = [];
  const wbSheets = b.sheets.map((s, i) => `<sheet name="${s.name.replace(/&/g, "&amp;")}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  entries.push({ name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' });
  entries.push({ name: 'xl/workbook.xml', data: `<workbook xmlns="${NS}" xmlns:r="${R}"><workbookPr${b.date1904 ? ' date1904="1"' : ''}/><sheets>${wbSheets}</sheets></workbook>` });
  const rels = b.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (b.sharedStrings !== undefined) rels.push(`<Relationship Id="rS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (b.styles !== undefined) rels.push(`<Relationship Id="rT" Type="${R}/styles" Target="styles.xml"/>`);
  entries.push({ name: 'xl/_rels/workbook.xml.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>` });
  if (b.styles !== undefined) entries.push({ name: 'xl/styles.xml', data: typeof b.styles === 'string' ? b.styles : stylesXml(b.styles) });
  b.sheets.forEach((s, i) => entries.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml }));
  if (b.sharedStrings !== undefined) {
    const sst = typeof b.sharedStrings === 'string' ? b.sharedStrings
      : `<sst xmlns="${NS}" count="${b.sharedStrings.length}">${b.sharedStrings.map((t) => (t.startsWith('<') ? `<si>${t}</si>` : `<si><t>${t}</t></si>`)).join('')}</sst>`;
    entries.push({ name: 'xl/sharedStrings.xml', data: sst });
  }
  const names = entries.map((e) => e.name);
  const order = b.order ? b.order(names) : names;
  writeZip(path, order.map((n) => entries.find((e) => e.name === n)!));
}
