/**
 * Detection after every change of the records, inside the changing job's transaction: a new batch
 * is assessed over the days its records cover (from the first day with a full training window),
 * a rebuilt record set (the demo) over its whole history after clearing the old alerts. Removing
 * a batch or re-categorising keeps the alerts raised so far (they are a record of what was seen);
 * run detection on demand to refresh them.
 */
import type { DerivedBuilder } from '../derived';
import { SqliteAlertsRepository } from '../../db/repos/alerts-repo';
import { batchDayRange, dayRange } from '../../db/repos/alerts-series';
import { readConfig } from './config';
import { runDetection } from './detect-run';

export const alertsBuilder: DerivedBuilder = {
  name: 'alerts',
  update(ctx, change) {
    const repo = new SqliteAlertsRepository(ctx.db);
    if (!readConfig(repo).autoRun) return;
    const progress = (done: number, total: number) => { ctx.progress(done, total, '预警检测 alert detection'); ctx.checkCancelled(); };
    if (change.kind === 'rebuilt') {
      repo.clearAll();
      const range = dayRange(ctx.db, {});
      if (range) runDetection(ctx.db, ctx.now(), { fromDay: range.first, toDay: range.last + 1 }, progress);
    } else if (change.kind === 'batch-added') {
      const range = batchDayRange(ctx.db, change.batchId);
      if (range) runDetection(ctx.db, ctx.now(), { fromDay: range.first, toDay: range.last + 1 }, progress);
    }
  },
};
