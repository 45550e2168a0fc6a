/**
 * Offline geocoding of address-only records against the place names of every loaded layer
 * (districts, streets, communities and their 小区 aliases, roads, POIs / gazetteer lists), with a
 * hold-out check: records that do have coordinates are matched from their text alone and the
 * distance to their true point is measured (median and 90th percentile).
 */
import type Database from 'better-sqlite3';
import type { PlaceInput, PlaceLevel } from '../../../../shared/domain/geo/geocode';
import { AdminGeocoder } from '../../../../shared/domain/geo/geocode-admin';
import { distanceM, quantileSorted } from '../../../../shared/domain/geo/measure';
import { SqliteGeoAssignRepository, type GeocodeWrite, type RecordScope } from '../../db/repos/geo-assign-repo';
import { SqliteGazetteerRepository, type AdminWrite } from '../../db/repos/gazetteer-repo';
import { SqliteLayersRepository } from '../../db/repos/layers-repo';
import { gazetteerContext, type GazetteerState } from './gazetteer';

const LEVEL_OF_KIND: Record<string, PlaceLevel> = { district: 'district', street: 'street', community: 'community', road: 'road', poi: 'poi' };
const ALIAS_KEYS = ['aliases', 'alias', 'estates', '别名', '小区', '曾用名'];

export interface GeocodeResult {
  /** Address-only records tried and those placed. */
  candidates: number;
  matched: number;
  matchRate: number | null;
  byMethod: Record<string, number>;
  holdout: { sampled: number; matched: number; matchRate: number | null; medianM: number | null; p90M: number | null };
  places: number;
  seconds: number;
  /** The administrative gazetteer: region used, records with a recognised division code, district/street texts filled. */
  gazetteer: { region: string | null; regionName: string | null; regionSource: GazetteerState['regionSource']; recognisable: number; recognised: number; filled: number };
}

function aliasesOf(props: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const k of ALIAS_KEYS) {
    const v = props[k];
    if (Array.isArray(v)) out.push(...v.map(String));
    else if (typeof v === 'string' && v.trim()) out.push(...v.split(/[;,，、；|]/).map((s) => s.trim()).filter(Boolean));
  }
  return out;
}

/** The gazetteer of every layer whose kind names places, with the project's administrative gazetteer. */
export function buildGazetteer(db: Database.Database): { gaz: AdminGeocoder; state: GazetteerState } {
  const layers = new SqliteLayersRepository(db);
  const places: PlaceInput[] = [];
  for (const l of layers.list()) {
    const level = LEVEL_OF_KIND[l.kind];
    if (!level) continue;
    for (const f of layers.features(l.id)) {
      if (f.name) places.push({ id: f.id, name: f.name, code: f.code, level, geometry: f.geometry, aliases: aliasesOf(f.props) });
    }
  }
  const admin = gazetteerContext(db);
  return { gaz: new AdminGeocoder(places, admin.matcher), state: admin.state };
}

/** Matches records of the hold-out sample from their text and measures the error against their own coordinates. */
export function holdoutCheck(db: Database.Database, gaz: AdminGeocoder, maxSample = 5000): GeocodeResult['holdout'] {
  const repo = new SqliteGeoAssignRepository(db);
  const n = repo.countWithCoordinates();
  const step = Math.max(1, Math.floor(n / maxSample));
  const sample = repo.holdoutSample(step, maxSample);
  const errors: number[] = [];
  for (const s of sample) {
    const { hit } = gaz.locate(s.primary, s.secondary);
    if (hit) errors.push(distanceM(hit.lon, hit.lat, s.lon, s.lat));
  }
  errors.sort((a, b) => a - b);
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return { sampled: sample.length, matched: errors.length, matchRate: sample.length ? errors.length / sample.length : null, medianM: round(quantileSorted(errors, 0.5)), p90M: round(quantileSorted(errors, 0.9)) };
}

const EMPTY: GeocodeResult = {
  candidates: 0, matched: 0, matchRate: null, byMethod: {}, holdout: { sampled: 0, matched: 0, matchRate: null, medianM: null, p90M: null }, places: 0, seconds: 0,
  gazetteer: { region: null, regionName: null, regionSource: null, recognisable: 0, recognised: 0, filled: 0 },
};

/** Geocodes the address-only records in scope (scope all: earlier geocoding is undone first). */
export function runGeocode(db: Database.Database, scope: RecordScope, hooks: { progress?: (done: number, total: number) => void; checkCancelled?: () => void; now?: () => number; holdout?: boolean } = {}): GeocodeResult {
  const now = hooks.now ?? Date.now;
  const t0 = now();
  const repo = new SqliteGeoAssignRepository(db);
  const adminRepo = new SqliteGazetteerRepository(db);
  if ('all' in scope) { adminRepo.undoFills(); repo.resetGeocoded(scope); }
  const total = repo.countUnlocated(scope);
  // A batch with nothing to geocode (imports run this for every batch once geocoding is on) loads no gazetteer.
  if (total === 0 && hooks.holdout === false) return { ...EMPTY, seconds: (now() - t0) / 1000 };
  const { gaz, state } = buildGazetteer(db);
  const writeAdmin = adminRepo.adminWriter();
  const write = repo.geocodeWriter();
  const byMethod: Record<string, number> = {};
  let done = 0; let matched = 0; let after = 0; let recognised = 0; let filled = 0;
  if (gaz.size > 0) {
    for (;;) {
      hooks.checkCancelled?.();
      const page = repo.unlocatedPage(scope, after, 20_000);
      if (!page.length) break;
      const out: GeocodeWrite[] = [];
      const admin: AdminWrite[] = [];
      for (const r of page) {
        const { hit, adminCode, fill } = gaz.locate(r.primary, r.secondary);
        if (!hit) continue;
        out.push({ recordId: r.id, lon: hit.lon, lat: hit.lat, method: hit.method, confidence: hit.confidence, placeFid: hit.placeId });
        if (adminCode) admin.push({ recordId: r.id, adminCode, district: fill.district, street: fill.street });
        byMethod[hit.method] = (byMethod[hit.method] ?? 0) + 1;
      }
      write(out);
      filled += writeAdmin(admin); recognised += admin.length;
      matched += out.length; done += page.length;
      after = page[page.length - 1].id;
      hooks.progress?.(done, total);
    }
  }
  const holdout = hooks.holdout === false || gaz.size === 0
    ? { sampled: 0, matched: 0, matchRate: null, medianM: null, p90M: null }
    : holdoutCheck(db, gaz);
  const gazetteer = { region: state.region, regionName: state.regionName, regionSource: state.regionSource, recognisable: state.recognisable, recognised, filled };
  return { candidates: total, matched, matchRate: total ? matched / total : null, byMethod, holdout, places: gaz.size, seconds: (now() - t0) / 1000, gazetteer };
}
