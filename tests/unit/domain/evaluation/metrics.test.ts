import { describe, expect, it } from 'vitest';
import {
  factsOf, metricValue, parsePeriod, repeatFlags, replyComplete, replyRelevance, rowRoles, type EvalRow, type MetricContext,
} from '../../../../shared/domain/evaluation';
import { DEFAULT_DURATION_RULES } from '../../../../shared/domain/stats/durations';

const H = 3_600_000;
const T0 = Date.UTC(2019, 0, 1);
let nextId = 1;
function row(o: Partial<EvalRow> = {}): EvalRow {
  return {
    id: nextId++, receivedAt: T0, firstResponseAt: T0 + H, closedAt: T0 + 10 * H, status: 'closed', transfers: 0, satisfaction: 1,
    cat1: 1, cat3: 3, sub: '玄武区', caller: null, department: '城管局', located: true, ...o,
  };
}
const ctx: MetricContext = { rules: DEFAULT_DURATION_RULES, closeLimitHours: 24, responseLimitHours: 2, asOf: T0 + 1000 * H };

describe('metrics from records', () => {
  it('on-time rate: instant closures are excluded and counted, open past the limit counts as late', () => {
    const rows = [
      row({ closedAt: T0 + 10 * H }), // on time
      row({ closedAt: T0 + 30 * H }), // late
      row({ closedAt: T0 + 2 * 60_000 }), // instant (≤ 5 min) → excluded
      row({ closedAt: null, status: 'in_progress' }), // open 1000 h > 24 h → late
      row({ closedAt: T0 - H }), // closed before received → excluded (negative)
    ];
    const f = factsOf(rows, ctx.rules, false);
    const r = metricValue('onTimeRate', {}, rows, f, ctx);
    expect(r.counts).toEqual({ ok: 1, flag: 2, excluded: 2, na: 0 });
    expect(r.value).toBeCloseTo(1 / 3, 12);
    // a per-indicator limit overrides the scheme default
    expect(metricValue('onTimeRate', { limitHours: 48 }, rows, f, ctx).value).toBeCloseTo(2 / 3, 12);
    // the median over valid durations only: 10 h and 30 h
    expect(metricValue('closeMedianH', {}, rows, f, ctx).value).toBeCloseTo(20, 12);
  });

  it('shares, means and satisfaction', () => {
    const rows = [
      row({ transfers: 2, satisfaction: 0 }), row({ transfers: 0, satisfaction: 0.5 }), row({ transfers: 1, satisfaction: null }),
      row({ status: 'returned', closedAt: null, satisfaction: null }),
    ];
    const f = factsOf(rows, ctx.rules, false);
    expect(metricValue('transfersMean', {}, rows, f, ctx).value).toBeCloseTo(0.75, 12);
    expect(metricValue('transferRate', {}, rows, f, ctx).value).toBeCloseTo(0.5, 12);
    expect(metricValue('returnRate', {}, rows, f, ctx).value).toBeCloseTo(0.25, 12);
    expect(metricValue('resolutionRate', {}, rows, f, ctx).value).toBeCloseTo(0.75, 12);
    expect(metricValue('satisfactionRate', {}, rows, f, ctx).value).toBeCloseTo(0.5, 12);
    expect(metricValue('satisfactionMean', {}, rows, f, ctx).value).toBeCloseTo(0.25, 12);
    expect(metricValue('ratedShare', {}, rows, f, ctx).value).toBeCloseTo(2 / 3, 12);
    expect(metricValue('volume', {}, rows, f, ctx).value).toBe(4);
    expect(metricValue('volumePerCapita', {}, rows, f, { ...ctx, population: 20_000 }).value).toBeCloseTo(2, 12);
    expect(metricValue('volumePerCapita', {}, rows, f, ctx).value).toBeNull();
    expect(metricValue('crisisAssignH', {}, rows, f, ctx).value).toBeNull();
    expect(metricValue('crisisAssignH', {}, rows, f, { ...ctx, external: { crisisAssignH: 3.5 } }).value).toBe(3.5);
  });

  it('distribution across sub-areas counts areas without requests', () => {
    const rows = [row({ sub: 'A' }), row({ sub: 'A' }), row({ sub: 'A' })];
    const f = factsOf(rows, ctx.rules, false);
    expect(metricValue('areaGini', {}, rows, f, { ...ctx, subareas: ['A', 'B', 'C'] }).value).toBeCloseTo(2 / 3, 12);
    expect(metricValue('areaEntropy', {}, rows, f, { ...ctx, subareas: ['A', 'B'] }).value).toBe(0);
  });

  it('repeat requests: same caller, same category, within the window', () => {
    const rows = [
      row({ caller: 'x', receivedAt: T0 + 20 * 24 * H }), row({ caller: 'x', receivedAt: T0 }), row({ caller: 'x', receivedAt: T0 + 60 * 24 * H }),
      row({ caller: 'x', cat3: 9, receivedAt: T0 + 24 * H }), row({ caller: null }),
    ];
    expect(repeatFlags(rows, 30)).toEqual([true, false, false, false, false]);
    const f = factsOf(rows, ctx.rules, false);
    expect(metricValue('repeatRate', { windowDays: 30 }, rows, f, ctx).value).toBeCloseTo(0.2, 12);
    expect(metricValue('repeatRate', { windowDays: 45 }, rows, f, ctx).value).toBeCloseTo(0.4, 12);
  });

  it('reply completeness and relevance', () => {
    expect(replyComplete('经现场核实，已安排人员清理完毕。')).toBe(true);
    expect(replyComplete('已收到，谢谢您的来电反映。')).toBe(false);
    expect(replyComplete(null)).toBeNull();
    expect(replyRelevance('梧桐路路灯不亮', '梧桐路路灯已修复')).toBeCloseTo(4 / 6, 12);
    expect(replyRelevance('梧桐路路灯不亮', '感谢来电')).toBe(0);
    const rows = [row({ request: '梧桐路路灯不亮', reply: '经核实，梧桐路路灯已修复。' }), row({ request: '噪音', reply: '收到' }), row({ status: 'open', closedAt: null, reply: null })];
    const f = factsOf(rows, ctx.rules, true);
    expect(rowRoles('replyCompleteness', {}, rows, f, ctx)).toEqual(['ok', 'flag', 'na']);
    expect(metricValue('replyCompleteness', {}, rows, f, ctx).value).toBeCloseTo(0.5, 12);
  });

  it('data quality flags missing fields and impossible time order', () => {
    const rows = [row(), row({ cat1: null }), row({ located: false }), row({ firstResponseAt: T0 - 1 }), row({ status: 'closed', closedAt: null })];
    const f = factsOf(rows, ctx.rules, false);
    expect(rowRoles('dataQuality', {}, rows, f, ctx)).toEqual(['ok', 'flag', 'flag', 'flag', 'flag']);
  });
});

describe('periods (UTC+8)', () => {
  it('parses years, halves, quarters and months', () => {
    expect(parsePeriod('2019')).toEqual({ label: '2019', from: Date.UTC(2018, 11, 31, 16), to: Date.UTC(2019, 11, 31, 16) });
    expect(parsePeriod('2019-Q4')?.from).toBe(Date.UTC(2019, 8, 30, 16));
    expect(parsePeriod('2019-H2')?.to).toBe(Date.UTC(2019, 11, 31, 16));
    expect(parsePeriod('2019-02')?.to).toBe(Date.UTC(2019, 1, 28, 16));
    expect(parsePeriod('all')).toEqual({ label: 'all', from: null, to: null });
    expect(parsePeriod('2019-13')).toBeNull();
    expect(parsePeriod('last year')).toBeNull();
  });
});
