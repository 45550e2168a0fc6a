import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { rowsToColumns } from '../../../electron/engine/services/map/chunk-codec';
import { buildIndexParts, partsBuffers, PointIndex } from '../../../electron/engine/services/map/point-index';
import { MapState } from '../../../electron/engine/services/map/state';
import type { SqliteMapRepository } from '../../../electron/engine/db/repos/map-repo';

function chunk(from: number, n: number) {
  return rowsToColumns(Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return [i + 1, 1e12 + i * 1000, 118.7 + (i % 37) * 0.01, 32 + (i % 23) * 0.01, 1 + (i % 4), null, null,
      'src', `d${i % 5}`, null, `c${i % 7}`, null, i % 2 ? 'closed' : 'open', null, null] as never;
  }));
}

describe('point index built as parts (as the helper thread does) and wrapped on the engine thread', () => {
  it('answers every filter exactly as the index built from the chunks directly', () => {
    const chunks = [chunk(0, 700), chunk(700, 500)];
    const direct = new PointIndex(chunks);
    const parts = buildIndexParts(chunks);
    // Structured clone with transfer: what crosses the thread boundary.
    const moved = structuredClone(parts, { transfer: partsBuffers(parts) });
    const wrapped = new PointIndex(moved);
    expect(wrapped.n).toBe(1200);
    expect(wrapped.bbox).toEqual(direct.bbox);
    for (const f of [{}, { districts: ['d1', 'd3'] }, { statuses: ['open'], categories: [3] }, { communities: ['c4'], from: 1e12 + 100_000, to: 1e12 + 900_000 },
      { area: { type: 'bbox' as const, bbox: [118.75, 32.02, 118.9, 32.15] as [number, number, number, number] } }]) {
      expect(Array.from(wrapped.select(f))).toEqual(Array.from(direct.select(f)));
      expect(wrapped.select(f).length).toBeGreaterThan(0);
    }
    expect(Array.from(wrapped.id)).toEqual(Array.from(direct.id));
    expect(parts.id.byteLength).toBe(0); // transferred, not copied
  });

  it('builds the index with the injected loader and falls back to an inline load when it fails', async () => {
    const db = new Database(':memory:');
    let calls = 0;
    const parts = buildIndexParts([chunk(0, 300)]);
    const state = new MapState(db, async () => { calls++; return { parts, signature: '1|1:5:300' }; });
    // The loader's snapshot is used as is: no SQL read of the chunks on this thread.
    Object.assign(state.repo, { dataVersion: () => 1, chunkSignature: () => '1|1:5:300' });
    const { sel, index } = await state.select({ districts: ['d2'] });
    expect(calls).toBe(1);
    expect(index.n).toBe(300);
    expect(sel.length).toBe(60);
    const failing = new MapState(db, async () => { throw new Error('no thread'); });
    const repo = failing.repo as unknown as SqliteMapRepository & Record<string, unknown>;
    repo.dataVersion = () => 1;
    repo.chunkSignature = () => '0|';
    repo.locatedRows = () => [][Symbol.iterator]();
    await expect(failing.getIndex()).resolves.toMatchObject({ n: 0 });
    db.close();
  });
});
