import { useMemo } from 'react';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { dayOf } from '../../../../../shared/domain/stats/time';
import { useFilter } from '../../../state/filters';
import { ChartCard } from '../ChartCard';
import { drillTo } from '../link';
import { arrowRows, useStats } from '../useStats';

interface Point { start: number; label: string; count: number }

/** One cell a day, one calendar per year; a click narrows the filter to that day. */
export function CalendarChart() {
  const { t, i18n } = useTranslation();
  const filter = useFilter();
  const q = useStats('stats.series', { filter, granularity: 'day' });
  const rows = useMemo(() => arrowRows<Point>(q.data), [q.data]);
  const years = useMemo(() => [...new Set(rows.map((r) => r.label.slice(0, 4)))].slice(-3), [rows]);
  const max = useMemo(() => rows.reduce((m, r) => Math.max(m, r.count), 0), [rows]);
  const zh = i18n.language !== 'en';
  const option = useMemo<EChartsOption>(() => ({
    tooltip: { formatter: (p: unknown) => { const v = (p as { value: [string, number] }).value; return `${v[0]}<br/>${v[1].toLocaleString()}`; } },
    visualMap: { min: 0, max: Math.max(1, max), calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, itemWidth: 10 },
    calendar: years.map((y, i) => ({
      range: y, top: 24 + i * 150, left: 48, right: 16, cellSize: ['auto', 15],
      dayLabel: { firstDay: 1, nameMap: zh ? 'ZH' : 'EN' }, monthLabel: { nameMap: zh ? 'ZH' : 'EN' }, yearLabel: { show: true },
      splitLine: { lineStyle: { color: '#bbb' } }, itemStyle: { borderColor: '#fff', borderWidth: 1 },
    })),
    series: years.map((y, i) => ({
      type: 'heatmap' as const, coordinateSystem: 'calendar' as const, calendarIndex: i,
      data: rows.filter((r) => r.label.startsWith(y)).map((r) => [r.label, r.count]),
    })),
  }), [rows, years, max, zh]);
  const table = useMemo(() => ({ columns: [t('trends.calendar.day'), t('trends.volume.count')], rows: rows.map((r) => [r.label, r.count]) }), [rows, t]);
  return (
    <ChartCard
      title={t('trends.calendar.title')}
      testId="chart-calendar"
      option={option}
      table={table}
      loading={q.loading}
      height={Math.max(1, years.length) * 150 + 40}
      onClick={(e) => { const v = e.value as [string, number] | undefined; const r = v && rows.find((x) => x.label === v[0]); if (r) drillTo('day', r.label, dayOf(r.start)); }}
    />
  );
}
