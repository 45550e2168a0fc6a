import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/engine/db/migrations';
import type { JobContext } from '../../../electron/engine/jobs/types';
import { demoJob } from '../../../electron/engine/jobs/bodies/demo';
import { DEFAULT_DEMO_SEED, DEMO_BATCH_FILE_NAME, DEMO_LAYER_NAMES, writeDemo, type DemoResult } from '../../../electron/engine/services/demo';
import { buildTaxonomy, generateRecords, HOTLINE_SOURCES, planDemo } from '../../../shared/domain/demo';
import { tmpDir } from '../../helpers/tmp';

class Cancelled extends Error {}

function fakeContext(db: Database.Database, cancelAfterChecks = Infinity) {
  const calls = { progress: [] as [number, number | null, string | undefined][], checks: 0 };
  const ctx: JobContext = {
    db,
    progress: (done, total, message) => { calls.progress.push([done, total, message]); },
    checkCancelled: () => {
      calls.checks++;
      if (calls.checks > cancelAfterChecks) throw new Cancelled('cancelled');
    },
    now: () => 1_700_000_000_000 + calls.checks,
  };
  return { ctx, calls };
}

const count = (db: Database.Database, sql: string, ...params: unknown[]): number => (db.prepare(sql).pluck().get(...params) as number);
const indexSql = (db: Database.Database): string[] => db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];

describe('writeDemo', () => {
  let dir: string; let cleanup: () => void; let db: Database.Database;
  beforeEach(() => {
    ({ dir, cleanup } = tmpDir());
    db = new Database(path.join(dir, 'demo.minsheng'));
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    for (const sql of MIGRATIONS) db.exec(sql);
  });
  afterEach(() => { db.close(); cleanup(); });

  it('writes the whole synthetic extract in one transaction', () => {
    const before = indexSql(db);
    const { ctx, calls } = fakeContext(db);
    const result = db.transaction(() => writeDemo(ctx, { records: 12_000, seed: 5 }))();
    const plan = planDemo({ records: 12_000, seed: 5 });

    expect(result.records).toBe(12_000);
    expect(count(db, 'SELECT count(*) FROM records')).toBe(12_000);
    expect(count(db, 'SELECT count(*) FROM records WHERE synthetic = 1 AND batch_id = ?', result.batchId)).toBe(12_000);
    expect(count(db, 'SELECT count(*) FROM records WHERE lon IS NULL')).toBeGreaterThan(12_000 * 0.1);
    expect(count(db, 'SELECT count(*) FROM sources WHERE code LIKE ?', 'demo-%')).toBe(HOTLINE_SOURCES.length);

    const batch = db.prepare('SELECT * FROM batches').get() as Record<string, unknown>;
    expect(batch).toMatchObject({ file_name: DEMO_BATCH_FILE_NAME, synthetic: 1, rows_read: 12_000, imported: 12_000, rejected: 0, source_code: 'demo-12345' });
    expect(batch.finished_at).not.toBeNull();

    const layers = db.prepare('SELECT name, kind, geometry_type, synthetic, (SELECT count(*) FROM features f WHERE f.layer_id = l.id) AS n FROM layers l ORDER BY id').all();
    expect(layers).toEqual([
      { name: DEMO_LAYER_NAMES.district, kind: 'district', geometry_type: 'Polygon', synthetic: 1, n: plan.city.districts.length },
      { name: DEMO_LAYER_NAMES.street, kind: 'street', geometry_type: 'Polygon', synthetic: 1, n: plan.city.streets.length },
      { name: DEMO_LAYER_NAMES.community, kind: 'community', geometry_type: 'Polygon', synthetic: 1, n: plan.city.communities.length },
      { name: DEMO_LAYER_NAMES.road, kind: 'road', geometry_type: 'LineString', synthetic: 1, n: plan.city.roads.length },
    ]);
    expect(count(db, 'SELECT count(*) FROM features WHERE min_x IS NULL OR max_y IS NULL OR min_x > max_x')).toBe(0);
    const geom = JSON.parse(db.prepare("SELECT geometry_json FROM features WHERE parent_code IS NOT NULL AND geometry_json LIKE '%Polygon%' LIMIT 1").pluck().get() as string);
    expect(geom.type).toBe('Polygon');

    const tax = buildTaxonomy();
    expect(count(db, 'SELECT count(*) FROM categories')).toBe(tax.categories.length);
    expect(count(db, 'SELECT count(*) FROM categories WHERE level = 3')).toBe(tax.leaves.length);
    expect(count(db, 'SELECT count(*) FROM categories c JOIN categories p ON p.id = c.parent_id WHERE p.level <> c.level - 1 OR substr(c.code, 1, length(p.code)) <> p.code')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM records r JOIN categories c3 ON c3.id = r.cat3_id WHERE c3.parent_id <> r.cat2_id OR c3.level <> 3')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM departments')).toBe(plan.departments.departments.length);
    expect(count(db, 'SELECT count(*) FROM records WHERE department NOT IN (SELECT name FROM departments)')).toBe(0);

    expect(count(db, 'SELECT count(*) FROM demo_events')).toBe(plan.events.length);
    const ev = db.prepare('SELECT c.code, e.community, e.start_at, e.extra_records FROM demo_events e JOIN categories c ON c.id = e.cat3_id ORDER BY e.id').all();
    expect(ev).toEqual(plan.events.map((e) => ({ code: e.cat3Code, community: e.community, start_at: e.startAt, extra_records: e.extraRecords })));

    const meta = Object.fromEntries((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
    expect(meta).toMatchObject({ synthetic: '1', demo_seed: '5', demo_records: '12000' });

    expect(indexSql(db)).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(calls.progress[calls.progress.length - 1].slice(0, 2)).toEqual([12_000, 12_000]);
    expect(calls.checks).toBeGreaterThanOrEqual(3);
  });

  it('stores the generated records field by field', () => {
    const { ctx } = fakeContext(db);
    db.transaction(() => writeDemo(ctx, { records: 500, seed: 11 }))();
    const expected = [...generateRecords(planDemo({ records: 500, seed: 11 }))];
    const rows = db.prepare(`SELECT r.*, c1.code AS c1, c2.code AS c2, c3.code AS c3 FROM records r
      JOIN categories c1 ON c1.id = r.cat1_id JOIN categories c2 ON c2.id = r.cat2_id JOIN categories c3 ON c3.id = r.cat3_id ORDER BY r.id`).all() as Record<string, unknown>[];
    expect(rows.length).toBe(500);
    rows.forEach((row, i) => {
      const e = expected[i];
      expect(row).toMatchObject({
        source_code: e.sourceCode, external_id: e.externalId, received_at: e.receivedAt, first_response_at: e.firstResponseAt,
        closed_at: e.closedAt, channel: e.channel, request_type: e.requestType, c1: e.cat1, c2: e.cat2, c3: e.cat3,
        category_original: e.categoryOriginal, title: e.title, content: e.content, address: e.address, district: e.district,
        street: e.street, community: e.community, lon: e.lon, lat: e.lat, crs_original: e.crsOriginal, location_status: e.locationStatus,
        department: e.department, transfers: e.transfers, status: e.status, reply: e.reply, satisfaction: e.satisfaction,
        satisfaction_label: e.satisfactionLabel, caller_hash: e.callerHash, synthetic: 1, caller_phone: null, status_original: e.statusOriginal,
      });
    });
  });

  it('leaves the project unchanged when cancelled mid-way (the runner rolls back)', () => {
    const before = indexSql(db);
    const { ctx } = fakeContext(db, 3);
    expect(() => db.transaction(() => writeDemo(ctx, { records: 20_000, seed: 5 }))()).toThrow(Cancelled);
    for (const t of ['records', 'layers', 'features', 'batches', 'demo_events', 'categories', 'meta']) expect(count(db, `SELECT count(*) FROM ${t}`)).toBe(0);
    expect(indexSql(db)).toEqual(before);
  });

  it('replaces an earlier synthetic demo but keeps real data', () => {
    db.prepare("INSERT INTO sources (code, name) VALUES ('12345', '真实')").run();
    db.prepare("INSERT INTO batches (id, source_code, file_name, started_at) VALUES (100, '12345', 'real.xlsx', 1)").run();
    db.prepare("INSERT INTO records (batch_id, source_code, external_id, received_at) VALUES (100, '12345', 'R1', 1)").run();
    db.transaction(() => writeDemo(fakeContext(db).ctx, { records: 3000, seed: 5 }))();
    const second = db.transaction(() => writeDemo(fakeContext(db).ctx, { records: 2000, seed: 6 }))();
    expect(second.replaced).toBe(3000);
    expect(count(db, 'SELECT count(*) FROM records WHERE synthetic = 1')).toBe(2000);
    expect(count(db, "SELECT count(*) FROM records WHERE external_id = 'R1'")).toBe(1);
    expect(count(db, 'SELECT count(*) FROM batches WHERE synthetic = 1')).toBe(1);
    expect(count(db, 'SELECT count(*) FROM layers')).toBe(4);
    expect(count(db, 'SELECT count(*) FROM demo_events')).toBe(planDemo({ records: 2000, seed: 6 }).events.length);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'demo_seed'").pluck().get()).toBe('6');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('is the body of the demo job, with a default seed, and brings derived data up to date', async () => {
    // The runner holds the transaction around an async body; do the same here.
    db.exec('BEGIN IMMEDIATE');
    const result = (await demoJob(fakeContext(db).ctx, { records: 300 })) as DemoResult;
    db.exec('COMMIT');
    expect(result.seed).toBe(DEFAULT_DEMO_SEED);
    expect(count(db, 'SELECT count(*) FROM records')).toBe(300);
    expect(count(db, 'SELECT count(*) FROM stats_chunks')).toBeGreaterThan(0);
    expect(count(db, 'SELECT count(*) FROM map_chunks')).toBeGreaterThan(0);
  });
});
