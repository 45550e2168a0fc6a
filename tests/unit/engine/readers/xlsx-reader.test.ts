import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRowSource, sniffFile } from '../../../../electron/engine/services/import/readers/index';
import { readEntry, readZipIndex } from '../../../../electron/engine/services/import/readers/zip-index';
import { tmpDir } from '../../../helpers/tmp';
import { apiErrorOf, readAll } from './helpers';
import { writeZip } from './zip-writer';

const tmp = tmpDir('minsheng-readers-xlsx-');
afterAll(() => tmp.cleanup());
const at = (name: string): string => path.join(tmp.dir, name);

const RECEIVED = new Date(Date.UTC(2024, 0, 2, 8, 30, 0));

/** A workbook with typed cells on its first sheet, a second sheet, and blank rows. */
async function writeSample(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(['编号 ', ' 受理时间', '诉求内容', '金额', '备注']);
  ws.addRow(['GD001', RECEIVED, { richText: [{ text: '路灯', font: { bold: true } }, { text: '不亮' }] }, 12.5, true]);
  ws.getCell('B2').numFmt = 'yyyy-mm-dd hh:mm';
  ws.addRow(['GD002', { formula: 'B2+1', result: 45294.5 }, { formula: 'C2&"!"', result: '路灯不亮!' }, { formula: 'D2*2', result: 25 }, { error: '#N/A' }]);
  ws.getCell('B3').numFmt = 'yyyy-mm-dd hh:mm';
  ws.addRow([]); // row 4: blank
  ws.getRow(5).getCell(1).value = '   '; // row 5: whitespace only
  ws.getRow(5).getCell(2).style = { font: { bold: true } }; // styled empty cell
  ws.getRow(7).values = ['GD003', '2024/1/3 9:00', '短行']; // row 6 missing: a gap
  ws.getRow(8).values = ['GD004', null, null, null, null, '超出表头'];
  const second = wb.addWorksheet('第二页');
  second.addRow(['名称']);
  second.addRow(['乙']);
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  await writeSample(at('sample.xlsx'));
});

describe('XLSX reading', () => {
  it('reads typed cells: dates, formula results, rich text, errors, booleans', async () => {
    const r = await readAll(at('sample.xlsx'), { format: 'xlsx' });
    expect(r.headers).toEqual(['编号', '受理时间', '诉求内容', '金额', '备注']);
    const [a, b] = r.rows;
    expect(a.rowNumber).toBe(2);
    expect(a.cells).toEqual(['GD001', RECEIVED, '路灯不亮', 12.5, true]);
    expect(b.cells[0]).toBe('GD002');
    expect(b.cells[1]).toBeInstanceOf(Date); // date-formatted formula result
    expect((b.cells[1] as Date).toISOString()).toBe('2024-01-03T12:00:00.000Z');
    expect(b.cells.slice(2)).toEqual(['路灯不亮!', 25, '#N/A']);
    expect(a.raw).toBe('GD001,2024-01-02 08:30:00,路灯不亮,12.5,true');
  });

  it('pads rows to the header width, keeps extra cells, skips and counts blank and missing rows', async () => {
    const r = await readAll(at('sample.xlsx'), { format: 'xlsx' });
    expect(r.rows.map((x) => x.rowNumber)).toEqual([2, 3, 7, 8]);
    expect(r.rows[2].cells).toEqual(['GD003', '2024/1/3 9:00', '短行', null, null]);
    expect(r.rows[3].cells).toEqual(['GD004', null, null, null, null, '超出表头']);
    expect(r.blank).toBe(3); // rows 4, 5 and the missing row 6
    expect(r.bytesRead).toBeGreaterThan(0);
  });

  it('lists sheets, reads the first by default and another by name', async () => {
    const s = await sniffFile(at('sample.xlsx'));
    expect(s).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, quote: null, sheets: ['工单', '第二页'], sheet: '工单' });
    expect(s.sample[0]).toEqual(['GD001', '2024-01-02 08:30:00', '路灯不亮', '12.5', 'true']);
    const second = await readAll(at('sample.xlsx'), { format: 'xlsx', sheet: '第二页' });
    expect(second.headers).toEqual(['名称']);
    expect(second.rows.map((x) => x.cells)).toEqual([['乙']]);
    const e = await apiErrorOf(openRowSource(at('sample.xlsx'), { format: 'xlsx', sheet: '没有' }));
    expect(e.code).toBe('BAD_INPUT');
    expect(String(e.params.detail)).toContain('“工单”、“第二页”');
  });

  it('honours headerRow', async () => {
    const r = await readAll(at('sample.xlsx'), { format: 'xlsx', headerRow: 2 });
    expect(r.headers).toEqual(['GD001', '2024-01-02 08:30:00', '路灯不亮', '12.5', 'true']);
    expect(r.rows[0].rowNumber).toBe(3);
  });

  it('reads the same rows whatever the order of the parts in the zip', async () => {
    const zip = await readZipIndex(at('sample.xlsx'));
    const names = [...zip.entries.keys()].filter((n) => !n.endsWith('/'));
    const data = await Promise.all(names.map(async (n) => ({ name: n, data: (await readEntry(zip, n))! })));
    const rank = (n: string): number => ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'].indexOf(n);
    const excelOrder = [...data].sort((x, y) => (rank(x.name) < 0 ? 99 : rank(x.name)) - (rank(y.name) < 0 ? 99 : rank(y.name)));
    writeZip(at('excel-order.xlsx'), excelOrder);
    writeZip(at('reversed.xlsx'), [...data].reverse(), false);
    const want = await readAll(at('sample.xlsx'), { format: 'xlsx' });
    for (const f of ['excel-order.xlsx', 'reversed.xlsx']) {
      const got = await readAll(at(f), { format: 'xlsx' });
      expect(got.rows, f).toEqual(want.rows);
      expect(got.blank).toBe(want.blank);
    }
  });

  it('follows the tab order of workbook.xml, not the numbering of the sheet parts', async () => {
    const zip = await readZipIndex(at('sample.xlsx'));
    const entries = await Promise.all([...zip.entries.keys()].filter((n) => !n.endsWith('/')).map(async (name) => {
      let data = (await readEntry(zip, name))!;
      if (name === 'xl/workbook.xml') {
        const xml = data.toString('utf8');
        const tags = xml.match(/<sheet [^>]*\/>/g)!;
        expect(tags).toHaveLength(2);
        data = Buffer.from(xml.replace(tags[0] + tags[1], tags[1] + tags[0]), 'utf8');
      }
      return { name, data };
    }));
    writeZip(at('swapped.xlsx'), entries);
    const s = await sniffFile(at('swapped.xlsx'));
    expect(s.sheets).toEqual(['第二页', '工单']);
    expect(s.headers).toEqual(['名称']); // the first tab lives in sheet2.xml
    const r = await readAll(at('swapped.xlsx'), { format: 'xlsx', sheet: '工单' });
    expect(r.rows).toHaveLength(4);
  });

  it('reads a streamed workbook with inline strings (no shared strings part)', async () => {
    const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: at('inline.xlsx'), useSharedStrings: false, useStyles: true });
    const ws = w.addWorksheet('S');
    ws.addRow(['a', 'b']).commit();
    for (let i = 0; i < 3000; i++) ws.addRow([i, `行${i}`]).commit();
    ws.commit();
    await w.commit();
    const r = await readAll(at('inline.xlsx'), { format: 'xlsx' });
    expect(r.rows).toHaveLength(3000);
    expect(r.rows[2999].cells).toEqual([2999, '行2999']);
  });
});

describe('XLSX failures are clear and never hang', () => {
  it('refuses a truncated workbook', async () => {
    const bytes = fs.readFileSync(at('sample.xlsx'));
    fs.writeFileSync(at('half.xlsx'), bytes.subarray(0, bytes.length >> 1));
    for (const call of [() => sniffFile(at('half.xlsx')), () => openRowSource(at('half.xlsx'), { format: 'xlsx' })]) {
      const e = await apiErrorOf(call());
      expect(e.code).toBe('BAD_INPUT');
      expect(String(e.params.detail)).toContain('Excel 文件不完整或已损坏');
      expect(String(e.params.detail)).toContain('incomplete or corrupt');
    }
  });

  it('refuses a workbook whose compressed sheet data is damaged', async () => {
    const zip = await readZipIndex(at('sample.xlsx'));
    const sheet = zip.entries.get('xl/worksheets/sheet1.xml')!;
    const bytes = Buffer.from(fs.readFileSync(at('sample.xlsx')));
    const start = sheet.offset + 30 + sheet.name.length;
    for (let i = start + 10; i < start + sheet.compressedSize - 4; i += 7) bytes[i] ^= 0x5a;
    fs.writeFileSync(at('damaged.xlsx'), bytes);
    const t = performance.now();
    const e = await apiErrorOf(readAll(at('damaged.xlsx'), { format: 'xlsx' }));
    expect(performance.now() - t).toBeLessThan(10_000);
    expect(e.code).toBe('BAD_INPUT');
    expect(String(e.params.detail)).toMatch(/Excel/);
  });

  it('names zips that are not workbooks', async () => {
    writeZip(at('doc.docx'), [{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]);
    writeZip(at('plain.zip'), [{ name: 'data.csv', data: 'a,b\n1,2\n' }]);
    writeZip(at('sheet.ods'), [{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }, { name: 'content.xml', data: '<x/>' }]);
    expect(String((await apiErrorOf(sniffFile(at('doc.docx')))).params.detail)).toContain('Word');
    expect(String((await apiErrorOf(sniffFile(at('plain.zip')))).params.detail)).toContain('zip');
    expect(String((await apiErrorOf(sniffFile(at('sheet.ods')))).params.detail)).toContain('OpenDocument');
  });
});
