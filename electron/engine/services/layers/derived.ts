/**
 * Keeps record ↔ place assignments current with the records: a new batch is overlaid (and geocoded,
 * once the user has geocoded) on its own; a removed batch's rows go; a rebuilt record set is redone.
 */
import { SqliteGeoAssignRepository } from '../../db/repos/geo-assign-repo';
import { SqliteLayersRepository } from '../../db/repos/layers-repo';
import type { DerivedBuilder } from '../derived';
import { runGeocode } from './geocode';
import { buildOverlayIndexes, hasAnyRole, runOverlay } from './overlay';

export const geoBuilder: DerivedBuilder = {
  name: 'geo',
  update(ctx, change) {
    const repo = new SqliteGeoAssignRepository(ctx.db);
    if (change.kind === 'recategorised') return;
    if (change.kind === 'batch-removed') { repo.removeBatch(change.batchId); return; }
    const cfg = new SqliteLayersRepository(ctx.db).config();
    if (change.kind === 'rebuilt') repo.removeAll();
    const scope = change.kind === 'rebuilt' ? { all: true as const } : { batchId: change.batchId };
    const hooks = { progress: (d: number, t: number) => ctx.progress(d, t, 'overlay'), checkCancelled: ctx.checkCancelled, now: ctx.now };
    if (cfg.autoGeocode) runGeocode(ctx.db, scope, { ...hooks, holdout: false });
    const ix = buildOverlayIndexes(ctx.db);
    if (hasAnyRole(ix)) runOverlay(ctx.db, scope, hooks, ix);
  },
};
