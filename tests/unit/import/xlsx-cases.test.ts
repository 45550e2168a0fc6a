/**
 * The streaming XLSX reader on hand-written packages: each part's XML is spelled out, so every
 * case (inline and rich text, 1904 dates, formulas, gaps, part order, prefixes, escapes, huge cells)
 * is checked against values stated here, not against another reader.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readZipIndex } from '../../../electron/engine/services/import/readers/zip-index';
import { sniffFile } from '../../../electron/engine/services/import/readers/index';
import { tmpDir } from '../../helpers/tmp';
import { readAll } from '../engine/readers/helpers';
import { sheetXml, writeBook, type BookParts } from './xlsx-build';

const tmp = tmpDir('minsheng-xlsx-cases-');
afterAll(() => tmp.cleanup());
let n = 0;
function book(parts: BookParts): string {
  const p = path.join(tmp.dir, `b${n++}.xlsx`);
  writeBook(p, parts);
  return p;
}
const DAY = 86_400_000;
const read = (file: string, sheet?: string) => readAll(file, { format: 'xlsx', ...(sheet ? { sheet } : {}) });
const inline = (ref: string, t: string): string => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
const header = (cols: string[]): string => `<row r="1">${cols.map((c, i) => inline(`${String.fromCharCode(65 + i)}1`, c)).join('')}</row>`;

describe('XLSX cell kinds', () => {
  it('reads inline strings, rich-text runs and shared strings, leaving phonetic runs out', async () => {
    const f = book({
      sharedStrings: ['备注', '<r><t>东</t></r><r><rPr><i/></rPr><t>京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>'],
      sheets: [{ name: '工单', xml: sheetXml(`<row r="1">${inline('A1', '编号')}${inline('B1', '内容')}<c r="C1" t="s"><v>0</v></c></row>`
        + `<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> GD1 </t></is></c><c r="B2" t="inlineStr"><is><r><rPr><b/></rPr><t>路灯</t></r><r><t xml:space="preserve">不亮</t></r></is></c><c r="C2" t="s"><v>1</v></c></row>`) }],
    });
    const r = await read(f);
    expect(r.headers).toEqual(['编号', '内容', '备注']);
    expect(r.rows.map((x) => x.cells)).toEqual([[' GD1 ', '路灯不亮', '东京']]);
    expect(r.rows[0].raw).toBe(' GD1 ,路灯不亮,东京');
  });

  it('turns date-formatted numbers into dates in the 1904 system; other formats stay numbers', async () => {
    const f = book({
      date1904: true,
      styles: [0, 14, 'yyyy/m/d h:mm', 31, '0.00', '[Red]#,##0;"年"0'],
      sheets: [{ name: 'S', xml: sheetXml(header(['a', 'b', 'c', 'd', 'e', 'f'])
        + '<row r="2"><c r="A2" s="1"><v>0</v></c><c r="B2" s="2"><v>43000.5</v></c><c r="C2" s="3"><v>43001</v></c><c r="D2" s="4"><v>43000.5</v></c><c r="E2" s="5"><v>12</v></c><c r="F2"><v>43000</v></c></row>') }],
    });
    const [row] = (await read(f)).rows;
    const base1904 = Date.UTC(1904, 0, 1);
    expect(row.cells.slice(0, 3)).toEqual([new Date(base1904), new Date(base1904 + 43000.5 * DAY), new Date(base1904 + 43001 * DAY)]);
    expect(row.cells.slice(3)).toEqual([43000.5, 12, 43000]);
  });

  it('gives formulas their cached values (number, text, error, boolean, shared formulas) and nothing when none is cached', async () => {
    const f = book({
      styles: [0, 'yyyy-mm-dd'],
      sheets: [{ name: 'S', xml: sheetXml(header(['n', 's', 'e', 'none', 'date', 'b'])
        + '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="str"><f>"a"&amp;"&lt;b&gt;"</f><v>a&lt;b&gt;</v></c><c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        + '<c r="D2"><f>NOW()</f></c><c r="E2" s="1"><f t="shared" ref="E2:E3" si="0">A2+1</f><v>45000</v></c><c r="F2" t="b"><f>TRUE()</f><v>1</v></c></row>'
        + '<row r="3"><c r="A3"><v>-1.5E-3</v></c><c r="E3" s="1"><f t="shared" si="0"/><v>45001.25</v></c><c r="F3" t="b"><v>0</v></c></row>') }],
    });
    const r = await read(f);
    const base1900 = Date.UTC(1899, 11, 30);
    expect(r.rows[0].cells).toEqual([2, 'a<b>', '#DIV/0!', null, new Date(base1900 + 45000 * DAY), true]);
    expect(r.rows[1].cells).toEqual([-0.0015, null, null, null, new Date(base1900 + 45001.25 * DAY), false]);
  });

  it('decodes entities, character references, OOXML _xHHHH_ escapes and normalises line ends', async () => {
    const f = book({
      sheets: [{ name: 'S', xml: sheetXml(header(['t'])
        + `<row r="2">${inline('A2', 'a &amp; b &lt;c&gt; &#x4E2D;&#25991; _x000D_|_x005F_x000D_|x&#13;y\r\nz\rw')}</row>`
        + '<row r="3"><c r="A3" t="d"><v>2024-03-05T06:07:08</v></c></row>') }],
    });
    const r = await read(f);
    expect(r.rows[0].cells).toEqual(['a & b <c> 中文 \r|_x000D_|x\ry\nz\nw']);
    expect(r.rows[1].cells).toEqual([new Date(Date.UTC(2024, 2, 5, 6, 7, 8))]);
  });
});

describe('XLSX grid', () => {
  it('puts cells at their reference: skipped columns are empty, rows missing or empty are blank, unnumbered rows and cells follow', async () => {
    const f = book({
      styles: [0, 0],
      sheets: [{ name: 'S', xml: sheetXml(header(['a', 'b', 'c', 'd', 'e'])
        + '<row r="5" spans="1:5"><c r="C5"><v>3</v></c><c r="E5" s="1"/></row>'
        + '<row r="6"/><row r="7"><c r="A7" s="1"/><c r="B7" t="inlineStr"><is><t>  </t></is></c></row>'
        + '<row><c><v>1</v></c><c><v>2</v></c><c r="E8"><v>5</v></c><c><v>6</v></c></row>'
        + '<row r="9"><c r="b9" t="inlineStr"><is><t>小写引用</t></is></c></row>') }],
    });
    const r = await read(f);
    expect(r.rows.map((x) => [x.rowNumber, x.cells])).toEqual([
      [5, [null, null, 3, null, null]],
      [8, [1, 2, null, null, 5, 6]], // a cell beyond the header is kept (the row mapper calls it ragged)
      [9, [null, '小写引用', null, null, null]],
    ]);
    expect(r.blank).toBe(5); // rows 2, 3, 4 (missing), 6 (empty) and 7 (empty and whitespace cells)
    expect(r.bytesRead).toBe(r.totalBytes);
  });

  it('reads the same rows when the sheet comes before the shared strings in the zip, and after', async () => {
    const parts: BookParts = {
      sharedStrings: ['编号', '内容', 'GD1', '路灯不亮'],
      sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>') }],
    };
    const sheetFirst = book({ ...parts, order: (names) => [...names.filter((x) => x !== 'xl/sharedStrings.xml'), 'xl/sharedStrings.xml'] });
    const stringsFirst = book({ ...parts, order: (names) => ['xl/sharedStrings.xml', ...names.filter((x) => x !== 'xl/sharedStrings.xml')] });
    const zip = await readZipIndex(sheetFirst);
    expect(zip.entries.get('xl/worksheets/sheet1.xml')!.offset).toBeLessThan(zip.entries.get('xl/sharedStrings.xml')!.offset);
    for (const f of [sheetFirst, stringsFirst]) {
      const r = await read(f);
      expect(r.headers).toEqual(['编号', '内容']);
      expect(r.rows.map((x) => x.cells)).toEqual([['GD1', '路灯不亮']]);
    }
  });

  it('reads parts written with a namespace prefix (x:row, x:c, x:si)', async () => {
    const p = 'x:';
    const f = book({
      sharedStrings: `<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>编号</x:t></x:si><x:si><x:r><x:t>路</x:t></x:r><x:r><x:t>灯</x:t></x:r></x:si></x:sst>`,
      sheets: [{ name: 'S', xml: sheetXml(`<${p}row r="1"><${p}c r="A1" t="s"><${p}v>0</${p}v></${p}c></${p}row><${p}row r="2"><${p}c r="A2" t="s"><${p}v>1</${p}v></${p}c><${p}c r="B2"><${p}v>7</${p}v></${p}c></${p}row>`, p) }],
    });
    const r = await read(f);
    expect(r.headers).toEqual(['编号']);
    expect(r.rows.map((x) => x.cells)).toEqual([['路灯', 7]]);
  });

  it('reads a cell of 300,000 characters whole, with the rows around it', async () => {
    const big = '长'.repeat(150_000) + 'x&amp;'.repeat(30_000);
    const f = book({ sheets: [{ name: 'S', xml: sheetXml(`${header(['id', 'text'])}<row r="2">${inline('A2', 'a')}${inline('B2', big)}</row><row r="3">${inline('A3', 'b')}${inline('B3', '短')}</row>`) }] });
    const r = await read(f);
    expect(r.rows.map((x) => x.cells[0])).toEqual(['a', 'b']);
    expect(r.rows[0].cells[1]).toBe('长'.repeat(150_000) + 'x&'.repeat(30_000));
    expect(r.rows[1].cells[1]).toBe('短');
  });

  it('lists sheets by their workbook names and reads the chosen one', async () => {
    const f = book({ sheets: [{ name: '一', xml: sheetXml(header(['a'])) }, { name: '二 & 三', xml: sheetXml(`${header(['b'])}<row r="2">${inline('A2', '乙')}</row>`) }] });
    const s = await sniffFile(f);
    expect(s.sheets).toEqual(['一', '二 & 三']);
    const r = await read(f, '二 & 三');
    expect(r.headers).toEqual(['b']);
    expect(r.rows.map((x) => x.cells)).toEqual([['乙']]);
  });
});
