import { describe, expect, it } from 'vitest';
import { Int32, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { Batch } from '../../../shared/api/areas/import';
import { decodePreview, decodeRejected, looksGarbled, sampleValues } from '../../../renderer/src/features/import/arrow-rows';
import {
  addSample, baseName, countsAddUp, defaultRejectedPath, dirOf, parseRows, percentOf, phaseOf, rowRate, shortHash, splitDuration,
} from '../../../renderer/src/features/import/progress';
import { cleanOverrides, effectiveReadOptions, isValidSourceCode, type Sniffed } from '../../../renderer/src/features/import/read-options';
import { forgetPath, recentPaths, rememberPath } from '../../../renderer/src/features/import/recent-paths';
import { resultFromBatch, shareOf, toImportResult } from '../../../renderer/src/features/import/result';

function ipc(cols: Record<string, { type: 'utf8' | 'int32'; values: unknown[] }>): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, c] of Object.entries(cols)) vectors[name] = vectorFromArray(c.values as never[], (c.type === 'utf8' ? new Utf8() : new Int32()) as never) as Vector;
  return tableToIPC(new Table(vectors), 'stream');
}

describe('import Arrow decoding', () => {
  it('decodes import.previewRows (rowNumber + c0..cN) in column-index order, nulls kept', () => {
    const bytes = ipc({
      rowNumber: { type: 'int32', values: [2, 3] },
      c0: { type: 'utf8', values: ['NJ-001', 'NJ-002'] },
      c1: { type: 'utf8', values: ['2024-03-01 08:00:00', null] },
      c10: { type: 'utf8', values: ['满意', '不满意'] },
    });
    const p = decodePreview(bytes);
    expect(p.width).toBe(11);
    expect(p.rows).toHaveLength(2);
    expect(p.rows[0]).toMatchObject({ rowNumber: 2 });
    expect(p.rows[0].cells[0]).toBe('NJ-001');
    expect(p.rows[1].cells[1]).toBeNull();
    expect(p.rows[1].cells[10]).toBe('不满意');
    expect(p.rows[1].cells[5]).toBeNull();
    expect(sampleValues(p, 10)).toEqual(['满意', '不满意']);
    expect(sampleValues(p, 1)).toEqual(['2024-03-01 08:00:00']);
    expect(sampleValues(null, 0)).toEqual([]);
    expect(decodePreview(new Uint8Array(0))).toEqual({ width: 0, rows: [] });
  });

  it('decodes import.rejected rows', () => {
    const rows = decodeRejected(ipc({
      rowNumber: { type: 'int32', values: [5, 17] },
      reasonCode: { type: 'utf8', values: ['BAD_DATE', 'BAD_DATE'] },
      reason: { type: 'utf8', values: ['“受理时间”列的时间无法识别：昨天', '“受理时间”列的时间无法识别：2024-13-45'] },
      raw: { type: 'utf8', values: ['NJ-5,昨天,…', 'NJ-17,2024-13-45,…'] },
    }));
    expect(rows).toEqual([
      { rowNumber: 5, reasonCode: 'BAD_DATE', reason: '“受理时间”列的时间无法识别：昨天', raw: 'NJ-5,昨天,…' },
      { rowNumber: 17, reasonCode: 'BAD_DATE', reason: '“受理时间”列的时间无法识别：2024-13-45', raw: 'NJ-17,2024-13-45,…' },
    ]);
  });

  it('spots mojibake from a wrong encoding guess', () => {
    expect(looksGarbled(['工单编号', '受理时间', '诉求内容'])).toBe(false);
    expect(looksGarbled(['\uFFFD\uFFFD\uFFFD\uFFFD', '\uFFFD\uFFFD', 'abc'])).toBe(true);
    expect(looksGarbled(['å·¥å\u008d•ç¼–å\u008f·', 'å\u008f—ç\u0090†'])).toBe(true);
    expect(looksGarbled([null, ''])).toBe(false);
  });
});

describe('import progress', () => {
  it('reads the phase and row count of job.progress messages', () => {
    expect(phaseOf('sha256')).toBe('hashing');
    expect(phaseOf('12000')).toBe('reading');
    expect(phaseOf('indexes')).toBe('indexing');
    expect(phaseOf(null)).toBeNull();
    expect(parseRows('12000')).toBe(12000);
    expect(parseRows('1,234,567')).toBe(1234567);
    expect(parseRows('sha256')).toBeNull();
  });

  it('computes rows/s by differencing counts over time', () => {
    let s = addSample([], { at: 0, rows: 0 });
    expect(rowRate(s)).toBeNull();
    s = addSample(s, { at: 1000, rows: 2000 });
    s = addSample(s, { at: 2000, rows: 6000 });
    expect(rowRate(s)).toBe(3000);
    // old samples fall out of the window, the rate follows the recent speed
    s = addSample(s, { at: 20_000, rows: 60_000 });
    s = addSample(s, { at: 21_000, rows: 61_000 });
    expect(s[0].at).toBeGreaterThanOrEqual(2000);
    expect(rowRate(s)).toBeGreaterThan(0);
  });

  it('percent, durations, hashes and paths', () => {
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(5, null)).toBeNull();
    expect(percentOf(300, 200)).toBe(100);
    expect(splitDuration(3725)).toEqual({ h: 1, m: 2, s: 5 });
    expect(shortHash('abcdef0123456789', 8)).toBe('abcdef01');
    expect(dirOf('/home/a/proj.minsheng')).toBe('/home/a');
    expect(dirOf('C:\\data\\p.minsheng')).toBe('C:\\data');
    expect(dirOf('/p.minsheng')).toBe('/');
    expect(defaultRejectedPath('/home/a/proj.minsheng', 3)).toBe('/home/a/rejected-3.csv');
    expect(defaultRejectedPath('C:\\data\\p.minsheng', 3, 'BAD_DATE')).toBe('C:\\data\\rejected-3-BAD_DATE.csv');
    expect(baseName('/x/y/12345.csv')).toBe('12345.csv');
  });
});

describe('import result', () => {
  const r = { batchId: 4, rowsRead: 30, blankRows: 1, imported: 27, updated: 0, duplicates: 1, rejected: 2, seconds: 0.4 };

  it('checks that the four outcomes add up to the rows read', () => {
    expect(countsAddUp(r)).toBe(true);
    expect(countsAddUp({ ...r, imported: 26 })).toBe(false);
    expect(shareOf(27, 30)).toBe(90);
    expect(shareOf(1, 0)).toBe(0);
  });

  it('accepts a job.done result only when it is an ImportResult', () => {
    expect(toImportResult({ ...r, extra: 1 })).toEqual(r);
    expect(toImportResult({ ...r, rejected: '2' })).toBeNull();
    expect(toImportResult(null)).toBeNull();
  });

  it('rebuilds the result from a batch', () => {
    const b: Batch = {
      id: 4, sourceCode: 'nj', sourceName: '南京', fileName: 'a.csv', sha256: 'x', fileSize: 10, status: 'done',
      rowsRead: 30, blankRows: 1, imported: 27, updated: 0, duplicates: 1, rejected: 2, records: 27,
      startedAt: 1000, finishedAt: 1400, removedAt: null, seconds: null, synthetic: false,
    };
    expect(resultFromBatch(b)).toEqual(r);
  });
});

describe('import read options and source codes', () => {
  const sniffed: Sniffed = {
    format: 'csv', encoding: 'gb18030', encodingConfidence: 0.7, delimiter: ',', quote: '"', sheets: [], sheet: null, headers: ['a'], fileSize: 10,
  };

  it('merges the sniffer\'s values with the user\'s overrides, per format', () => {
    expect(effectiveReadOptions(sniffed, {})).toEqual({ format: 'csv', encoding: 'gb18030', delimiter: ',', quote: '"' });
    expect(effectiveReadOptions(sniffed, { encoding: 'utf8', headerRow: 2 })).toEqual({ format: 'csv', encoding: 'utf8', delimiter: ',', quote: '"', headerRow: 2 });
    expect(effectiveReadOptions({ ...sniffed, format: 'xlsx', encoding: null, delimiter: null, quote: null, sheets: ['工单', '说明'], sheet: '工单' }, {}))
      .toEqual({ format: 'xlsx', sheet: '工单' });
    expect(effectiveReadOptions({ ...sniffed, delimiter: ' ' }, {})).toEqual({ format: 'csv', encoding: 'gb18030', quote: '"' });
    expect(cleanOverrides({ encoding: undefined, headerRow: 3 })).toEqual({ headerRow: 3 });
  });

  it('validates source codes like the engine', () => {
    for (const ok of ['12345', '12315', 'la311', 'nj_12345', '南京12345']) expect(isValidSourceCode(ok), ok).toBe(true);
    for (const bad of ['', '12 345', 'a/b', 'x'.repeat(65)]) expect(isValidSourceCode(bad), bad).toBe(false);
  });
});

describe('recent import paths', () => {
  const store = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };

  it('keeps the newest first, without duplicates, at most 8', () => {
    const s = store();
    expect(recentPaths(s)).toEqual([]);
    rememberPath('/a.csv', s);
    rememberPath('/b.csv', s);
    expect(rememberPath('/a.csv', s)).toEqual(['/a.csv', '/b.csv']);
    for (let i = 0; i < 10; i++) rememberPath(`/f${i}.csv`, s);
    expect(recentPaths(s)).toHaveLength(8);
    expect(recentPaths(s)[0]).toBe('/f9.csv');
    expect(forgetPath('/f9.csv', s)[0]).toBe('/f8.csv');
    s.setItem('minsheng.import.recentPaths', 'not json');
    expect(recentPaths(s)).toEqual([]);
  });
});
