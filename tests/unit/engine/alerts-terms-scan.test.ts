import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/engine/db/migrations';
import type { JobContext } from '../../../electron/engine/jobs/types';
import { writeDemo } from '../../../electron/engine/services/demo';
import { updateTextIndex } from '../../../electron/engine/services/text/builder';
import { DEFAULT_ALERT_CONFIG } from '../../../electron/engine/services/alerts/config';
import { runDetection } from '../../../electron/engine/services/alerts/detect-run';
import { alertDetail } from '../../../electron/engine/services/alerts/inbox';
import { runScan } from '../../../electron/engine/services/alerts/scan';
import { evaluateTerms, termDailyCounts } from '../../../electron/engine/services/alerts/terms';
import { SqliteAlertsRepository } from '../../../electron/engine/db/repos/alerts-repo';
import { dayStartMs, localDayOf } from '../../../shared/domain/surveillance/holidays';
import { tmpDir } from '../../helpers/tmp';
import { countsByAreaDay, statsColumns } from '../../../electron/engine/services/alerts/area-days';
import { areaDayCounts } from '../../../electron/engine/db/repos/alerts-series';
import { statsRebuildJob } from '../../../electron/engine/services/stats/builder';

const ctxOf = (db: Database.Database): JobContext => ({ db, progress: () => {}, checkCancelled: () => {}, now: () => Date.now() });
const PLANTED = '小区上空无人机夜间低空盘旋扰民，噪声很大';

describe('emerging terms feed the detectors; scan clusters become alerts', () => {
  let cleanup: () => void; let db: Database.Database; let last: number;
  beforeAll(() => {
    let dir: string;
    ({ dir, cleanup } = tmpDir());
    db = new Database(path.join(dir, 't.minsheng'));
    for (const sql of MIGRATIONS) db.exec(sql);
    db.transaction(() => {
      writeDemo(ctxOf(db), { records: 6000, seed: 7 });
      last = localDayOf(db.prepare('SELECT max(received_at) FROM records').pluck().get() as number);
      // a new word surges: 12 requests a day on the last three days, in records copied from a real one
      const ins = db.prepare(`INSERT INTO records (batch_id, source_code, external_id, received_at, title, content, district, street, community, cat1_id, cat2_id, cat3_id, status)
        SELECT batch_id, source_code, ?, ?, '无人机扰民', ?, district, street, community, cat1_id, cat2_id, cat3_id, status FROM records WHERE id = 1`);
      for (let d = 0; d < 3; d++) for (let i = 0; i < 12; i++) ins.run(`planted-${d}-${i}`, dayStartMs(last - d) + 3_600_000 * (8 + i % 10), PLANTED);
      updateTextIndex(ctxOf(db), { kind: 'rebuilt' });
    })();
  }, 180_000);
  afterAll(() => { db.close(); cleanup(); });

  it('counts the records containing a term per day (once per record), as the text itself says', () => {
    const c = termDailyCounts(db, {}, ['无人机', 'no-such-term'], last - 9, last + 1).get('无人机')!;
    expect(Array.from(c.slice(7))).toEqual([12, 12, 12]);
    const sql = db.prepare("SELECT count(*) FROM records WHERE instr(content, '无人机') > 0 AND received_at >= ? AND received_at < ?").pluck();
    expect(c.reduce((a, b) => a + b, 0)).toBe(sql.get(dayStartMs(last - 9), dayStartMs(last + 1)));
  });

  it('raises the surging emerging term with the same detectors, as an alert selecting its records', () => {
    const off = evaluateTerms(db, {}, { ...DEFAULT_ALERT_CONFIG, terms: 0 }, last - 6, last + 1);
    expect(off.signals).toEqual([]);
    const on = evaluateTerms(db, {}, DEFAULT_ALERT_CONFIG, last - 6, last + 1);
    const sig = on.signals.find((s) => s.term === '无人机' || s.term === '扰民');
    expect(sig).toBeDefined();
    expect(sig!.firstDay).toBeGreaterThanOrEqual(last - 2);
    expect(sig!.detectors).toContain('regression');

    runDetection(db, Date.now(), { fromDay: last - 6, toDay: last + 1 });
    const repo = new SqliteAlertsRepository(db);
    const row = repo.list({ includeSnoozed: true, minScore: 0, now: Date.now(), limit: 500 }).rows.find((r) => r.seriesKey === `term:${sig!.term}`);
    expect(row).toBeDefined();
    const d = alertDetail(db, row!.id);
    expect(d.alert.term).toBe(sig!.term);
    expect(d.filter.q).toBe(sig!.term);
  }, 120_000);

  it('counts requests per area and day from the statistics columns exactly as the SQL does', () => {
    expect(statsColumns(db)).toBeNull(); // records added outside a job: the columns are stale, SQL answers
    db.transaction(() => { statsRebuildJob(ctxOf(db)); })();
    expect(statsColumns(db)).not.toBeNull();
    const norm = (rows: { path: string[]; day: number; count: number }[]) => rows.map((r) => `${r.path.join('/')}|${r.day}|${r.count}`).sort();
    const district = db.prepare('SELECT district FROM records WHERE district IS NOT NULL LIMIT 1').pluck().get() as string;
    for (const depth of [1, 3] as const) {
      for (const f of [{}, { districts: [district] }, { q: '无人机' }]) {
        const fast = countsByAreaDay(db, f, depth, last - 60, last + 1);
        expect(fast.length).toBeGreaterThan(0);
        expect(norm(fast)).toEqual(norm(areaDayCounts(db, f, depth, last - 60, last + 1)));
      }
    }
  });

  it('stores significant scan clusters as scan alerts once, and only those', () => {
    const r = runScan(db, Date.now(), { level: 'community', days: 7, studyDays: 120, replications: 99, alertP: 0.05 });
    const stored = r.clusters.filter((c) => c.alertId != null);
    expect(stored.every((c) => c.pValue <= 0.05)).toBe(true);
    expect(r.clusters.filter((c) => c.pValue <= 0.05)).toHaveLength(stored.length);
    // the planted records sit in one community: the most likely cluster is there and significant
    const planted = db.prepare("SELECT district || '/' || street || '/' || community FROM records WHERE external_id = 'planted-0-0'").pluck().get() as string;
    expect(r.clusters[0].areas).toContain(planted);
    expect(r.clusters[0].alertId).not.toBeNull();
    const repo = new SqliteAlertsRepository(db);
    const a = repo.get(r.clusters[0].alertId!)!;
    expect(a.detectors).toBe('scan');
    expect(a.observed).toBe(r.clusters[0].observed);
    // the detail lists every member area, and its filter selects them all (not only the centre)
    const d = alertDetail(db, a.id);
    expect(d.areas.map((p) => p.join('/')).sort()).toEqual([...r.clusters[0].areas].sort());
    const members = r.clusters[0].areas.map((x) => x.split('/'));
    expect(new Set(d.filter.communities)).toEqual(new Set(members.map((p) => p[2])));
    expect(new Set(d.filter.districts)).toEqual(new Set(members.map((p) => p[0])));
    const again = runScan(db, Date.now(), { level: 'community', days: 7, studyDays: 120, replications: 99, alertP: 0.05 });
    expect(again.clusters[0].alertId).toBe(r.clusters[0].alertId);
    const none = runScan(db, Date.now(), { level: 'community', days: 7, studyDays: 120, replications: 99, storeAlerts: false });
    expect(none.clusters.every((c) => c.alertId == null)).toBe(true);
  }, 120_000);
});
