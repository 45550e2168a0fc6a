import { useMemo } from 'react';
import { Card, Col, Row, Table } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import type { SourceComparison } from '../../../../../shared/api/areas/stats';
import { useFilter } from '../../../state/filters';
import { ChartCard } from '../ChartCard';
import { fmtHours, fmtInt, fmtPct } from '../format';
import { drillTo } from '../link';
import { useStats } from '../useStats';
import { useRules } from './rules';

type Src = SourceComparison[number];
/** Enough distinct colours for every level-1 category (the theme's ten would repeat). */
const MIX_COLORS = ['#1f6fb2', '#e0823d', '#3a9d5d', '#c23b3b', '#7b5ea7', '#8c6d46', '#d86fb0', '#6b7b8c', '#b5a227', '#2aa4b8',
  '#9ecae1', '#f4b183', '#a1d99b', '#f08080', '#bcaed6', '#c9a77c', '#f3b6d8', '#b0bcc8', '#e2d36b', '#8fd3de'];

/** The hotlines side by side: volume, category mix, response, on-time and satisfaction. */
export function SourcesPanel() {
  const { t } = useTranslation();
  const filter = useFilter();
  const rules = useRules((s) => s.rules);
  const q = useStats('stats.sources', { filter, rules });
  const rows = useMemo(() => q.data ?? [], [q.data]);
  const cats = useMemo(() => {
    const total = new Map<string, { label: string; n: number }>();
    for (const s of rows) for (const m of s.mix) total.set(m.key, { label: m.label || t('trends.emptyValue'), n: (total.get(m.key)?.n ?? 0) + m.share * s.count });
    return [...total.entries()].sort((a, b) => b[1].n - a[1].n);
  }, [rows, t]);
  const mix = useMemo<EChartsOption>(() => ({
    color: MIX_COLORS,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${Number(v).toFixed(1)}%` },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((s) => s.name), inverse: true },
    series: [
      ...cats.map(([key, c]) => ({ name: c.label, type: 'bar' as const, stack: 'mix', barMaxWidth: 22, data: rows.map((s) => Number(((s.mix.find((m) => m.key === key)?.share ?? 0) * 100).toFixed(2))) })),
      { name: t('trends.other'), type: 'bar' as const, stack: 'mix', barMaxWidth: 22, itemStyle: { color: '#ccc' }, data: rows.map((s) => Number((100 - cats.reduce((x, [key]) => x + (s.mix.find((m) => m.key === key)?.share ?? 0) * 100, 0)).toFixed(2))) },
    ],
  }), [rows, cats, t]);
  const volume = useMemo<EChartsOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', splitNumber: 3, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: rows.map((s) => s.name), inverse: true },
    series: [{ type: 'bar', data: rows.map((s) => s.count), barMaxWidth: 22, label: { show: true, position: 'right', formatter: (p: unknown) => fmtPct(rows[(p as { dataIndex: number }).dataIndex].share) } }],
  }), [rows]);
  const table = useMemo(() => ({
    columns: [t('trends.dim.source'), t('trends.volume.count'), t('trends.top.share'), t('trends.perf.respMedianH'), t('trends.perf.closeMedianH'), t('trends.perf.onTime'), t('trends.perf.satisfaction'), t('trends.perf.transfers')],
    rows: rows.map((s) => [s.name, s.count, s.share, s.responseMedianHours, s.closeMedianHours, s.onTimeRate, s.satisfactionRate, s.transfersMean]),
  }), [rows, t]);
  const height = Math.max(200, rows.length * 34 + 48);
  return (
    <Row gutter={[12, 12]} data-testid="sources-panel">
      <Col xs={24} xl={10}><ChartCard title={t('trends.src.volume')} testId="chart-src-volume" option={volume} table={table} loading={q.loading} height={height} onClick={(e) => { const s = rows[e.dataIndex]; if (s) drillTo('source', s.code); }} /></Col>
      <Col xs={24} xl={14}><ChartCard title={t('trends.src.mix')} testId="chart-src-mix" option={mix} table={table} loading={q.loading} height={height} /></Col>
      <Col span={24}>
        <Card size="small" title={t('trends.src.table')}>
          <Table<Src> size="small" rowKey="code" dataSource={rows} loading={q.loading} pagination={false} scroll={{ x: 'max-content' }} data-testid="sources-table" columns={[
            { title: t('trends.dim.source'), dataIndex: 'name', render: (v: string, s) => <a onClick={() => drillTo('source', s.code)}>{v}</a> },
            { title: t('trends.volume.count'), dataIndex: 'count', align: 'right', render: fmtInt, sorter: (a, b) => a.count - b.count },
            { title: t('trends.top.share'), dataIndex: 'share', align: 'right', render: (v: number) => fmtPct(v) },
            { title: t('trends.src.topCategory'), render: (_: unknown, s) => (s.mix[0] ? `${s.mix[0].label || t('trends.emptyValue')} ${fmtPct(s.mix[0].share)}` : '—') },
            { title: t('trends.perf.respMedian'), align: 'right', render: (_: unknown, s) => fmtHours(s.responseMedianHours), sorter: (a, b) => (a.responseMedianHours ?? 0) - (b.responseMedianHours ?? 0) },
            { title: t('trends.perf.closeMedian'), align: 'right', render: (_: unknown, s) => fmtHours(s.closeMedianHours), sorter: (a, b) => (a.closeMedianHours ?? 0) - (b.closeMedianHours ?? 0) },
            { title: t('trends.perf.onTime'), align: 'right', render: (_: unknown, s) => fmtPct(s.onTimeRate), sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1) },
            { title: t('trends.perf.satisfaction'), align: 'right', render: (_: unknown, s) => fmtPct(s.satisfactionRate), sorter: (a, b) => (a.satisfactionRate ?? -1) - (b.satisfactionRate ?? -1) },
            { title: t('trends.perf.transfers'), align: 'right', render: (_: unknown, s) => (s.transfersMean === null ? '—' : s.transfersMean.toFixed(2)) },
          ]} />
        </Card>
      </Col>
    </Row>
  );
}
