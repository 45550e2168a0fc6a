import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../../electron/engine/services/import/readers/detect';
import { decodeChunks } from '../../../../electron/engine/services/import/readers/decode';
import { sniffFile } from '../../../../electron/engine/services/import/readers/index';
import { apiErrorOf, ascii, GB, tempFiles } from './helpers';

const tmp = tempFiles('minsheng-readers-detect-');
afterAll(() => tmp.cleanup());
const file = (bytes: Uint8Array | string, ext = '.csv') => tmp.file(bytes, ext);

async function decodeAll(chunks: Uint8Array[], enc: Parameters<typeof decodeChunks>[1]): Promise<string> {
  let s = '';
  for await (const t of decodeChunks((async function* () { yield* chunks; })(), enc)) s += t;
  return s;
}

describe('encoding detection', () => {
  it('recognises byte-order marks', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf8', confidence: 1 });
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x61, 0]))).toEqual({ encoding: 'utf16le', confidence: 1 });
    expect(detectEncoding(Uint8Array.from([0xfe, 0xff, 0, 0x61]))).toEqual({ encoding: 'utf16be', confidence: 1 });
  });

  it('recognises UTF-16 without BOM from NUL patterns', () => {
    const le = Buffer.from('id,标题\r\n1,路灯不亮\r\n2,道路积水\r\n', 'utf16le');
    expect(detectEncoding(le).encoding).toBe('utf16le');
    const be = Buffer.from(le).swap16();
    expect(detectEncoding(be).encoding).toBe('utf16be');
  });

  it('tells UTF-8 from GB18030, even when the sample ends inside a character', () => {
    const utf8 = Buffer.from('标题,内容\n路灯不亮,请处理\n', 'utf8');
    expect(detectEncoding(utf8)).toEqual({ encoding: 'utf8', confidence: 0.99 });
    expect(detectEncoding(utf8.subarray(0, utf8.length - 2)).encoding).toBe('utf8'); // cut mid-character
    const gb = Uint8Array.from([...GB.zhongwen, ...ascii(','), ...GB.zhongwen, ...ascii('\n'), ...GB.u20000]);
    const g = detectEncoding(gb);
    expect(g.encoding).toBe('gb18030');
    expect(g.confidence).toBeGreaterThan(0.5);
  });
});

describe('streaming decoding', () => {
  it('keeps a 4-byte GB18030 character split at every position across chunks', async () => {
    const bytes = Uint8Array.from([...GB.zhongwen, ...GB.u20000, ...ascii(','), ...GB.comma]);
    for (let i = 0; i <= bytes.length; i++) {
      expect(await decodeAll([bytes.subarray(0, i), bytes.subarray(i)], 'gb18030')).toBe('中文\u{20000},，');
    }
  });

  it('keeps a 3-byte UTF-8 character split at every position, and drops the BOM', async () => {
    const bytes = Buffer.from('\uFEFF中,文', 'utf8');
    for (let i = 0; i <= bytes.length; i++) {
      expect(await decodeAll([bytes.subarray(0, i), bytes.subarray(i)], 'utf8')).toBe('中,文');
    }
  });

  it('decodes UTF-16 split inside a code unit', async () => {
    const bytes = Buffer.from('\uFEFF中文\u{20000}', 'utf16le');
    for (let i = 0; i <= bytes.length; i++) expect(await decodeAll([bytes.subarray(0, i), bytes.subarray(i)], 'utf16le')).toBe('中文\u{20000}');
  });
});

describe('format detection and refusal of non-tables', () => {
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52];

  it.each([
    ['PNG image', PNG, 'PNG 图片', 'PNG image'],
    ['PDF', [...ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj')], 'PDF', 'PDF document'],
    ['ELF executable', [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0], 'ELF', 'executable (ELF)'],
    ['old .xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], '.xls', 'old Office file'],
    ['gzip', [0x1f, 0x8b, 8, 0, 0, 0, 0, 0], 'gzip', 'gzip archive'],
    ['unknown binary', [1, 2, 3, 0, 0, 0, 4, 5, 0, 0, 9, 0, 0, 0, 0, 0, 7, 7], '二进制', 'unknown binary file'],
  ])('refuses a %s with a clear bilingual message', async (_name, bytes, zh, en) => {
    const e = await apiErrorOf(sniffFile(file(Uint8Array.from(bytes as number[]), '.csv')));
    expect(e.code).toBe('BAD_INPUT');
    expect(String(e.params.detail)).toContain('不是可导入的表格文件');
    expect(String(e.params.detail)).toContain(zh);
    expect(String(e.params.detail)).toContain(en);
  });

  it('says what a PNG looks like in the message', async () => {
    const e = await apiErrorOf(sniffFile(file(Uint8Array.from(PNG), '.png')));
    expect(e.params.detail).toBe('不是可导入的表格文件（看起来是 PNG 图片） / not an importable table (looks like a PNG image)');
  });

  it('accepts a CSV whose first header starts with "MZ" (a weak signature)', async () => {
    const s = await sniffFile(file('MZ编号,名称\n1,a\n'));
    expect(s.format).toBe('csv');
    expect(s.headers).toEqual(['MZ编号', '名称']);
  });

  it('refuses HTML saved as .xls and a single JSON object, explaining why', async () => {
    const html = await apiErrorOf(sniffFile(file('<html><body><table><tr><td>1</td></tr></table></body></html>', '.xls')));
    expect(String(html.params.detail)).toContain('HTML');
    const obj = await apiErrorOf(sniffFile(file('{\n  "type": "FeatureCollection",\n  "features": []\n}\n', '.json')));
    expect(String(obj.params.detail)).toContain('single object');
  });

  it('refuses empty files and reports missing ones as FILE_NOT_FOUND', async () => {
    expect((await apiErrorOf(sniffFile(file('')))).params.detail).toContain('empty');
    expect((await apiErrorOf(sniffFile(path.join(tmp.dir, 'nope.csv')))).code).toBe('FILE_NOT_FOUND');
  });

  it('detects JSON arrays, JSON Lines and delimited text by content, not extension', async () => {
    expect((await sniffFile(file('\uFEFF  \n[{"a":1}]', '.txt'))).format).toBe('json');
    expect((await sniffFile(file('{"a":1}\n{"a":2}\n', '.txt'))).format).toBe('jsonl');
    expect((await sniffFile(file('a;b\n1;2\n', '.json'))).format).toBe('csv');
  });
});

describe('binary files that look like UTF-16', () => {
  it('refuses NUL-patterned binary data whose UTF-16 reading is mostly control characters', async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i += 2) bytes[i] = (i * 7) % 32; // 0x00-0x1F then NUL: "UTF-16LE" controls
    const e = await apiErrorOf(sniffFile(file(bytes, '.dat')));
    expect(String(e.params.detail)).toContain('unknown binary file');
  });
});
