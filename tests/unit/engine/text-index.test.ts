import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/engine/db/migrations';
import type { JobContext } from '../../../electron/engine/jobs/types';
import { writeDemo } from '../../../electron/engine/services/demo';
import { updateTextIndex } from '../../../electron/engine/services/text/builder';
import { compare, emerging, flow, keywords } from '../../../electron/engine/services/text/analyses';
import { termIndex } from '../../../electron/engine/services/text/term-index';
import { SqliteRecordsRepository } from '../../../electron/engine/db/repos/records-repo';
import { SqliteTextRepository } from '../../../electron/engine/db/repos/text-repo';
import { tmpDir } from '../../helpers/tmp';

const ctxOf = (db: Database.Database): JobContext => ({ db, progress: () => {}, checkCancelled: () => {}, now: () => Date.now() });

describe('text index (bigram FTS + segmented terms) over the synthetic demo', () => {
  let dir: string; let cleanup: () => void; let db: Database.Database; let records: SqliteRecordsRepository;
  beforeAll(() => {
    ({ dir, cleanup } = tmpDir());
    db = new Database(path.join(dir, 't.minsheng'));
    for (const sql of MIGRATIONS) db.exec(sql);
    db.transaction(() => { writeDemo(ctxOf(db), { records: 3000, seed: 3 }); updateTextIndex(ctxOf(db), { kind: 'rebuilt' }); })();
    records = new SqliteRecordsRepository(db);
  }, 120_000);
  afterAll(() => { db.close(); cleanup(); });

  /** The reference semantics: every whitespace-separated term is a substring of title, content or address. */
  const likeCount = (q: string): number => {
    const terms = q.split(/\s+/).filter(Boolean);
    const cond = terms.map(() => '(instr(lower(title), ?) > 0 OR instr(lower(content), ?) > 0 OR instr(lower(address), ?) > 0)').join(' AND ');
    return db.prepare(`SELECT count(*) FROM records WHERE ${cond}`).pluck().get(...terms.flatMap((t) => [t, t, t].map((x) => x.toLowerCase()))) as number;
  };

  it('matches exactly what a substring scan finds, for 1-, 2- and longer terms and several terms', () => {
    for (const q of ['水', '区', '积水', '占道', '噪声', '油烟', '电梯 故障', '停车 小区', '来电人表示周边邻居', '市民来电反映', 'app']) {
      const n = records.count({ q });
      expect(n, q).toBe(likeCount(q));
    }
    expect(records.count({ q: '积水' })).toBeGreaterThan(0);
    expect(records.count({ q: '水' })).toBeGreaterThan(records.count({ q: '积水' }));
  });

  it('finds a record by its exact ticket number and combines with other filters', () => {
    const r = db.prepare('SELECT external_id AS e, district AS d FROM records LIMIT 1 OFFSET 17').get() as { e: string; d: string };
    expect(records.count({ q: r.e })).toBeGreaterThanOrEqual(1);
    const both = records.count({ q: '噪声', districts: [r.d] });
    const scan = db.prepare("SELECT count(*) FROM records WHERE district = ? AND (instr(title, '噪声') OR instr(content, '噪声') OR instr(address, '噪声'))").pluck().get(r.d) as number;
    expect(both).toBe(scan);
  });

  it('indexes every record once with consistent document frequencies', () => {
    const idx = termIndex(db);
    expect(idx.docs).toBe(3000);
    const recount = new Uint32Array(idx.terms.length);
    for (const c of idx.chunks) for (const t of c.terms) recount[t]++;
    expect([...recount]).toEqual([...idx.df]);
  });

  it('keywords, comparison, flow and emerging terms follow the filter', () => {
    const district = (db.prepare('SELECT district FROM records GROUP BY district ORDER BY count(*) DESC LIMIT 1').pluck().get()) as string;
    const k = keywords(db, { districts: [district] }, 20);
    expect(k.docs).toBe(records.count({ districts: [district] }));
    expect(k.terms.length).toBe(20);
    expect(k.terms.every((t) => t.count <= k.docs)).toBe(true);
    expect(k.terms.map((t) => t.term)).not.toContain(district); // place names are left out by default
    const c = compare(db, { districts: [district] }, null, 10);
    expect(c.targetDocs + c.refDocs).toBe(3000);
    expect(c.terms.every((t) => t.count / c.targetDocs > t.refCount / c.refDocs)).toBe(true);
    const f = flow(db, {}, 'month', 5);
    expect(f.series).toHaveLength(5);
    expect(f.buckets.reduce((a, b) => a + b.docs, 0)).toBe(3000);
    const e = emerging(db, {}, 'week', 4, 12, 10);
    expect(e.recentFrom).not.toBeNull();
    expect(e.terms.every((t) => t.firstSeen <= (e.until as number))).toBe(true);
  });

  it('indexes an added batch (with its personal information) and forgets a removed one', () => {
    const before = termIndex(db).docs;
    const batchId = Number(db.prepare("INSERT INTO batches(source_code, file_name, started_at) VALUES ((SELECT code FROM sources LIMIT 1), 'pii.csv', 0)").run().lastInsertRowid);
    const ins = db.prepare("INSERT INTO records(batch_id, source_code, external_id, received_at, title, content) VALUES (?, (SELECT code FROM sources LIMIT 1), ?, ?, ?, ?)");
    db.transaction(() => {
      ins.run(batchId, 'X-1', Date.UTC(2024, 5, 1), '楼道堆放杂物', '联系电话13912345678，楼道堆放杂物堵塞消防通道');
      ins.run(batchId, 'X-2', Date.UTC(2024, 5, 2), '夜间施工', '工地夜间施工噪声扰民，邮箱 li@example.com');
      updateTextIndex(ctxOf(db), { kind: 'batch-added', batchId });
    })();
    expect(termIndex(db).docs).toBe(before + 2);
    expect(records.count({ q: '堆放杂物' })).toBe(likeCount('堆放杂物'));
    const pii = new SqliteTextRepository(db).piiByBatch().filter((p) => p.batchId === batchId);
    expect(pii.map((p) => [p.kind, p.records])).toEqual([['email', 1], ['mobile', 1]]);
    db.transaction(() => {
      updateTextIndex(ctxOf(db), { kind: 'batch-removed', batchId });
      db.prepare('DELETE FROM records WHERE batch_id = ?').run(batchId);
    })();
    expect(termIndex(db).docs).toBe(before);
    expect(records.count({ q: '堆放杂物' })).toBe(likeCount('堆放杂物'));
    expect(new SqliteTextRepository(db).piiByBatch().filter((p) => p.batchId === batchId)).toEqual([]);
  });

  it('stores the index size with the index version, so the status does not walk the index', () => {
    const repo = new SqliteTextRepository(db);
    const [version, bytes] = (repo.getMeta('text_fts_bytes') ?? '').split('|');
    expect(version).toBe(repo.version());
    expect(Number(bytes)).toBeGreaterThan(0);
    expect(repo.ftsBytes()).toBe(Number(bytes));
    expect(repo.tableBytes('text_fts')).toBe(Number(bytes));
  });
});
