/** Job bodies of reference layers: add, remove, overlay, geocode. Each runs in one transaction. */
import { SqliteAuditRepository } from '../../db/repos/audit-repo';
import { SqliteGeoAssignRepository } from '../../db/repos/geo-assign-repo';
import { SqliteLayersRepository, type GeoConfig } from '../../db/repos/layers-repo';
import { updateDerived } from '../../services/derived';
import { runGeocode, type GeocodeResult } from '../../services/layers/geocode';
import { addLayer, type AddLayerParams, type AddLayerResult } from '../../services/layers/import-layer';
import { runOverlay, type OverlayResult } from '../../services/layers/overlay';
import type { JobBody, JobContext } from '../types';

export interface OverlayJobResult extends OverlayResult {
  disagreements: Record<'district' | 'street' | 'community', { total: number; compared: number; top: { text: string; place: string; count: number }[] }>;
}

function overlayAll(ctx: JobContext): OverlayJobResult {
  const base = runOverlay(ctx.db, { all: true }, { progress: (d, t) => ctx.progress(d, t, 'overlay'), checkCancelled: ctx.checkCancelled, now: ctx.now });
  const repo = new SqliteGeoAssignRepository(ctx.db);
  const dis = (role: 'district' | 'street' | 'community') => (base.roles[role] === null ? { total: 0, compared: 0, top: [] } : repo.disagreements(role, 10));
  const out = { ...base, disagreements: { district: dis('district'), street: dis('street'), community: dis('community') } };
  new SqliteLayersRepository(ctx.db).setResult('overlay', { ...out, at: ctx.now() });
  return out;
}

const audit = (ctx: JobContext, action: string, detail: unknown) => new SqliteAuditRepository(ctx.db).append({ at: ctx.now(), actor: 'user', action, detail });

export const addLayerJob: JobBody<AddLayerParams, AddLayerResult & { overlay: OverlayJobResult | null }> = async (ctx, p) => {
  ctx.progress(0, null, 'read');
  const out = await addLayer(ctx.db, p, ctx.now());
  ctx.checkCancelled();
  const roles = new SqliteLayersRepository(ctx.db).effectiveRoles();
  const overlay = Object.values(roles).includes(out.layerId) ? overlayAll(ctx) : null;
  audit(ctx, 'layers.add', { path: p.path, kind: p.kind, layerId: out.layerId, loaded: out.loaded, skipped: out.skipped, crs: out.crs.code });
  return { ...out, overlay };
};

export const removeLayerJob: JobBody<{ layerId: number }, { removed: boolean; overlay: OverlayJobResult | null }> = (ctx, p) => {
  const layers = new SqliteLayersRepository(ctx.db);
  const wasRole = Object.values(layers.effectiveRoles()).includes(p.layerId);
  new SqliteGeoAssignRepository(ctx.db).clearLayer(p.layerId);
  const removed = layers.remove(p.layerId);
  const overlay = wasRole ? overlayAll(ctx) : null;
  audit(ctx, 'layers.remove', { layerId: p.layerId, removed });
  return { removed, overlay };
};

export const overlayJob: JobBody<{ roles?: GeoConfig['roles']; roadThresholdM?: number }, OverlayJobResult> = (ctx, p) => {
  const layers = new SqliteLayersRepository(ctx.db);
  const cfg = layers.config();
  layers.setConfig({ ...cfg, roles: { ...cfg.roles, ...(p.roles ?? {}) }, roadThresholdM: p.roadThresholdM ?? cfg.roadThresholdM });
  const out = overlayAll(ctx);
  audit(ctx, 'layers.overlay', { roles: out.roles, thresholdM: out.thresholdM, records: out.records, unmatched: out.unmatched });
  return out;
};

export const geocodeJob: JobBody<Record<string, never>, GeocodeResult & { overlay: OverlayResult }> = async (ctx) => {
  const before = new SqliteGeoAssignRepository(ctx.db).summary().geocoded;
  const geo = runGeocode(ctx.db, { all: true }, { progress: (d, t) => ctx.progress(d, t, 'geocode'), checkCancelled: ctx.checkCancelled, now: ctx.now });
  const overlay = runOverlay(ctx.db, { geocoded: true }, { checkCancelled: ctx.checkCancelled, now: ctx.now });
  // Coordinates and filled district/street texts changed: the map chunks and statistics columns follow.
  if (before > 0 || geo.matched > 0) await updateDerived(ctx, { kind: 'recategorised' });
  const layers = new SqliteLayersRepository(ctx.db);
  layers.setConfig({ ...layers.config(), autoGeocode: true });
  layers.setResult('geocode', { ...geo, at: ctx.now() });
  audit(ctx, 'layers.geocode', { matched: geo.matched, candidates: geo.candidates, holdout: geo.holdout });
  return { ...geo, overlay };
};
