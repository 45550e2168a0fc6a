import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/engine/db/migrations';
import type { JobContext } from '../../../electron/engine/jobs/types';
import { writeDemo } from '../../../electron/engine/services/demo';
import { runBacktest } from '../../../electron/engine/services/alerts/backtest';
import { runDetection } from '../../../electron/engine/services/alerts/detect-run';
import { alertDetail, transition } from '../../../electron/engine/services/alerts/inbox';
import { SqliteAlertsRepository } from '../../../electron/engine/db/repos/alerts-repo';
import { followUpResolved } from '../../../electron/engine/services/alerts/followup';
import { readConfig } from '../../../electron/engine/services/alerts/config';
import { allDetectedWithin } from '../../../shared/domain/surveillance/backtest';
import { dateToDay, dayStartMs } from '../../../shared/domain/surveillance/holidays';
import { tmpDir } from '../../helpers/tmp';
import { projectTokeniser } from '../../../electron/engine/services/alerts/keywords';
import { textsOf } from '../../../electron/engine/db/repos/alerts-series';
import { stopwordSet } from '../../../shared/domain/text';

const NOW = 1_750_000_000_000;
let db: Database.Database;
let cleanup: () => void;

beforeAll(() => {
  const t = tmpDir();
  cleanup = t.cleanup;
  db = new Database(path.join(t.dir, 'demo.minsheng'));
  db.pragma('foreign_keys = ON');
  for (const sql of MIGRATIONS) db.exec(sql);
  const ctx: JobContext = { db, progress: () => {}, checkCancelled: () => {}, now: () => NOW };
  db.exec('BEGIN');
  writeDemo(ctx, { records: 200_000, seed: 12345 });
  db.exec('COMMIT');
}, 180_000);
afterAll(() => { db.close(); cleanup(); });

describe('backtest on the synthetic demo (default settings)', () => {
  it('flags every injected event within 3 days with < 1 false alarm per 100 series-weeks', () => {
    const r = runBacktest(db, NOW);
    process.stdout.write(`backtest: ${r.events.map((e) => `event ${e.eventId} delay ${e.delayDays} d`).join(', ')}; `
      + `${r.falseAlarms} false alarms / ${Math.round(r.seriesWeeks)} series-weeks = ${r.falseAlarmsPer100SeriesWeeks.toFixed(4)} per 100 (${r.seconds.toFixed(1)} s)\n`);
    expect(r.events.length).toBeGreaterThanOrEqual(4);
    expect(allDetectedWithin(r, 3)).toBe(true);
    expect(r.falseAlarmsPer100SeriesWeeks).toBeLessThan(1);
    expect(r.truePositives).toBeGreaterThanOrEqual(r.events.length);
  }, 120_000);
});

describe('detection run and the alert workflow', () => {
  it('raises the injected events as the top alerts and walks the workflow to verification', () => {
    const ev = db.prepare('SELECT start_at AS s, end_at AS e FROM demo_events ORDER BY start_at DESC LIMIT 1').get() as { s: number; e: number };
    const startDay = Math.floor((ev.s + 28_800_000) / 86_400_000);
    // the analyst works in data time: detection three days into the burst, resolution a week after it ended
    const t = dayStartMs(startDay + 3);
    const res = runDetection(db, t, { fromDay: startDay - 7, toDay: startDay + 10 });
    expect(res.created).toBeGreaterThan(0);
    const repo = new SqliteAlertsRepository(db);
    const top = repo.list({ includeSnoozed: false, minScore: 0, now: t, limit: 5 }).rows[0];
    expect(top.firstDay).toBeGreaterThanOrEqual(startDay);
    expect(top.firstDay).toBeLessThanOrEqual(startDay + 3);
    // a second run over the same days refreshes figures and creates nothing
    expect(runDetection(db, t, { fromDay: startDay - 7, toDay: startDay + 10 }).created).toBe(0);

    expect(() => transition(db, { id: top.id, to: 'resolved' }, t)).toThrow(/cannot go/);
    transition(db, { id: top.id, to: 'confirmed', actor: 'analyst' }, t + 1);
    expect(() => transition(db, { id: top.id, to: 'assigned' }, t + 2)).toThrow(/department/);
    transition(db, { id: top.id, to: 'assigned', department: '市水务局', dueAt: t + 86_400_000, note: '请核查' }, t + 2);
    transition(db, { id: top.id, to: 'in_progress' }, t + 3);
    // resolved on the event's last day: the follow-up window lies after the burst, so the series is back to baseline
    transition(db, { id: top.id, to: 'resolved' }, ev.e + 7 * 86_400_000);
    const d = alertDetail(db, top.id);
    expect(d.alert.status).toBe('resolved');
    expect(d.alert.department).toBe('市水务局');
    expect(d.events.map((e) => e.toStatus)).toEqual(['new', 'confirmed', 'assigned', 'in_progress', 'resolved']);
    expect(d.events[1].actor).toBe('analyst');
    expect(d.keywords.length).toBeGreaterThan(0);
    // keywords are segmenter words of the alert's records (not character pairs), stopwords and place names removed
    const tok = projectTokeniser(db);
    const words = new Set(textsOf(db, d.filter, 400).flatMap(tok));
    for (const k of d.keywords) expect(words.has(k.term)).toBe(true);
    const stop = stopwordSet();
    expect(d.keywords.some((k) => stop.has(k.term) || k.term === top.community || k.term === top.street)).toBe(false);
    const desc = (db.prepare('SELECT description FROM demo_events ORDER BY start_at DESC LIMIT 1').pluck().get() as string).split('（')[0];
    expect(d.keywords.slice(0, 6).some((k) => tok(desc).includes(k.term))).toBe(true);
    const last = dateToDay('2024-12-31');
    expect(followUpResolved(db, repo, readConfig(repo), last, NOW + 10)).toBe(1);
    const after = alertDetail(db, top.id);
    expect(after.alert.status).toBe('verified');
    expect(after.followUp?.outcome).toBe('verified');
    expect(dayStartMs(last)).toBeGreaterThan(ev.e);
  }, 120_000);
});
