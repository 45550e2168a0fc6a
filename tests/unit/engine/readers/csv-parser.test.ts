import { describe, expect, it } from 'vitest';
import { CsvParser, parseAll } from '../../../../electron/engine/services/import/readers/csv-parser';

function parseChunks(chunks: string[], delimiter = ',', quote = '"'): { fields: string[]; raw: string }[] {
  const out: { fields: string[]; raw: string }[] = [];
  const p = new CsvParser(delimiter, quote);
  const sink = (fields: string[], raw: string): void => void out.push({ fields, raw });
  for (const c of chunks) p.push(c, sink);
  p.end(sink);
  return out;
}

const all = (text: string, d = ',', q = '"'): string[][] => parseAll(text, d, q, true).map((r) => r.fields);

describe('CsvParser', () => {
  it('splits plain fields and records on LF, CRLF and CR', () => {
    expect(all('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(all('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(all('a,b\r1,2\r')).toEqual([['a', 'b'], ['1', '2']]);
    expect(all('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]); // no final line end
  });

  it('reads quoted fields with delimiters, doubled quotes and embedded newlines', () => {
    const text = 'id,text\r\n1,"路灯不亮,请尽快处理"\r\n2,"他说""你好"""\r\n3,"第一行\r\n第二行\n第三行"\r\n';
    expect(all(text)).toEqual([
      ['id', 'text'],
      ['1', '路灯不亮,请尽快处理'],
      ['2', '他说"你好"'],
      ['3', '第一行\r\n第二行\n第三行'],
    ]);
  });

  it('gives each record its source text without the line end', () => {
    const recs = parseAll('a,"x\ny"\r\nb,"q""q"\n', ',', '"', true);
    expect(recs.map((r) => r.raw)).toEqual(['a,"x\ny"', 'b,"q""q"']);
  });

  it('keeps empty fields, empty lines and ragged rows as they are', () => {
    expect(all(',,\n\nx\na,b,c,d\n')).toEqual([['', '', ''], [''], ['x'], ['a', 'b', 'c', 'd']]);
    expect(all('"",""\n')).toEqual([['', '']]);
  });

  it('is lenient with stray quotes', () => {
    expect(all('ab"c,d\n')).toEqual([['ab"c', 'd']]); // quote inside an unquoted field is literal
    expect(all('"ab"c,d\n')).toEqual([['abc', 'd']]); // text after a closing quote is appended
    expect(all('a,"unterminated\nrest')).toEqual([['a', 'unterminated\nrest']]);
  });

  it('supports tab, semicolon and pipe delimiters, single quotes and no quoting', () => {
    expect(all('a\tb\n"1\t2"\t3\n', '\t')).toEqual([['a', 'b'], ['1\t2', '3']]);
    expect(all('a;b\n1;2\n', ';')).toEqual([['a', 'b'], ['1', '2']]);
    expect(all("a|'b|c'\n", '|', "'")).toEqual([['a', 'b|c']]);
    expect(all('a,"b\n', ',', '')).toEqual([['a', '"b']]);
  });

  it('gives the same records whatever the chunk boundaries (every split point)', () => {
    const text = 'h1,h2,h3\r\n1,"a,b","c""d"\r\n2,"x\r\ny",\r\n\r\n3,"",z\rlast,"q"';
    const whole = parseChunks([text]);
    expect(whole).toHaveLength(6);
    for (let i = 0; i <= text.length; i++) {
      expect(parseChunks([text.slice(0, i), text.slice(i)]), `split at ${i}`).toEqual(whole);
    }
    // one character at a time
    expect(parseChunks([...text])).toEqual(whole);
  });

  it('treats a CR at the end of a chunk as possibly the start of CRLF', () => {
    expect(parseChunks(['a,b\r', '\n1,2\r\n'])).toEqual([{ fields: ['a', 'b'], raw: 'a,b' }, { fields: ['1', '2'], raw: '1,2' }]);
  });

  it('parses many records across chunks in linear time', () => {
    const line = '1,"路灯不亮，请尽快处理",2023-01-01 08:00:00,福州市鼓楼区\n';
    const text = line.repeat(200_000);
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 65_536) chunks.push(text.slice(i, i + 65_536));
    const t = performance.now();
    let n = 0;
    const p = new CsvParser(',', '"');
    for (const c of chunks) p.push(c, () => void n++);
    p.end(() => void n++);
    expect(n).toBe(200_000);
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('rejects invalid delimiter and quote settings', () => {
    expect(() => new CsvParser(',,', '"')).toThrow();
    expect(() => new CsvParser(',', '""')).toThrow();
  });
});
