import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { CHUNK_BYTES } from '../../../../electron/engine/services/import/readers/decode';
import { openRowSource, sniffFile } from '../../../../electron/engine/services/import/readers/index';
import { apiErrorOf, ascii, GB, readAll, tempFiles } from './helpers';

const tmp = tempFiles('minsheng-readers-csv-');
afterAll(() => tmp.cleanup());
const file = (bytes: Uint8Array | string, ext = '.csv') => tmp.file(bytes, ext);

describe('CSV reading', () => {
  it('reads headers (BOM and spaces trimmed), rows, raw text and source row numbers', async () => {
    const p = file('\uFEFF 工单编号 ,诉求内容,区县\r\n1,"路灯不亮,请处理",鼓楼区\r\n2,"第一行\r\n第二行",台江区\r\n3,"说""好""",仓山区\r\n');
    const r = await readAll(p, { format: 'csv' });
    expect(r.headers).toEqual(['工单编号', '诉求内容', '区县']);
    expect(r.rows.map((x) => x.cells)).toEqual([
      ['1', '路灯不亮,请处理', '鼓楼区'],
      ['2', '第一行\r\n第二行', '台江区'],
      ['3', '说"好"', '仓山区'],
    ]);
    expect(r.rows.map((x) => x.rowNumber)).toEqual([2, 3, 4]);
    expect(r.rows[1].raw).toBe('2,"第一行\r\n第二行",台江区');
    expect(r.bytesRead).toBe(r.totalBytes);
  });

  it('skips and counts blank rows (empty, whitespace, only delimiters) and keeps ragged rows', async () => {
    const p = file('a,b,c\n1,2,3\n\n , ,\n,,\n4,5\n6,7,8,9\n\n');
    const r = await readAll(p, { format: 'csv' });
    expect(r.rows.map((x) => x.cells)).toEqual([['1', '2', '3'], ['4', '5'], ['6', '7', '8', '9']]);
    expect(r.rows.map((x) => x.rowNumber)).toEqual([2, 6, 7]);
    expect(r.blank).toBe(4);
  });

  it('is fast with 500 rows followed by 100,000 blank lines', async () => {
    const p = file('id,text\n' + Array.from({ length: 500 }, (_, i) => `${i},行${i}\n`).join('') + '\r\n'.repeat(100_000));
    const t = performance.now();
    const r = await readAll(p, { format: 'csv' });
    expect(r.rows).toHaveLength(500);
    expect(r.blank).toBe(100_000);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('uses headerRow to skip title lines above the header', async () => {
    const p = file('某市12345热线工单导出\n导出时间：2024-01-01\n编号,内容\n1,甲\n');
    const r = await readAll(p, { format: 'csv', headerRow: 3 });
    expect(r.headers).toEqual(['编号', '内容']);
    expect(r.rows).toEqual([{ rowNumber: 4, cells: ['1', '甲'], raw: '1,甲' }]);
    expect((await apiErrorOf(openRowSource(p, { format: 'csv', headerRow: 0 }))).code).toBe('BAD_INPUT');
  });

  it('delivers batches of exactly the requested size, in order', async () => {
    const p = file('n\n' + Array.from({ length: 2500 }, (_, i) => `${i}\n`).join(''));
    const src = await openRowSource(p, { format: 'csv' });
    const sizes: number[] = [];
    const seen: string[] = [];
    for await (const b of src.batches(1000)) {
      sizes.push(b.length);
      for (const r of b) seen.push(r.cells[0] as string);
    }
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(seen).toEqual(Array.from({ length: 2500 }, (_, i) => String(i)));
    expect(() => src.batches(10)).toThrow();
    await src.close();
  });

  it('does not read ahead of the consumer (backpressure) and can be closed early', async () => {
    const line = '1,"' + '路灯不亮'.repeat(20) + '",2023-01-01\n';
    const p = file('id,text,date\n' + line.repeat(40_000)); // about 10 MB
    const src = await openRowSource(p, { format: 'csv' });
    for await (const b of src.batches(100)) {
      expect(b).toHaveLength(100);
      break;
    }
    expect(src.bytesRead()).toBeLessThan(src.totalBytes / 2);
    await src.close();
    await src.close(); // idempotent
  });
});

describe('CSV encodings', () => {
  it('reads GB18030 with a 4-byte character split across the 1 MB read chunks', async () => {
    const head = ascii('id,text\n1,');
    // 'a'… then 中 (2 bytes) so that 𠀀 (95 32 82 36) starts 2 bytes before the first chunk's end
    const fill = CHUNK_BYTES - 2 - GB.zhongwen.length / 2 - head.length;
    const bytes = Uint8Array.from([...head, ...new Array(fill).fill(0x61), ...GB.zhongwen.slice(0, 2), ...GB.u20000, ...GB.zhongwen, ...ascii('\n2,'), ...GB.zhongwen, ...ascii('\n')]);
    expect([...bytes.subarray(CHUNK_BYTES - 2, CHUNK_BYTES + 2)]).toEqual(GB.u20000);
    const p = file(bytes);
    const s = await sniffFile(p);
    expect(s.encoding).toBe('gb18030');
    const r = await readAll(p, { format: 'csv', encoding: 'gb18030' });
    expect(r.rows).toHaveLength(2);
    expect((r.rows[0].cells[1] as string).endsWith('a中\u{20000}中文')).toBe(true);
    expect(r.rows[1].cells).toEqual(['2', '中文']);
    expect(r.rows.some((x) => x.raw.includes('\uFFFD'))).toBe(false);
  });

  it('reads UTF-8 with a 3-byte character split across the 1 MB read chunks', async () => {
    const head = Buffer.from('id,text\n1,');
    const bytes = Buffer.concat([head, Buffer.alloc(CHUNK_BYTES - head.length - 1, 0x61), Buffer.from('路灯\n2,好\n')]);
    const r = await readAll(file(bytes), { format: 'csv' });
    expect((r.rows[0].cells[1] as string).endsWith('a路灯')).toBe(true);
    expect(r.rows[1].cells).toEqual(['2', '好']);
  });

  it('auto-detects GB18030 (iconv-encoded text) and honours an encoding override', async () => {
    const text = '编号,诉求内容\r\n1,"小区噪音扰民，希望尽快处理"\r\n2,𠀀字\r\n';
    const p = file(iconv.encode(text, 'gb18030'));
    const s = await sniffFile(p);
    expect(s).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',', quote: '"', headers: ['编号', '诉求内容'] });
    expect(s.sample).toEqual([['1', '小区噪音扰民，希望尽快处理'], ['2', '𠀀字']]);
    const forced = await sniffFile(p, { encoding: 'utf8' });
    expect(forced.encoding).toBe('utf8');
    expect(forced.encodingConfidence).toBe(1);
    expect(forced.sample[0][1]).toContain('\uFFFD');
  });

  it('finds the encoding past a long ASCII-only start', async () => {
    const p = file(Buffer.concat([Buffer.from('id,text\n' + 'x,abc\n'.repeat(20_000)), iconv.encode('y,中文\n', 'gb18030')]));
    const s = await sniffFile(p);
    expect(s.encoding).toBe('gb18030');
    const r = await readAll(p, { format: 'csv', encoding: 'gb18030' });
    expect(r.rows.at(-1)!.cells).toEqual(['y', '中文']);
  });

  it.each(['utf16le', 'utf16be'] as const)('reads %s with and without BOM', async (enc) => {
    const text = '编号\t内容\r\n1\t路灯不亮\r\n2\t道路积水\r\n';
    const le = Buffer.from(text, 'utf16le');
    const body = enc === 'utf16le' ? le : Buffer.from(le).swap16();
    const bom = enc === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]);
    for (const bytes of [Buffer.concat([bom, body]), body]) {
      const s = await sniffFile(file(bytes, '.txt'));
      expect(s).toMatchObject({ format: 'csv', encoding: enc, delimiter: '\t', headers: ['编号', '内容'] });
      expect(s.sample).toEqual([['1', '路灯不亮'], ['2', '道路积水']]);
    }
  });
});

describe('CSV dialect sniffing', () => {
  it.each([
    [',', 'a,b,c\n1,"x;y|z",3\n4,5,6\n'],
    ['\t', 'a\tb\tc\n1\t"x,y"\t3\n4\t5,5\t6\n'],
    [';', 'a;b;c\n1;"2,5";3\n4;5;6\n'],
    ['|', 'a|b|c\n1|x,y|3\n4|5;5|6\n'],
  ])('detects %j respecting quotes', async (delim, text) => {
    const s = await sniffFile(file(text, '.txt'));
    expect(s.delimiter).toBe(delim);
    expect(s.headers).toEqual(['a', 'b', 'c']);
    expect(s.sample.every((r) => r.length === 3)).toBe(true);
  });

  it('counts a quoted field with embedded newlines as one record when sniffing', async () => {
    const s = await sniffFile(file('id;text;n\n1;"a\nb\nc;d;e;f";2\n3;x;4\n'));
    expect(s.delimiter).toBe(';');
    expect(s.sample[0]).toEqual(['1', 'a\nb\nc;d;e;f', '2']);
  });

  it('detects single-quote quoting only when it makes the rows consistent', async () => {
    const s = await sniffFile(file("a,b\n1,'x,y'\n2,'z'\n"));
    expect(s.quote).toBe("'");
    expect(s.sample).toEqual([['1', 'x,y'], ['2', 'z']]);
    expect((await sniffFile(file("name,note\nO'Brien,it's fine\n"))).quote).toBe('"');
  });

  it('prefers tab for a .tsv single-column-looking file and honours overrides', async () => {
    expect((await sniffFile(file('only\none\n', '.tsv'))).delimiter).toBe('\t');
    const s = await sniffFile(file('a;b,c\n1;2,3\n'), { delimiter: ';' });
    expect(s.delimiter).toBe(';');
    expect(s.headers).toEqual(['a', 'b,c']);
  });
});
