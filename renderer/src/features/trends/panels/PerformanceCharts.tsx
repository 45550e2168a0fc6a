import { useMemo, useState } from 'react';
import { Segmented } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import type { PerformanceOut, PerformanceRules } from '../../../../../shared/api/areas/stats';
import { dayOf, type Granularity } from '../../../../../shared/domain/stats/time';
import { useFilter } from '../../../state/filters';
import { ChartCard } from '../ChartCard';
import { fmtInt } from '../format';
import { drillTo } from '../link';
import { arrowRows, useStats } from '../useStats';

const edgeLabel = (h: number) => (h >= 48 ? `${h / 24}d` : `${h}h`);

/** Distribution of closing times (hours bins) — exclusions are listed, not mixed in. */
export function DurationHistogram({ close, loading }: { close: PerformanceOut['overall']['close'] | null; loading: boolean }) {
  const { t } = useTranslation();
  const h = close?.histogram;
  const labels = useMemo(() => (h ? h.counts.map((_, i) => `${edgeLabel(h.edges[i])}–${edgeLabel(h.edges[i + 1])}`) : []), [h]);
  const option = useMemo<EChartsOption>(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 12, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: labels, axisLabel: { rotate: 40, fontSize: 10 } },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: t('trends.perf.closed'), data: h?.counts ?? [], barCategoryGap: '8%' }],
  }), [h, labels, t]);
  const table = useMemo(() => ({ columns: [t('trends.perf.bin'), t('trends.volume.count')], rows: labels.map((l, i) => [l, h!.counts[i]]) }), [labels, h, t]);
  return (
    <ChartCard title={t('trends.perf.histTitle')} testId="chart-histogram" option={option} table={table} loading={loading} height={280}
      footer={close ? <div className="ms-chart-note">{t('trends.perf.histNote', { n: fmtInt(close.n), above: fmtInt(h?.above ?? 0), instant: fmtInt(close.excluded.instant), negative: fmtInt(close.excluded.negative), tooLong: fmtInt(close.excluded.tooLong), open: fmtInt(close.excluded.missing) })}</div> : null} />
  );
}

interface BacklogRow { start: number; label: string; received: number; closed: number; backlog: number; overdue: number; medianCloseHours: number | null; onTimeRate: number | null; satisfactionRate: number | null }

/** Received / closed per period, backlog and overdue at its end, and the rates' trend. */
export function BacklogChart({ rules }: { rules: PerformanceRules }) {
  const { t } = useTranslation();
  const filter = useFilter();
  const [g, setG] = useState<Granularity>('month');
  const q = useStats('stats.backlog', { filter, granularity: g, rules });
  const rows = useMemo(() => arrowRows<BacklogRow>(q.data), [q.data]);
  const pct = (x: number | null) => (x === null ? null : Number((x * 100).toFixed(1)));
  const option = useMemo<EChartsOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 56, right: 48, top: 32, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: [{ type: 'value' }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } }],
    series: [
      { name: t('trends.perf.received'), type: 'bar', data: rows.map((r) => r.received), barMaxWidth: 16 },
      { name: t('trends.perf.closed'), type: 'bar', data: rows.map((r) => r.closed), barMaxWidth: 16 },
      { name: t('trends.perf.backlog'), type: 'line', data: rows.map((r) => r.backlog), showSymbol: false },
      { name: t('trends.perf.overdue'), type: 'line', data: rows.map((r) => r.overdue), showSymbol: false, lineStyle: { type: 'dashed' } },
      { name: t('trends.perf.onTime'), type: 'line', yAxisIndex: 1, data: rows.map((r) => pct(r.onTimeRate)), showSymbol: false },
      { name: t('trends.perf.satisfaction'), type: 'line', yAxisIndex: 1, data: rows.map((r) => pct(r.satisfactionRate)), showSymbol: false },
    ],
  }), [rows, t]);
  const table = useMemo(() => ({
    columns: [t('trends.volume.period'), t('trends.perf.received'), t('trends.perf.closed'), t('trends.perf.backlog'), t('trends.perf.overdue'), t('trends.perf.closeMedianH'), t('trends.perf.onTime'), t('trends.perf.satisfaction')],
    rows: rows.map((r) => [r.label, r.received, r.closed, r.backlog, r.overdue, r.medianCloseHours === null ? null : Number(r.medianCloseHours.toFixed(2)), r.onTimeRate, r.satisfactionRate]),
  }), [rows, t]);
  return (
    <ChartCard title={t('trends.perf.backlogTitle')} testId="chart-backlog" option={option} table={table} loading={q.loading} height={280}
      onClick={(e) => { const r = rows[e.dataIndex]; if (r) drillTo(g, r.label, dayOf(r.start)); }}
      controls={<Segmented size="small" value={g} onChange={(v) => setG(v as Granularity)} options={(['week', 'month', 'quarter'] as Granularity[]).map((x) => ({ value: x, label: t(`trends.gran.${x}`) }))} />} />
  );
}
