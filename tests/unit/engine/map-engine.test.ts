import path from 'node:path';
import Database from 'better-sqlite3';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../../electron/engine/db/connection';
import { MIGRATIONS } from '../../../electron/engine/db/migrations';
import { filterToSql } from '../../../electron/engine/db/repos/filter-sql';
import type { JobContext } from '../../../electron/engine/jobs/types';
import { writeDemo } from '../../../electron/engine/services/demo';
import { mapBuilder } from '../../../electron/engine/services/map/derived';
import { MapService } from '../../../electron/engine/services/map/map-service';
import { MapState } from '../../../electron/engine/services/map/state';
import { decodeChunk, encodeChunk, rowsToColumns } from '../../../electron/engine/services/map/chunk-codec';
import type { Filter } from '../../../shared/model/filter';
import { tmpDir } from '../../helpers/tmp';

const LOCATED = "r.lon IS NOT NULL AND r.lat IS NOT NULL AND r.location_status IN ('coordinates', 'geocoded')";

function ctxFor(db: Database.Database): JobContext {
  return { db, progress: () => {}, checkCancelled: () => {}, now: () => 1_700_000_000_000 };
}

describe('map engine over a synthetic project', () => {
  let db: Database.Database; let cleanup: () => void; let state: MapState; let svc: MapService;
  const sqlCount = (f: Filter) => {
    const { where, params } = filterToSql(f);
    return db.prepare(`SELECT count(*) FROM records r ${where ? `${where} AND` : 'WHERE'} ${LOCATED}`).pluck().get(...params) as number;
  };

  beforeAll(() => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'm.minsheng');
    new Database(file).close();
    db = openConnection(file);
    for (const sql of MIGRATIONS) db.exec(sql);
    db.transaction(() => writeDemo(ctxFor(db), { records: 6000, seed: 9 }))();
    db.transaction(() => mapBuilder.update(ctxFor(db), { kind: 'rebuilt' }))();
    state = new MapState(db);
    svc = new MapService(state);
  });
  afterAll(() => { db.close(); cleanup(); });

  it('keeps one chunk per batch holding exactly the located records', () => {
    const chunks = db.prepare('SELECT batch_id, rows FROM map_chunks').all() as { batch_id: number; rows: number }[];
    expect(chunks.length).toBe(1);
    expect(chunks[0].rows).toBe(sqlCount({}));
    expect(chunks[0].rows).toBeLessThan(6000); // the demo leaves some records unlocated
  });

  it('selects the same records in memory as the SQL filter does', async () => {
    const district = db.prepare('SELECT district FROM records WHERE district IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC').pluck().get() as string;
    const cat = db.prepare('SELECT cat2_id FROM records GROUP BY 1 ORDER BY count(*) DESC').pluck().get() as number;
    const t = db.prepare('SELECT min(received_at) AS a, max(received_at) AS b FROM records').get() as { a: number; b: number };
    const mid = Math.round((t.a + t.b) / 2);
    const c = db.prepare(`SELECT avg(lon) AS lon, avg(lat) AS lat FROM records r WHERE ${LOCATED}`).get() as { lon: number; lat: number };
    const filters: Filter[] = [
      {}, { districts: [district] }, { categories: [cat] }, { statuses: ['closed', 'open'] }, { from: mid }, { from: t.a, to: mid, districts: [district] },
      { area: { type: 'circle', center: [c.lon, c.lat], radiusM: 3000 } },
      { area: { type: 'polygon', ring: [[c.lon - 0.05, c.lat - 0.05], [c.lon + 0.05, c.lat - 0.03], [c.lon, c.lat + 0.06]] } },
      { area: { type: 'bbox', bbox: [c.lon - 0.1, c.lat - 0.1, c.lon, c.lat] }, statuses: ['closed'] },
      { q: '噪' }, { districts: ['不存在的区'] },
    ];
    for (const f of filters) {
      const { sel } = await state.select(f);
      expect({ f, n: sel.length }).toEqual({ f, n: sqlCount(f) });
    }
    expect(sqlCount({ districts: [district] })).toBeGreaterThan(0);
  });

  it('bins every located record in the view exactly once, for hexagons and squares', async () => {
    const ov = await svc.overview({});
    expect(ov.located).toBe(sqlCount({}));
    const b = ov.bbox!;
    const view: [number, number, number, number] = [b[0] - 0.01, b[1] - 0.01, b[2] + 0.01, b[3] + 0.01];
    for (const kind of ['hex', 'square'] as const) {
      const t = tableFromIPC(await svc.bins({}, view, 11, kind, 24));
      const counts = t.getChild('count')!.toArray() as Float64Array;
      expect(counts.reduce((s, v) => s + v, 0)).toBe(ov.located);
      expect(Number(JSON.parse(t.schema.metadata.get('total')!))).toBe(ov.located);
      expect(Math.max(...counts)).toBe(Number(JSON.parse(t.schema.metadata.get('max')!)));
    }
  });

  it('caps points in view with an even sample and reports the total', async () => {
    const ov = await svc.overview({});
    const b = ov.bbox!;
    const t = tableFromIPC(await svc.points({}, [b[0], b[1], b[2], b[3]], 1000));
    expect(t.numRows).toBeLessThanOrEqual(1000);
    expect(Number(t.schema.metadata.get('total'))).toBe(ov.located);
    const ids = t.getChild('id')!.toArray() as Int32Array;
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('computes a density surface that integrates to about the records inside the view', async () => {
    const ov = await svc.overview({});
    const b = ov.bbox!;
    const pad = 0.08;
    const t = tableFromIPC(await svc.density({}, [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad], 10, 4, 800));
    const meta = (k: string) => JSON.parse(t.schema.metadata.get(k)!) as number;
    const v = t.getChild('v')!.toArray() as Float32Array;
    expect(v.length).toBe(meta('width') * meta('height'));
    const cellKm = meta('cellM') / 1000;
    const sum = v.reduce((s, x) => s + x, 0) * cellKm * cellKm;
    // Mercator cells are measured at the view's middle latitude: allow a few per cent.
    expect(sum / ov.located).toBeGreaterThan(0.95);
    expect(sum / ov.located).toBeLessThan(1.05);
  });

  it('counts records per community for the choropleth and the previous period for change', async () => {
    const layer = (db.prepare("SELECT id FROM layers WHERE kind = 'community'").pluck().get()) as number;
    const t0 = db.prepare('SELECT max(received_at) FROM records').pluck().get() as number;
    const f: Filter = { from: t0 - 90 * 86_400_000, to: t0 };
    const table = tableFromIPC(await svc.choropleth(f, layer));
    const names = table.getChild('name')!.toArray() as string[];
    const counts = table.getChild('count')!.toArray() as Float64Array;
    const prev = table.getChild('prev')!.toArray() as Float64Array;
    const k = counts.indexOf(Math.max(...counts));
    expect(counts[k]).toBe(sqlCount({ ...f, communities: [names[k]] }));
    expect(prev[k]).toBe(sqlCount({ from: f.from! - 90 * 86_400_000, to: f.from, communities: [names[k]] }));
    await expect(svc.choropleth({}, 99_999)).rejects.toThrow(/layer/);
  });

  it('summarises an area: categories, statuses and communities add up to the count', async () => {
    const ov = await svc.overview({});
    const b = ov.bbox!;
    const cx = (b[0] + b[2]) / 2; const cy = (b[1] + b[3]) / 2;
    const f: Filter = { area: { type: 'circle', center: [cx, cy], radiusM: 4000 } };
    const s = await svc.stats(f);
    expect(s.count).toBe(sqlCount(f));
    expect(s.statuses.reduce((a, x) => a + x.count, 0)).toBe(s.count);
    expect(s.categories[0].name).not.toBe('—');
  });

  it('follows a batch removed by another connection (a job) without restarting', async () => {
    expect((await state.select({})).sel.length).toBeGreaterThan(0);
    const other = new Database(db.name);
    const batch = other.prepare('SELECT id FROM batches').pluck().get() as number;
    other.transaction(() => {
      mapBuilder.update(ctxFor(other), { kind: 'batch-removed', batchId: batch });
      other.prepare('DELETE FROM records WHERE batch_id = ?').run(batch);
    })();
    other.close();
    expect((await state.select({})).sel.length).toBe(0);
  });
});

describe('map chunk codec', () => {
  it('round-trips rows with nulls and wide dictionaries', () => {
    const rows = Array.from({ length: 140_000 }, (_, i) => [i + 1, 1e12 + i, 118 + i * 1e-6, 32, i % 3 ? 5 : null, 7, null,
      'src', i % 7 === 1 ? null : `c${i}`, 's', null, 'd', 'closed', null, 'phone'] as never);
    const back = decodeChunk(encodeChunk(rowsToColumns(rows)));
    expect(back.n).toBe(140_000);
    expect(back.id[139_999]).toBe(140_000);
    expect(back.t[5]).toBe(1e12 + 5);
    expect(back.cats[0][0]).toBe(0);
    expect(back.cats[0][1]).toBe(5);
    const d = back.dims.district;
    expect(d.codes).toBeInstanceOf(Uint32Array);
    expect(d.dict[d.codes[0]]).toBe('c0');
    expect(d.dict[d.codes[1]]).toBeNull();
    expect(back.dims.status.dict[back.dims.status.codes[3]]).toBe('closed');
  });
});
