import { describe, expect, it } from 'vitest';
import { isFileDrag, planDrop } from '../../../renderer/src/app/drop/drop-plan';
import { toBase64, uploadFile } from '../../../renderer/src/app/drop/upload';
import { classifyFileName } from '../../../shared/api/bridge';

describe('what a drop does', () => {
  it('opens a project first, else imports the first data file, else explains', () => {
    expect(planDrop(['a.csv', 'city.MINSHENG'], false)).toEqual({ kind: 'project', index: 1 });
    expect(planDrop(['notes.docx', '12345.xlsx', 'b.csv'], true)).toEqual({ kind: 'import', index: 1 });
    expect(planDrop(['12345.xlsx'], false)).toEqual({ kind: 'needProject' });
    expect(planDrop(['a.pdf', 'b'], true)).toEqual({ kind: 'unsupported', names: ['a.pdf', 'b'] });
    expect(planDrop([], true)).toEqual({ kind: 'none' });
    expect(classifyFileName('数据.JSONL')).toBe('data');
    expect(isFileDrag(['text/plain'])).toBe(false);
    expect(isFileDrag(['Files'])).toBe(true);
  });
});

describe('uploading a dropped file in chunks', () => {
  const blob = (bytes: Uint8Array, name = '南京.csv') => ({
    name, size: bytes.length,
    slice: (a: number, b: number) => ({ arrayBuffer: async () => bytes.slice(a, b).buffer }),
  });

  it('base64 matches Node for every byte value and long inputs', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(toBase64(new Uint8Array())).toBe('');
  });

  it('sends consecutive offsets, reuses the upload id and returns the final path', async () => {
    const bytes = new Uint8Array(10).map((_, i) => i);
    const calls: { uploadId: string | null; offset: number; done: boolean; data: number[] }[] = [];
    const progress: number[] = [];
    const path = await uploadFile(blob(bytes), async (i) => {
      calls.push({ uploadId: i.uploadId, offset: i.offset, done: i.done, data: [...Buffer.from(i.dataBase64, 'base64')] });
      return { uploadId: 'u1', received: i.offset, path: i.done ? '/data/dropped/x.csv' : null };
    }, (f) => progress.push(f), 4);
    expect(path).toBe('/data/dropped/x.csv');
    expect(calls.map((c) => [c.uploadId, c.offset, c.done])).toEqual([[null, 0, false], ['u1', 4, false], ['u1', 8, true]]);
    expect(calls.flatMap((c) => c.data)).toEqual([...bytes]);
    expect(progress).toEqual([0.4, 0.8, 1]);
  });

  it('sends an empty file as one final chunk and fails when the engine returns no path', async () => {
    const seen: boolean[] = [];
    await expect(uploadFile(blob(new Uint8Array()), async (i) => { seen.push(i.done); return { uploadId: 'u', received: 0, path: null }; })).rejects.toThrow();
    expect(seen).toEqual([true]);
  });
});
