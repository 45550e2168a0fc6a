/** Composers for the statistics sections: overview, trend, categories, performance. */
import type { Block, Cell } from './document';
import type { CategoriesData, OverviewData, PerformanceData, TrendData } from './data';
import type { SectionOf } from './spec';
import { PALETTE } from './theme';
import { fmtChange, fmtInt, fmtNum, fmtPct, type ReportStrings } from './strings';

const heading = (text: string): Block => ({ type: 'heading', level: 1, text });
const axisText = { color: '#444', fontSize: 11 };

export function composeOverview(s: SectionOf<'overview'>, d: OverviewData, t: ReportStrings): Block[] {
  const pp = (cur: number | null, prev: number | null): string | null =>
    cur === null || prev === null ? null : `${cur >= prev ? '+' : '−'}${Math.abs((cur - prev) * 100).toFixed(1)} pp`;
  const items = [
    { label: t.total, value: fmtInt(d.total), change: fmtChange(d.total, d.previous) },
    { label: t.closed, value: fmtInt(d.closed), change: null },
    { label: t.medianClose, value: `${fmtNum(d.medianCloseHours)} ${t.hours}`, change: d.medianCloseHours !== null ? fmtChange(d.medianCloseHours, d.prevMedianCloseHours) : null },
    { label: t.onTime, value: fmtPct(d.onTimeRate), change: pp(d.onTimeRate, d.prevOnTimeRate) },
    { label: t.satisfaction, value: fmtPct(d.satisfactionRate), change: pp(d.satisfactionRate, d.prevSatisfactionRate) },
  ];
  const parts: string[] = [];
  const ch = fmtChange(d.total, d.previous);
  parts.push(t.zh
    ? `本期共受理诉求 ${fmtInt(d.total)} 件${ch && d.compareLabel ? `，${d.compareLabel}${ch.startsWith('+') ? '增长' : '下降'} ${ch.slice(1)}` : ''}；已办结 ${fmtInt(d.closed)} 件，按期办结率 ${fmtPct(d.onTimeRate)}，满意率 ${fmtPct(d.satisfactionRate)}`
    : `${fmtInt(d.total)} requests in the period${ch && d.compareLabel ? ` (${ch} ${d.compareLabel})` : ''}; ${fmtInt(d.closed)} closed, ${fmtPct(d.onTimeRate)} on time, ${fmtPct(d.satisfactionRate)} satisfied`);
  const kv = (k: string, v: { label: string; count: number }) => (t.zh ? `${k}为${v.label}（${fmtInt(v.count)} 件）` : `${k}: ${v.label} (${fmtInt(v.count)})`);
  if (d.topCategory) parts.push(kv(t.topCategory, d.topCategory));
  if (d.topDistrict) parts.push(kv(t.topDistrict, d.topDistrict));
  return [heading(s.title ?? t.overview), { type: 'key-figures', items }, { type: 'paragraph', text: `${parts.join(t.zh ? '；' : '; ')}${t.zh ? '。' : '.'}` }];
}

export function composeTrend(s: SectionOf<'trend'>, d: TrendData, t: ReportStrings): Block[] {
  const series = d.bySource && d.bySource.length > 1
    ? d.bySource.map((x, i) => ({ name: x.name, type: 'line', data: x.counts, showSymbol: false, lineStyle: { width: 1.6 }, color: PALETTE[i % PALETTE.length] }))
    : [
      { name: t.count, type: 'line', data: d.counts, showSymbol: d.counts.length < 40, lineStyle: { width: 2 }, areaStyle: { opacity: 0.08 }, color: PALETTE[0] },
      ...(d.previous.some((v) => v !== null) ? [{ name: t.yearAgo, type: 'line', data: d.previous, showSymbol: false, lineStyle: { width: 1, type: 'dashed' }, color: '#999' }] : []),
    ];
  const option = {
    animation: false, grid: { left: 56, right: 16, top: 34, bottom: 40 },
    legend: { top: 4, textStyle: axisText },
    xAxis: { type: 'category', data: d.labels, axisLabel: { ...axisText, hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: axisText, splitLine: { lineStyle: { color: '#eee' } } },
    series,
  };
  const caption = s.caption ?? `${s.title ?? t.trend}（${t.granularity[d.granularity] ?? d.granularity}）`;
  const blocks: Block[] = [heading(s.title ?? t.trend), { type: 'figure', caption, chart: { option, width: 640, height: 280 }, width: 640, height: 280 }];
  if (d.counts.length) {
    const max = d.counts.indexOf(Math.max(...d.counts));
    blocks.push({ type: 'paragraph', text: t.zh
      ? `期间内诉求量峰值出现在 ${d.labels[max]}（${fmtInt(d.counts[max])} 件）。`
      : `The peak was ${d.labels[max]} (${fmtInt(d.counts[max])} requests).` });
  }
  return blocks;
}

const rankRows = (rows: CategoriesData['rows']): Cell[][] =>
  rows.map((r, i) => [i + 1, r.label, r.count, fmtPct(r.share), r.previous, r.change === null ? '—' : fmtPct(r.change)]);

export function composeCategories(s: SectionOf<'categories'>, d: CategoriesData, t: ReportStrings): Block[] {
  const levelName = [t.level1, t.level2, t.level3][d.level - 1];
  const rows = [...d.rows].reverse();
  const option = {
    animation: false, grid: { left: 150, right: 48, top: 10, bottom: 24 },
    xAxis: { type: 'value', axisLabel: axisText, splitLine: { lineStyle: { color: '#eee' } } },
    yAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { ...axisText, width: 140, overflow: 'truncate' } },
    series: [{ type: 'bar', data: rows.map((r) => r.count), barMaxWidth: 18, color: PALETTE[0], label: { show: true, position: 'right', fontSize: 10, color: '#555' } }],
  };
  const height = Math.max(160, 26 * rows.length + 40);
  const title = s.title ?? `${t.categories}（${levelName}）`;
  return [
    heading(title),
    { type: 'figure', caption: s.caption ?? `${levelName} Top ${d.rows.length}`, chart: { option, width: 640, height }, width: 640, height },
    { type: 'table', caption: `${levelName} ${t.count}`, columns: [t.rank, levelName, t.count, t.share, t.previous, t.change], rows: rankRows(d.rows), align: ['right', 'left', 'right', 'right', 'right', 'right'] },
  ];
}

export function composePerformance(s: SectionOf<'performance'>, d: PerformanceData, t: ReportStrings): Block[] {
  const by = d.by === 'department' ? t.department : t.district;
  const row = (g: PerformanceData['overall']): Cell[] => [g.label, g.n, fmtNum(g.medianResponseHours), fmtNum(g.medianCloseHours), fmtPct(g.onTimeRate), fmtPct(g.satisfactionRate)];
  const groups = d.groups.filter((g) => g.onTimeRate !== null);
  const option = {
    animation: false, grid: { left: 150, right: 30, top: 30, bottom: 24 }, legend: { top: 2, textStyle: axisText },
    xAxis: { type: 'value', max: 100, axisLabel: { ...axisText, formatter: '{value}%' }, splitLine: { lineStyle: { color: '#eee' } } },
    yAxis: { type: 'category', data: groups.map((g) => g.label).reverse(), axisLabel: { ...axisText, width: 140, overflow: 'truncate' } },
    series: [
      { name: t.onTimeRate, type: 'bar', data: groups.map((g) => Math.round((g.onTimeRate ?? 0) * 1000) / 10).reverse(), color: PALETTE[0], barMaxWidth: 10 },
      { name: t.satRate, type: 'bar', data: groups.map((g) => Math.round((g.satisfactionRate ?? 0) * 1000) / 10).reverse(), color: PALETTE[1], barMaxWidth: 10 },
    ],
  };
  const height = Math.max(180, 30 * groups.length + 50);
  const blocks: Block[] = [heading(s.title ?? `${t.performance}（${by}）`)];
  if (groups.length) blocks.push({ type: 'figure', caption: s.caption ?? `${by} ${t.onTimeRate} / ${t.satRate}`, chart: { option, width: 640, height }, width: 640, height });
  blocks.push({
    type: 'table', caption: `${by} ${t.performance}`, columns: [by, t.n, t.medianResponse, t.medianCloseH, t.onTimeRate, t.satRate],
    rows: [...d.groups.map(row), row({ ...d.overall, label: t.zh ? '合计' : 'Total' })], align: ['left', 'right', 'right', 'right', 'right', 'right'],
  });
  return blocks;
}
