/** Service performance queries: overall and per group, backlog over time, hotlines side by side. */
import type { Filter } from '../../../../shared/model/filter';
import { PerformanceRulesSchema, type PerformanceOut, type PerformanceRules, type PerformanceSummaryOut, type SourceComparison } from '../../../../shared/api/areas/stats';
import { backlogSeries } from '../../../../shared/domain/stats/backlog';
import { tToMs } from '../../../../shared/domain/stats/columns';
import { countByKeys2, groupKeys, type Dimension } from '../../../../shared/domain/stats/dims';
import type { DurationRules, TimeLimits } from '../../../../shared/domain/stats/durations';
import { limitTable, performance as perf, performanceWithOverall as perfWithOverall, type DurationStats, type PerformanceSummary } from '../../../../shared/domain/stats/performance';
import { bucketLabel, dayStartMs, type Granularity } from '../../../../shared/domain/stats/time';
import type { StatsData } from './cache';
import { axisDays, select } from './select';

export function resolveRules(r: Partial<PerformanceRules> | undefined): { rules: PerformanceRules; durations: DurationRules; limits: TimeLimits } {
  const rules = PerformanceRulesSchema.parse(r ?? {});
  return {
    rules,
    durations: { instantMinutes: rules.instantMinutes, maxDays: rules.maxDays },
    limits: { defaultHours: rules.defaultLimitHours, byCategory: rules.limitHours },
  };
}

function durationOut(d: DurationStats): PerformanceSummaryOut['close'] {
  const { valid: _valid, ...excluded } = d.exclusions;
  return { ...d.summary, excluded, histogram: d.histogram };
}

export function summaryOut(s: PerformanceSummary): PerformanceSummaryOut {
  return { ...s, response: durationOut(s.response), close: durationOut(s.close) };
}

/** Performance under the filter, overall and for the `limit` largest groups of `by`. */
export function performanceQuery(data: StatsData, f: Filter, by: Dimension | null, rulesIn: Partial<PerformanceRules> | undefined, limit: number, repeats: boolean): PerformanceOut {
  const { rules, durations, limits } = resolveRules(rulesIn);
  const sel = select(data, f);
  const opts = { rules: durations, limits, asOfT: data.maxT, repeat: repeats ? data.repeat() : undefined };
  if (!by) return { asOf: tToMs(data.maxT), rules, overall: summaryOut(perf(data.cols, data.cats, sel, null, opts)[0]), by, groups: [] };
  const gk = groupKeys(data, sel, by, axisDays(data, f, sel));
  const both = perfWithOverall(data.cols, data.cats, sel, gk, opts);
  const groups = both.groups
    .map((s, g) => ({ s, g }))
    .filter((x) => x.s.n > 0)
    .sort((a, b) => b.s.n - a.s.n)
    .slice(0, limit)
    .map(({ s, g }) => ({ ...summaryOut(s), key: gk.key(g), label: gk.label(g) }));
  return { asOf: tToMs(data.maxT), rules, overall: summaryOut(both.overall), by, groups };
}

export interface BacklogRow {
  start: number; label: string; received: number; closed: number; backlog: number; overdue: number;
  medianCloseHours: number | null; onTimeRate: number | null; satisfactionRate: number | null;
}

/** Backlog, overdue and the rates per time bucket. */
export function backlogQuery(data: StatsData, f: Filter, g: Granularity, rulesIn: Partial<PerformanceRules> | undefined): BacklogRow[] {
  const { durations, limits } = resolveRules(rulesIn);
  const sel = select(data, f);
  const days = axisDays(data, f, sel);
  if (!days) return [];
  const b = backlogSeries(data.cols, sel, g, days, limitTable(data.cats, limits), limits.defaultHours);
  const gk = groupKeys(data, sel, g, days);
  const per = perf(data.cols, data.cats, sel, gk, { rules: durations, limits, asOfT: data.maxT, skipResponse: true });
  return b.starts.map((start, i) => ({
    start: dayStartMs(start), label: bucketLabel(start, g),
    received: b.received[i], closed: b.closed[i], backlog: b.backlog[i], overdue: b.overdue[i],
    medianCloseHours: per[i]?.close.summary.median ?? null, onTimeRate: per[i]?.onTime.rate ?? null, satisfactionRate: per[i]?.satisfaction.rate ?? null,
  }));
}

/** The hotlines side by side. */
export function sourcesQuery(data: StatsData, f: Filter, sourceNames: ReadonlyMap<string, string>, rulesIn: Partial<PerformanceRules> | undefined): SourceComparison {
  const { durations, limits } = resolveRules(rulesIn);
  const sel = select(data, f);
  const src = groupKeys(data, sel, 'source');
  const cat = groupKeys(data, sel, 'category1');
  const per = perf(data.cols, data.cats, sel, src, { rules: durations, limits, asOfT: data.maxT });
  const mix = countByKeys2(src, cat);
  const out: SourceComparison = [];
  for (let s = 0; s < src.size; s++) {
    const p = per[s];
    if (p.n === 0) continue;
    const row: { key: string; label: string; share: number }[] = [];
    for (let c = 0; c < cat.size; c++) {
      const n = mix[s * cat.size + c];
      if (n > 0) row.push({ key: cat.key(c), label: cat.label(c), share: n / p.n });
    }
    row.sort((a, b) => b.share - a.share);
    const code = src.key(s);
    out.push({
      code, name: sourceNames.get(code) ?? code, count: p.n, share: sel.n ? p.n / sel.n : 0, mix: row.slice(0, 20),
      responseMedianHours: p.response.summary.median, closeMedianHours: p.close.summary.median,
      onTimeRate: p.onTime.rate, satisfactionRate: p.satisfaction.rate, transfersMean: p.transfers.mean,
    });
  }
  return out.sort((a, b) => b.count - a.count);
}
