/**
 * Hot spots over the areas of a layer level: counts per area under the global filter (or their
 * empirical-Bayes smoothed share of all requests in the area), weights from the layer polygons
 * (queen / rook contiguity) or centroid distance bands, then Gi* or Local Moran's I with permutation
 * pseudo p-values and Benjamini–Hochberg; global Moran's I always. Emerging hot spots: Gi* per
 * period and a Mann–Kendall trend per area.
 */
import type Database from 'better-sqlite3';
import { EmergingParamsSchema, HotspotParamsSchema, type EmergingResult, type HotspotParams, type HotspotResult } from '../../../../shared/api/areas/alerts';
import { contiguityWeights, distanceBandWeights, minimumBandKm, rowStandardise, type Weights } from '../../../../shared/domain/hotspots/weights';
import { empiricalBayes } from '../../../../shared/domain/hotspots/ebayes';
import { giStar } from '../../../../shared/domain/hotspots/gistar';
import { globalMoran, localMoran } from '../../../../shared/domain/hotspots/moran';
import { emergingLabel } from '../../../../shared/domain/hotspots/emerging';
import { mannKendall } from '../../../../shared/domain/hotspots/mannkendall';
import type { z } from 'zod';
import { areaCounts, areaFeatures, dayRange, type AreaFeature } from '../../db/repos/alerts-series';
import { countsByAreaDay } from './area-days';
import { centroidOf, polygonParts } from './geometry';
import { dayToDate } from '../../../../shared/domain/surveillance/holidays';

const DEPTH = { district: 1, street: 2, community: 3 } as const;

function weightsFor(feats: readonly AreaFeature[], kind: 'queen' | 'rook' | 'distance', bandKm?: number): { w: Weights; bandKm: number | null } {
  if (kind === 'distance') {
    const pts = feats.map((f) => centroidOf(f.geometry));
    const band = bandKm ?? minimumBandKm(pts);
    return { w: distanceBandWeights(pts, band), bandKm: band };
  }
  return { w: contiguityWeights(feats.map((f) => polygonParts(f.geometry)), kind), bandKm: null };
}

export function computeHotspots(db: Database.Database, input: HotspotParams): HotspotResult {
  const t0 = Date.now();
  const p = HotspotParamsSchema.parse(input);
  const depth = DEPTH[p.level];
  const feats = areaFeatures(db, depth);
  const key = (path: readonly string[]) => path.join('/');
  const counts = new Map(areaCounts(db, p.filter, depth).map((r) => [key(r.path), r.count]));
  const x = feats.map((f) => counts.get(key(f.path)) ?? 0);
  let values = x;
  if (p.value === 'rate') {
    const all = new Map(areaCounts(db, {}, depth).map((r) => [key(r.path), r.count]));
    values = empiricalBayes(x, feats.map((f) => all.get(key(f.path)) ?? 0)).map((r) => r.smoothed);
  }
  const { w, bandKm } = weightsFor(feats, p.weights, p.bandKm);
  const gm = feats.length > 2 ? globalMoran(values, rowStandardise(w), p.permutations, p.seed) : { I: 0, expected: 0, z: 0, p: 1, pseudoP: 1 };
  const areas = feats.map((f, i) => ({ name: f.name, path: f.path, value: values[i], count: x[i], neighbours: w.neighbours[i].length }));
  let stats: { z: number | null; p: number; q: number; cls: string }[];
  if (p.method === 'gistar') {
    stats = giStar(values, w, { permutations: p.permutations, seed: p.seed, fdr: p.fdr }).map((r) => ({ z: r.z, p: p.permutations > 0 ? r.pseudoP : r.p, q: r.q, cls: r.cls }));
  } else {
    stats = localMoran(values, rowStandardise(w), { permutations: p.permutations, seed: p.seed, alpha: p.fdr, fdr: true }).map((r) => ({ z: r.I, p: r.pseudoP, q: r.q, cls: r.cls }));
  }
  return {
    params: { ...p, bandKm, areas: feats.length },
    global: { I: gm.I, expected: gm.expected, z: Number.isFinite(gm.z) ? gm.z : 0, p: Number.isFinite(gm.p) ? gm.p : 1, pseudoP: Number.isFinite(gm.pseudoP) ? gm.pseudoP : 1 },
    areas: areas.map((a, i) => ({ ...a, ...stats[i] })),
    seconds: (Date.now() - t0) / 1000,
  };
}

export function computeEmerging(db: Database.Database, input: z.input<typeof EmergingParamsSchema>): EmergingResult {
  const p = EmergingParamsSchema.parse(input);
  const depth = DEPTH[p.level];
  const feats = areaFeatures(db, depth);
  const range = dayRange(db, p.filter);
  if (!range || !feats.length) return { params: p, periods: [], areas: [] };
  const to = range.last + 1;
  const from = to - p.periods * p.periodDays;
  const index = new Map(feats.map((f, i) => [f.path.join('/'), i]));
  const per = Array.from({ length: p.periods }, () => new Array<number>(feats.length).fill(0));
  for (const r of countsByAreaDay(db, p.filter, depth, from, to)) {
    const i = index.get(r.path.join('/'));
    if (i !== undefined) per[Math.floor((r.day - from) / p.periodDays)][i] += r.count;
  }
  const { w } = weightsFor(feats, 'queen');
  const runs = per.map((x, k) => giStar(x, w, { permutations: p.permutations, seed: k + 1, fdr: 0.05 }));
  return {
    params: { ...p, weights: 'queen', fdr: 0.05, areas: feats.length, from: dayToDate(from), to: dayToDate(to - 1) },
    periods: per.map((_x, k) => ({ from: dayToDate(from + k * p.periodDays), to: dayToDate(from + (k + 1) * p.periodDays - 1) })),
    areas: feats.map((f, i) => {
      const z = runs.map((r) => r[i].z);
      const hot = runs.map((r) => r[i].cls === 'hot');
      const mk = mannKendall(z);
      return {
        name: f.name, path: f.path, label: emergingLabel(z, hot), hotPeriods: hot.filter(Boolean).length, trendZ: mk.z, trendP: mk.p,
        classes: runs.map((r) => r[i].cls), z: z.map((v) => (Number.isFinite(v) ? v : null)),
      };
    }),
  };
}

export function areaGeometry(db: Database.Database, level: 'district' | 'street' | 'community') {
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return {
    level,
    features: areaFeatures(db, DEPTH[level]).map((f) => ({
      name: f.name, path: f.path,
      rings: polygonParts(f.geometry).map((poly) => poly[0].map(([x, y]) => [round(x), round(y)] as [number, number])),
    })),
  };
}
