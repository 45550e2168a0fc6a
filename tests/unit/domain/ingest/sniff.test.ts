import { describe, expect, it } from 'vitest';
import { detectEncoding, fieldCounts, sniffDelimiter, sniffQuote } from '../../../../shared/domain/ingest';
import { hasFile, LA_2017 } from './real-data';
import fs from 'node:fs';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (le) out.push(c & 0xff, c >> 8); else out.push(c >> 8, c & 0xff);
  }
  return Uint8Array.from(out);
}

// '留言编号,留言时间\r\n1,2019/2/28 11:25:05\r\n北京中文你好\r\n' in GBK/GB18030 (hand-encoded; checked by decoding below)
const GBK = Uint8Array.from([
  0xc1, 0xf4, 0xd1, 0xd4, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xc1, 0xf4, 0xd1, 0xd4, 0xca, 0xb1, 0xbc, 0xe4, 0x0d, 0x0a,
  0x31, 0x2c, ...utf8('2019/2/28 11:25:05'), 0x0d, 0x0a,
  0xb1, 0xb1, 0xbe, 0xa9, 0xd6, 0xd0, 0xce, 0xc4, 0xc4, 0xe3, 0xba, 0xc3, 0x0d, 0x0a,
]);

describe('detectEncoding', () => {
  it('reads BOMs', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf8', confidence: 1, bom: true });
    expect(detectEncoding(utf16('留言', true, true))).toEqual({ encoding: 'utf16le', confidence: 1, bom: true });
    expect(detectEncoding(utf16('留言', false, true))).toEqual({ encoding: 'utf16be', confidence: 1, bom: true });
  });

  it('spots UTF-16 without a BOM from NUL bytes', () => {
    expect(detectEncoding(utf16('SRNumber,CreatedDate\r\n1-870704831,12/31/2017', true, false))).toMatchObject({ encoding: 'utf16le', bom: false });
    expect(detectEncoding(utf16('SRNumber,CreatedDate\r\n1-870704831,12/31/2017', false, false))).toMatchObject({ encoding: 'utf16be', bom: false });
  });

  it('accepts valid UTF-8, including a multi-byte character cut at the end of the sample', () => {
    const bytes = utf8('留言编号,留言时间\n1,2019/2/28 11:25:05\n');
    expect(detectEncoding(bytes)).toEqual({ encoding: 'utf8', confidence: 0.99, bom: false });
    expect(detectEncoding(bytes.slice(0, 5)).encoding).toBe('utf8'); // '留' + 2 of the 3 bytes of '言'
    expect(detectEncoding(utf8('plain ascii, 123')).encoding).toBe('utf8');
  });

  it('rejects overlong and surrogate UTF-8 forms', () => {
    expect(detectEncoding(Uint8Array.from([0x61, 0xc0, 0xaf, 0x62])).encoding).toBe('gb18030');
    expect(detectEncoding(Uint8Array.from([0x61, 0xed, 0xa0, 0x80, 0x62])).encoding).toBe('gb18030');
  });

  it('falls back to GB18030 for GBK bytes, with high confidence', () => {
    expect(new TextDecoder('gb18030').decode(GBK)).toBe('留言编号,留言时间\r\n1,2019/2/28 11:25:05\r\n北京中文你好\r\n');
    const g = detectEncoding(GBK);
    expect(g.encoding).toBe('gb18030');
    expect(g.confidence).toBeGreaterThan(0.9);
    expect(g.bom).toBe(false);
  });

  it('gives random high bytes a low GB18030 confidence', () => {
    const junk = Uint8Array.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0xff : i % 3 === 1 ? 0x80 : 0x85)));
    expect(detectEncoding(junk).confidence).toBeLessThan(0.6);
  });

  it.runIf(hasFile(LA_2017))('sees the LA 311 extract as UTF-8', () => {
    const head = fs.readFileSync(LA_2017).subarray(0, 65536);
    expect(detectEncoding(new Uint8Array(head)).encoding).toBe('utf8');
  });
});

describe('sniffDelimiter / sniffQuote', () => {
  const LA = 'SRNumber,CreatedDate,Address,Latitude\n1-870704831,12/31/2017 11:59:58 PM,"2111 W BELLEVUE AVE, 90026",34.07\n1-870694601,12/31/2017 11:56:39 PM,"6122 E MESA AVE, 90042",34.11\n';

  it('finds commas in a quoted CSV, ignoring commas inside quotes', () => {
    expect(fieldCounts(LA, ',')).toEqual([4, 4, 4]);
    expect(sniffDelimiter(LA)).toBe(',');
    expect(sniffQuote(LA)).toBe('"');
  });

  it('finds tabs, pipes and semicolons', () => {
    expect(sniffDelimiter('留言编号\t留言主题\t留言时间\n1\t小区噪音，请处理\t2019/2/28\n2\t路灯, 不亮\t2019/3/1\n')).toBe('\t');
    expect(sniffDelimiter('id|time|text\n1|2019-02-28|a, b\n2|2019-03-01|c\n')).toBe('|');
    expect(sniffDelimiter('id;time;amount\n1;2019-02-28;1,5\n2;2019-03-01;2,75\n')).toBe(';');
  });

  it('respects quoted newlines and doubled quotes', () => {
    const s = 'a,b,c\n1,"line one\nline two, still b",3\n2,"say ""hi""",3\n';
    expect(fieldCounts(s, ',')).toEqual([3, 3, 3]);
    expect(sniffDelimiter(s)).toBe(',');
  });

  it('prefers single quotes when they are what opens fields', () => {
    expect(sniffQuote("id,text\n1,'a, b'\n2,'c'\n", ',')).toBe("'");
  });

  it('defaults to a comma for a single column', () => {
    expect(sniffDelimiter('only\none\ncolumn\n')).toBe(',');
  });
});
