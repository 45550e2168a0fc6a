/**
 * The readers on the real public samples in ../shared/data (skipped, with a message, when absent).
 * Expected counts were checked independently with Python (csv module; zipfile + ElementTree).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffFile } from '../../../../electron/engine/services/import/readers/index';
import { HAS_SHARED_DATA, readAll, SHARED_DATA } from './helpers';

if (!HAS_SHARED_DATA) console.warn(`[readers] skipping the real-sample tests: ${SHARED_DATA} is absent`);
const data = (f: string): string => path.join(SHARED_DATA, f);

describe.skipIf(!HAS_SHARED_DATA)('real samples (../shared/data)', () => {
  it('附件1.xlsx: the 517-row taxonomy', async () => {
    const r = await readAll(data('teddycup2020-c/附件1.xlsx'), { format: 'xlsx' });
    expect(r.headers).toEqual(['一级分类', '二级分类', '三级分类']);
    expect(r.rows).toHaveLength(517);
    expect(r.blank).toBe(0);
    expect(r.rows.every((x) => x.cells.length === 3 && x.cells.every((c) => typeof c === 'string'))).toBe(true);
  });

  it('附件2.xlsx: 495 messages, 64,707 trailing blank rows counted, quickly', async () => {
    const t = performance.now();
    const s = await sniffFile(data('teddycup2020-c/附件2.xlsx'));
    expect(s.sheets).toEqual(['Sheet1']);
    expect(s.headers).toEqual(['留言编号', '留言用户', '留言主题', '留言时间', '留言详情', '一级分类']);
    expect(s.sample).toHaveLength(20);
    const r = await readAll(data('teddycup2020-c/附件2.xlsx'), { format: 'xlsx' });
    expect(r.rows).toHaveLength(495);
    expect(r.blank).toBe(64_707);
    expect(r.rows[0].rowNumber).toBe(2);
    expect(r.rows.at(-1)!.rowNumber).toBe(496);
    expect(r.rows.every((x) => x.cells.length === 6)).toBe(true);
    expect(r.bytesRead).toBe(r.totalBytes);
    expect(performance.now() - t).toBeLessThan(15_000);
  });

  it('附件3.xlsx: 4,326 messages with text kept as is', async () => {
    const r = await readAll(data('teddycup2020-c/附件3.xlsx'), { format: 'xlsx' });
    expect(r.headers).toEqual(['留言编号', '留言用户', '留言主题', '留言时间', '留言详情', '反对数', '点赞数']);
    expect(r.rows).toHaveLength(4326);
    expect(r.blank).toBe(0);
    expect(r.rows.some((x) => typeof x.cells[4] === 'string' && (x.cells[4] as string).startsWith('\n\t'))).toBe(true);
    expect(r.rows.every((x) => typeof x.cells[5] === 'number' && typeof x.cells[6] === 'number')).toBe(true);
  });

  it.each([
    ['MyLA311_Service_Request_Data_2017_Subset.csv', 9_999, 33, 'SRNumber'],
    ['2018_mini.csv', 10_000, 39, 'SRNumber'],
    ['requests.csv', 10_000, 35, 'srnumber'],
  ])('la-myla311/%s: %i rows × %i columns', async (f, rows, cols, first) => {
    const p = data(`la-myla311/${f}`);
    const s = await sniffFile(p);
    expect(s).toMatchObject({ format: 'csv', encoding: 'utf8', delimiter: ',', quote: '"' });
    expect(s.headers).toHaveLength(cols);
    expect(s.headers[0]).toBe(first);
    const r = await readAll(p, { format: 'csv', encoding: 'utf8', delimiter: ',', quote: '"' });
    expect(r.rows).toHaveLength(rows);
    expect(r.blank).toBe(0);
    expect(r.rows.every((x) => x.cells.length === cols)).toBe(true);
    expect(r.bytesRead).toBe(r.totalBytes);
  });
});
