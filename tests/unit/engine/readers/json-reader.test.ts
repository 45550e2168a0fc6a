import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { openRowSource, sniffFile } from '../../../../electron/engine/services/import/readers/index';
import { apiErrorOf, readAll, tempFiles } from './helpers';

const tmp = tempFiles('minsheng-readers-json-');
afterAll(() => tmp.cleanup());
const file = (bytes: Uint8Array | string, ext = '.json') => tmp.file(bytes, ext);

describe('JSON array', () => {
  it('maps objects to cells in the order of the keys first seen, with typed values', async () => {
    const data = [
      { id: 'A1', time: '2024-01-01 08:00', lon: 119.3, ok: true },
      { id: 'A2', extra: { x: 1 }, time: null, lon: 119.4 },
      { time: '2024-01-03', id: 'A3', tags: ['a', 'b'] },
    ];
    const r = await readAll(file(JSON.stringify(data, null, 2)), { format: 'json' });
    expect(r.headers).toEqual(['id', 'time', 'lon', 'ok', 'extra', 'tags']);
    expect(r.rows.map((x) => x.cells)).toEqual([
      ['A1', '2024-01-01 08:00', 119.3, true, null, null],
      ['A2', null, 119.4, null, '{"x":1}', null],
      ['A3', '2024-01-03', null, null, null, '["a","b"]'],
    ]);
    expect(r.rows.map((x) => x.rowNumber)).toEqual([1, 2, 3]);
    expect(JSON.parse(r.rows[1].raw)).toEqual(data[1]);
  });

  it('takes headers from the first 1000 objects; later keys stay in raw', async () => {
    const data: Record<string, unknown>[] = Array.from({ length: 1200 }, (_, i) => ({ id: i }));
    data[1100] = { id: 1100, late: '后来的键' };
    const r = await readAll(file(JSON.stringify(data)), { format: 'json' });
    expect(r.headers).toEqual(['id']);
    expect(r.rows).toHaveLength(1200);
    expect(r.rows[1100].cells).toEqual([1100]);
    expect(r.rows[1100].raw).toContain('后来的键');
  });

  it('skips and counts blank objects; non-objects become rows without cells', async () => {
    const r = await readAll(file('[{"a":"x"},{},{"a":"  "},{"a":null},42,{"a":"y"}]'), { format: 'json' });
    expect(r.rows.map((x) => [x.rowNumber, x.cells, x.raw])).toEqual([[1, ['x'], '{"a":"x"}'], [5, [], '42'], [6, ['y'], '{"a":"y"}']]);
    expect(r.blank).toBe(3);
  });

  it('reads an array of arrays like a sheet (headerRow-th array = header)', async () => {
    const r = await readAll(file('[["编号","内容"],[1,"甲"],[],[2,"乙"]]'), { format: 'json' });
    expect(r.headers).toEqual(['编号', '内容']);
    expect(r.rows.map((x) => [x.rowNumber, x.cells])).toEqual([[2, [1, '甲']], [4, [2, '乙']]]);
    expect(r.blank).toBe(1);
  });

  it('reads GB18030 JSON', async () => {
    const p = file(iconv.encode('[{"标题":"路灯不亮"},{"标题":"道路积水𠀀"}]', 'gb18030'));
    const s = await sniffFile(p);
    expect(s).toMatchObject({ format: 'json', encoding: 'gb18030', headers: ['标题'], sample: [['路灯不亮'], ['道路积水𠀀']] });
  });

  it('delivers the rows before a syntax error, then fails with a clear BAD_INPUT', async () => {
    const src = await openRowSource(file('[{"a":1},{"a":2},{"a":'), { format: 'json' });
    const got: unknown[] = [];
    const e = await apiErrorOf((async () => {
      for await (const b of src.batches(1)) got.push(...b.map((r) => r.cells));
    })());
    expect(got).toEqual([[1], [2]]);
    expect(e.code).toBe('BAD_INPUT');
    expect(String(e.params.detail)).toContain('JSON 文件（第 2 条记录之后）已损坏或不完整');
    await src.close();
  });
});

describe('JSON Lines', () => {
  it('reads one object per line; blank lines are counted; malformed lines become rows without cells', async () => {
    const p = file('{"id":1,"text":"甲"}\r\n\r\n{"id":2,"text":"乙","x":true}\n{not json}\n[1,2]\n{"id":3}', '.jsonl');
    const r = await readAll(p, { format: 'jsonl' });
    expect(r.headers).toEqual(['id', 'text', 'x']);
    expect(r.rows.map((x) => [x.rowNumber, x.cells, x.raw])).toEqual([
      [1, [1, '甲', null], '{"id":1,"text":"甲"}'],
      [3, [2, '乙', true], '{"id":2,"text":"乙","x":true}'],
      [4, [], '{not json}'],
      [5, [], '[1,2]'],
      [6, [3, null, null], '{"id":3}'],
    ]);
    expect(r.blank).toBe(1);
  });

  it('is detected from the first line and streams long files', async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => JSON.stringify({ id: i, text: `内容${i}` })).join('\n');
    const p = file(lines, '.log');
    const s = await sniffFile(p);
    expect(s.format).toBe('jsonl');
    expect(s.sample[19]).toEqual(['19', '内容19']);
    const r = await readAll(p, { format: 'jsonl' }, 5000);
    expect(r.rows).toHaveLength(30_000);
    expect(r.rows[29_999].cells).toEqual([29_999, '内容29999']);
  });
});
