/**
 * One evaluation run: read the records under the filter for each period, compute every indicator of
 * every object with the shared metric code, score, rank, test weight sensitivity, and record the
 * provenance (scheme version, batches and their hashes, filter) that makes the numbers reproducible.
 */
import type Database from 'better-sqlite3';
import type { PeriodResult, RunResult } from '../../../../shared/api/areas/evaluation';
import {
  evaluate, factsOf, indicatorsOf, metricValue, METRICS, parsePeriod, rankChange, sensitivity, sortPeriods,
  type EvalRow, type MetricContext, type MetricId, type ObjectKind, type Period, type RoleCounts, type Scheme,
} from '../../../../shared/domain/evaluation';
import { median } from '../../../../shared/domain/stats/quantiles';
import type { Filter } from '../../../../shared/model/filter';
import { SqliteEvaluationRows, type AlertTimes } from '../../db/repos/evaluation-rows';
import { hashOf, round10 } from './hash';

export interface RunParams {
  schemeId: number;
  objectKind: ObjectKind;
  periods: string[];
  filter: Filter;
  sensitivityPercent: number;
  sourceRunId?: number | null;
}

export type ComputedRun = Omit<RunResult, 'id' | 'createdAt' | 'seconds' | 'dataChanged'>;

const H = 3_600_000;

export function schemeNeedsText(s: Scheme): boolean {
  return indicatorsOf(s.root).some((i) => METRICS[i.metric].needs.includes('text'));
}

export function metricContext(s: Scheme, asOf: number): MetricContext {
  return { rules: s.exclusions, closeLimitHours: s.timeLimitHours, responseLimitHours: s.responseLimitHours, asOf };
}

export function parsePeriods(labels: readonly string[]): Period[] | { bad: string } {
  const out: Period[] = [];
  for (const l of labels) { const p = parsePeriod(l); if (!p) return { bad: l }; out.push(p); }
  return sortPeriods(out.filter((p, i) => out.findIndex((q) => q.label === p.label) === i));
}

function alertMedians(alerts: AlertTimes[] | null): Map<string, Partial<Record<MetricId, number | null>>> {
  const by = new Map<string, { a: number[]; r: number[] }>();
  for (const a of alerts ?? []) {
    const e = by.get(a.object) ?? { a: [], r: [] };
    if (a.assignedAt !== null && a.assignedAt >= a.createdAt) e.a.push((a.assignedAt - a.createdAt) / H);
    if (a.resolvedAt !== null && a.resolvedAt >= a.createdAt) e.r.push((a.resolvedAt - a.createdAt) / H);
    by.set(a.object, e);
  }
  return new Map([...by].map(([k, v]) => [k, { crisisAssignH: median(v.a), crisisResolveH: median(v.r) }]));
}

function computePeriod(rows: SqliteEvaluationRows, scheme: Scheme, p: RunParams, period: Period, asOf: number, text: boolean): Omit<PeriodResult, 'objects'> & { objects: Omit<PeriodResult['objects'][number], 'rankChange'>[] } {
  const byObject = new Map<string, EvalRow[]>();
  for (const r of rows.rows(p.objectKind, p.filter, period.from, period.to, { text })) {
    const list = byObject.get(r.object) ?? [];
    list.push(r);
    byObject.set(r.object, list);
  }
  const keys = [...byObject.keys()].sort();
  const inds = indicatorsOf(scheme.root);
  const subareas = rows.subareas(p.objectKind);
  const population = rows.population(p.objectKind);
  const alerts = inds.some((i) => METRICS[i.metric].needs.includes('alerts')) ? rows.alerts(p.objectKind, period.from, period.to) : null;
  const external = alertMedians(alerts);
  const base = metricContext(scheme, asOf);
  const raw: Record<string, (number | null)[]> = Object.fromEntries(inds.map((i) => [i.id, []]));
  const counts: Record<string, RoleCounts[]> = Object.fromEntries(inds.map((i) => [i.id, []]));
  for (const key of keys) {
    const list = byObject.get(key)!;
    const facts = factsOf(list, scheme.exclusions, text);
    const ctx: MetricContext = {
      ...base, subareas: Array.isArray(subareas) ? subareas : subareas.get(key) ?? [],
      population: population.get(key) ?? null, external: external.get(key) ?? {},
    };
    for (const ind of inds) {
      const v = metricValue(ind.metric, ind.params, list, facts, ctx);
      raw[ind.id].push(v.value);
      counts[ind.id].push(v.counts);
    }
  }
  const eligible = keys.map((k) => byObject.get(k)!.length >= scheme.minRecords);
  const input = { scheme, raw, eligible };
  const out = evaluate(input);
  const sens = sensitivity(input, out, p.sensitivityPercent);
  const reason = (id: string): PeriodResult['unavailable'][number]['reason'] => {
    const needs = METRICS[inds.find((i) => i.id === id)!.metric].needs;
    if (needs.includes('alerts')) return alerts === null ? 'alertsMissing' : 'noAlerts';
    if (needs.includes('population')) return 'populationMissing';
    if (needs.includes('text')) return 'noReplies';
    return 'noData';
  };
  const nodeIds = Object.keys(out.nodeScores);
  return {
    label: period.label, from: period.from, to: period.to,
    objects: keys.map((key, o) => ({
      key, records: byObject.get(key)!.length, eligible: eligible[o], score: round10(out.scores[o]), rank: out.ranks[o],
      scores: Object.fromEntries(nodeIds.map((id) => [id, round10(out.nodeScores[id][o])])),
      raw: Object.fromEntries(inds.map((i) => [i.id, round10(raw[i.id][o])])),
      counts: Object.fromEntries(inds.map((i) => [i.id, counts[i.id][o]])),
      stability: { minRank: sens.objects[o].minRank, maxRank: sens.objects[o].maxRank, maxShift: sens.objects[o].maxShift, stability: round10(sens.objects[o].stability)! },
    })),
    weights: Object.fromEntries(Object.entries(out.weights).map(([id, w]) => [id, {
      ...w, weights: w.weights.map((x) => round10(x)!), ...(w.entropy ? { entropy: w.entropy.map((x) => round10(x)!) } : {}),
      ...(w.subjective ? { subjective: w.subjective.map((x) => round10(x)!) } : {}),
    }])),
    globalWeights: Object.fromEntries(Object.entries(out.globalWeights).map(([id, w]) => [id, round10(w)!])),
    unavailable: out.unavailable.map((id) => ({ id, reason: reason(id) })),
    scenarios: sens.scenarios,
  };
}

/** Computes a run (not stored). `progress(done, total)` after each period. */
export function computeRun(db: Database.Database, scheme: Scheme, p: RunParams, progress?: (done: number, total: number) => void): ComputedRun {
  const rows = new SqliteEvaluationRows(db);
  const periods = parsePeriods(p.periods);
  if ('bad' in periods) throw new Error(`bad period ${periods.bad}`);
  const batches = rows.batches();
  const asOf = rows.dataEnd();
  const provenance = { batches, dataHash: hashOf({ batches, asOf }), schemeHash: hashOf(scheme), asOf };
  const text = schemeNeedsText(scheme);
  const results: PeriodResult[] = [];
  periods.forEach((period, k) => {
    const r = computePeriod(rows, scheme, p, period, asOf, text);
    const prev = results[k - 1];
    const prevRank = new Map(prev?.objects.map((o) => [o.key, o.rank]) ?? []);
    results.push({ ...r, objects: r.objects.map((o) => ({ ...o, rankChange: prev ? rankChange(prevRank.get(o.key), o.rank) : null })) });
    progress?.(k + 1, periods.length);
  });
  const core = { scheme, objectKind: p.objectKind, filter: p.filter, sensitivityPercent: p.sensitivityPercent, periods: results, dataHash: provenance.dataHash };
  return {
    schemeId: p.schemeId, scheme, objectKind: p.objectKind, filter: p.filter, sensitivityPercent: p.sensitivityPercent,
    provenance, periods: results, resultHash: hashOf(core), sourceRunId: p.sourceRunId ?? null,
  };
}
