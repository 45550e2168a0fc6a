/**
 * Indicator values of one object in one period, and the role each of its records plays in them
 * (counted fine, flagged as a failure, excluded by a rule, or not applicable). The evidence view
 * lists records by these roles, so what it shows is exactly what the number was computed from.
 */
import { DEFAULT_DURATION_RULES, type DurationRules } from '../stats/durations';
import { quantileSorted } from '../stats/quantiles';
import type { MetricId } from './catalogue';
import { repeatFlags, rowFacts, type EvalRow, type RowFacts } from './facts';
import { gini, shannonEntropy, topShare } from './inequality';
import type { IndicatorParams } from './scheme';

export type RowRole = 'ok' | 'flag' | 'excluded' | 'na';
export interface RoleCounts { ok: number; flag: number; excluded: number; na: number }

export interface MetricContext {
  rules: DurationRules;
  closeLimitHours: number;
  responseLimitHours: number;
  /** Instant the data ends (overdue open requests are judged against it). */
  asOf: number;
  /** All sub-areas that could appear (zeros count in Gini and entropy). */
  subareas?: readonly string[];
  population?: number | null;
  /** Values computed elsewhere (crisis response from the alert workflow); undefined = not available. */
  external?: Partial<Record<MetricId, number | null>>;
}

export const DEFAULT_METRIC_CONTEXT: MetricContext = { rules: DEFAULT_DURATION_RULES, closeLimitHours: 120, responseLimitHours: 24, asOf: 0 };

const H = 3600;
const isExcluded = (c: RowFacts['closeClass']) => c === 'instant' || c === 'negative' || c === 'tooLong';

/** Roles of the rows for one metric. `repeat` is needed only for repeatRate. */
export function rowRoles(metric: MetricId, params: IndicatorParams, rows: readonly EvalRow[], facts: readonly RowFacts[], ctx: MetricContext): RowRole[] {
  const closeLimit = (params.limitHours ?? ctx.closeLimitHours) * H;
  const respLimit = (params.limitHours ?? ctx.responseLimitHours) * H;
  const repeats = metric === 'repeatRate' ? repeatFlags(rows, params.windowDays ?? 30) : null;
  return rows.map((r, i): RowRole => {
    const f = facts[i];
    const age = (ctx.asOf - r.receivedAt) / 1000;
    switch (metric) {
      case 'responseMedianH': case 'responseP90H': case 'responseOnTimeRate':
        if (isExcluded(f.responseClass)) return 'excluded';
        if (f.responseClass === 'missing') return age > respLimit ? (metric === 'responseOnTimeRate' ? 'flag' : 'na') : 'na';
        return f.responseSec! > respLimit ? 'flag' : 'ok';
      case 'closeMedianH': case 'closeP90H': case 'onTimeRate':
        if (isExcluded(f.closeClass)) return 'excluded';
        if (f.closeClass === 'missing') return metric === 'onTimeRate' && age > closeLimit ? 'flag' : 'na';
        return f.closeSec! > closeLimit ? 'flag' : 'ok';
      case 'transfersMean': case 'transferRate': return r.transfers > 0 ? 'flag' : 'ok';
      case 'returnRate': return r.status === 'returned' ? 'flag' : 'ok';
      case 'repeatRate': return repeats![i] ? 'flag' : 'ok';
      case 'resolutionRate': return r.status === 'closed' ? 'ok' : 'flag';
      case 'satisfactionRate': case 'satisfactionMean':
        return r.satisfaction === null ? 'na' : r.satisfaction >= 0.5 ? 'ok' : 'flag';
      case 'ratedShare': return r.status !== 'closed' ? 'na' : r.satisfaction === null ? 'flag' : 'ok';
      case 'replyCompleteness': return f.replyComplete === null ? 'na' : f.replyComplete ? 'ok' : 'flag';
      case 'replyRelevance': return f.relevance === null ? 'na' : f.relevance < 0.1 ? 'flag' : 'ok';
      case 'dataQuality': return f.quality ? 'ok' : 'flag';
      default: return 'ok';
    }
  });
}

export function countRoles(roles: readonly RowRole[]): RoleCounts {
  const c: RoleCounts = { ok: 0, flag: 0, excluded: 0, na: 0 };
  for (const r of roles) c[r]++;
  return c;
}

const sortedHours = (xs: number[]) => Float64Array.from(xs.map((s) => s / H)).sort();
const share = (a: number, b: number) => (b > 0 ? a / b : null);

/** The value of one metric over the rows of one object, with the role counts behind it. */
export function metricValue(metric: MetricId, params: IndicatorParams, rows: readonly EvalRow[], facts: readonly RowFacts[], ctx: MetricContext): { value: number | null; counts: RoleCounts } {
  const roles = rowRoles(metric, params, rows, facts, ctx);
  const counts = countRoles(roles);
  const n = rows.length;
  const okShare = share(counts.ok, counts.ok + counts.flag);
  const flagShare = share(counts.flag, counts.ok + counts.flag);
  const valid = (pick: (f: RowFacts) => number | null) => facts.flatMap((f, i) => (roles[i] === 'ok' || roles[i] === 'flag' ? [pick(f)!] : [])).filter((x) => x !== null);
  const subCounts = () => {
    const m = new Map<string, number>((ctx.subareas ?? []).map((s) => [s, 0]));
    for (const r of rows) if (r.sub) m.set(r.sub, (m.get(r.sub) ?? 0) + 1);
    return [...m.values()];
  };
  let value: number | null;
  switch (metric) {
    case 'volume': value = n; break;
    case 'volumePerCapita': value = ctx.population ? (n / ctx.population) * 10_000 : null; break;
    case 'topCategoryShare': {
      const m = new Map<number, number>();
      for (const r of rows) if (r.cat1 !== null) m.set(r.cat1, (m.get(r.cat1) ?? 0) + 1);
      value = topShare([...m.values()], params.topN ?? 3);
      break;
    }
    case 'areaGini': value = gini(subCounts()); break;
    case 'areaEntropy': value = shannonEntropy(subCounts(), true); break;
    case 'responseMedianH': value = quantileSorted(sortedHours(valid((f) => f.responseSec)), 0.5); break;
    case 'responseP90H': value = quantileSorted(sortedHours(valid((f) => f.responseSec)), 0.9); break;
    case 'closeMedianH': value = quantileSorted(sortedHours(valid((f) => f.closeSec)), 0.5); break;
    case 'closeP90H': value = quantileSorted(sortedHours(valid((f) => f.closeSec)), 0.9); break;
    case 'transfersMean': value = n ? rows.reduce((s, r) => s + r.transfers, 0) / n : null; break;
    case 'satisfactionMean': {
      const rated = rows.filter((r) => r.satisfaction !== null);
      value = rated.length ? rated.reduce((s, r) => s + r.satisfaction!, 0) / rated.length : null;
      break;
    }
    case 'replyRelevance': {
      const xs = valid((f) => f.relevance);
      value = xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;
      break;
    }
    case 'transferRate': case 'returnRate': case 'repeatRate': value = flagShare; break;
    case 'crisisAssignH': case 'crisisResolveH': value = ctx.external?.[metric] ?? null; break;
    default: value = okShare;
  }
  return { value, counts };
}

export function factsOf(rows: readonly EvalRow[], rules: DurationRules, text: boolean): RowFacts[] {
  return rows.map((r) => rowFacts(r, rules, text));
}
