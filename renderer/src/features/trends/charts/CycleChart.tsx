import { useMemo } from 'react';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { useFilter } from '../../../state/filters';
import { ChartCard } from '../ChartCard';
import { useStats } from '../useStats';

const hours = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}`);

/** Hour of day × weekday (local time): when requests arrive. */
export function CycleChart() {
  const { t } = useTranslation();
  const filter = useFilter();
  const q = useStats('stats.cycle', { filter });
  const matrix = q.data?.matrix;
  const days = useMemo(() => Array.from({ length: 7 }, (_, d) => t(`trends.weekdays.${d}`)), [t]);
  const option = useMemo<EChartsOption | null>(() => {
    if (!matrix) return null;
    const data = matrix.flatMap((row, d) => row.map((n, h) => [h, d, n]));
    const max = data.reduce((m, x) => Math.max(m, x[2]), 0);
    return {
      tooltip: { formatter: (p: unknown) => { const v = (p as { value: number[] }).value; return `${days[v[1]]} ${hours[v[0]]}:00<br/>${v[2].toLocaleString()}`; } },
      grid: { left: 56, right: 16, top: 8, bottom: 48 },
      xAxis: { type: 'category', data: hours, splitArea: { show: true } },
      yAxis: { type: 'category', data: days, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max: Math.max(1, max), orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, itemWidth: 10 },
      series: [{ type: 'heatmap', data, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } }],
    };
  }, [matrix, days]);
  const table = useMemo(() => ({
    columns: [t('trends.cycle.weekday'), ...hours.map((h) => `${h}:00`)],
    rows: (matrix ?? []).map((row, d) => [days[d], ...row]),
  }), [matrix, days, t]);
  return <ChartCard title={t('trends.cycle.title')} testId="chart-cycle" option={option} table={q.data?.total ? table : { ...table, rows: [] }} loading={q.loading} height={280} />;
}
