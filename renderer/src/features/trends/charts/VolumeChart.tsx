import { useMemo, useState } from 'react';
import { Checkbox, Segmented } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { dayOf, GRANULARITIES, type Granularity } from '../../../../../shared/domain/stats/time';
import { relativeChange } from '../../../../../shared/domain/stats/series';
import { useFilter } from '../../../state/filters';
import { ChartCard } from '../ChartCard';
import { drillTo } from '../link';
import { arrowRows, useStats } from '../useStats';
import { fmtChange, fmtInt } from '../format';

interface Point { start: number; label: string; count: number; previous: number | null; yearAgo: number | null; movingAverage: number | null }

/** Volume over time at a chosen granularity, with moving average, period-over-period and year-over-year. */
export function VolumeChart() {
  const { t } = useTranslation();
  const filter = useFilter();
  const [g, setG] = useState<Granularity>('week');
  const [show, setShow] = useState<string[]>(['ma', 'yoy']);
  const q = useStats('stats.series', { filter, granularity: g });
  const rows = useMemo(() => arrowRows<Point>(q.data), [q.data]);
  const option = useMemo<EChartsOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 32, bottom: 56 },
    dataZoom: rows.length > 60 ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }] : [],
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: { type: 'value' },
    series: [
      { name: t('trends.volume.count'), type: 'bar', data: rows.map((r) => r.count), barMaxWidth: 24 },
      ...(show.includes('ma') ? [{ name: t('trends.volume.ma'), type: 'line' as const, data: rows.map((r) => r.movingAverage), showSymbol: false, smooth: true }] : []),
      ...(show.includes('yoy') ? [{ name: t('trends.volume.yearAgo'), type: 'line' as const, data: rows.map((r) => r.yearAgo), showSymbol: false, lineStyle: { type: 'dashed' as const } }] : []),
      ...(show.includes('pop') ? [{ name: t('trends.volume.previous'), type: 'line' as const, data: rows.map((r) => r.previous), showSymbol: false, lineStyle: { type: 'dotted' as const } }] : []),
    ],
  }), [rows, show, t]);
  const table = useMemo(() => ({
    columns: [t('trends.volume.period'), t('trends.volume.count'), t('trends.volume.ma'), t('trends.volume.previous'), t('trends.volume.popChange'), t('trends.volume.yearAgo'), t('trends.volume.yoyChange')],
    rows: rows.map((r) => [r.label, r.count, r.movingAverage === null ? null : Number(r.movingAverage.toFixed(2)), r.previous, relativeChange(r.count, r.previous), r.yearAgo, relativeChange(r.count, r.yearAgo)]),
  }), [rows, t]);
  const last = rows[rows.length - 1];
  return (
    <ChartCard
      title={t('trends.volume.title')}
      testId="chart-volume"
      option={option}
      table={table}
      loading={q.loading}
      height={320}
      onClick={(e) => { const r = rows[e.dataIndex]; if (r) drillTo(g, r.label, dayOf(r.start)); }}
      controls={(
        <>
          <Segmented size="small" value={g} onChange={(v) => setG(v as Granularity)} options={GRANULARITIES.map((x) => ({ value: x, label: t(`trends.gran.${x}`) }))} data-testid="volume-granularity" />
          <Checkbox.Group value={show} onChange={(v) => setShow(v as string[])} options={[
            { value: 'ma', label: t('trends.volume.maShort') }, { value: 'pop', label: t('trends.volume.popShort') }, { value: 'yoy', label: t('trends.volume.yoyShort') },
          ]} />
        </>
      )}
      footer={last ? (
        <div className="ms-chart-note">
          {t('trends.volume.latest', { label: last.label, count: fmtInt(last.count), pop: fmtChange(relativeChange(last.count, last.previous)), yoy: fmtChange(relativeChange(last.count, last.yearAgo)) })}
        </div>
      ) : null}
    />
  );
}
