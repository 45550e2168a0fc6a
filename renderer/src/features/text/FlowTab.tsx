import { useMemo, useRef, useState } from 'react';
import { Card, Flex, Segmented, Table, Tag } from 'antd';
import type { ECharts, EChartsOption } from 'echarts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/chart/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { filterKey, useFilter, useFilters } from '../../state/filters';
import { AddToReportButton } from '../reports/AddToReportButton';
import { chartSnapshot } from '../reports/basket';

/** Topic flow (ThemeRiver of the top terms per week/month) and the emerging terms with first-seen dates. */
export function FlowTab() {
  const { t } = useTranslation();
  const filter = useFilter();
  const setQuery = useFilters((s) => s.setQuery);
  const [unit, setUnit] = useState<'week' | 'month'>('month');
  const chart = useRef<ECharts | null>(null);
  const key = `${filterKey(filter)}|${unit}`;
  const flow = useAsync(() => api.call('text.flow', { filter, unit, top: 10 }), key);
  const emerging = useAsync(() => api.call('text.emerging', { filter, unit: 'week', recent: 4, baseline: 12, top: 20 }), filterKey(filter));
  const option = useMemo<EChartsOption>(() => {
    const f = flow.data;
    if (!f) return {};
    const data = f.series.flatMap((s) => s.counts.map((c, i) => [f.buckets[i].label, c, s.term]));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'line' } },
      legend: { data: f.series.map((s) => s.term), top: 0 },
      singleAxis: { type: 'time', top: 50, bottom: 30, left: 40, right: 40 },
      series: [{ type: 'themeRiver', data, label: { show: false }, emphasis: { focus: 'series' } }],
    } as EChartsOption;
  }, [flow.data]);
  return (
    <>
      <Card
        title={t('text.flow.title')} style={{ marginBottom: 16 }}
        extra={<Flex gap={6} align="center"><Segmented value={unit} onChange={(v) => setUnit(v as 'week' | 'month')} options={[{ value: 'week', label: t('text.flow.week') }, { value: 'month', label: t('text.flow.month') }]} />
          <AddToReportButton title={t('text.flow.title')} source="text" disabled={!flow.data?.series.length} testId="topic-flow-add-report" snapshot={() => chartSnapshot(chart.current)} /></Flex>}
      >
        {flow.error != null && <ErrorAlert error={flow.error} />}
        <EChart option={option} height={380} loading={flow.loading} testId="topic-flow" onReady={(c) => { chart.current = c; }} onClick={(e) => { const term = (e.data as unknown[] | undefined)?.[2]; if (typeof term === 'string') setQuery(term); }} />
      </Card>
      <Card title={t('text.flow.emerging')} size="small">
        {emerging.error != null && <ErrorAlert error={emerging.error} />}
        <Table
          size="small" rowKey="term" loading={emerging.loading} pagination={false} dataSource={emerging.data?.terms ?? []}
          onRow={(r) => ({ onClick: () => setQuery(r.term), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('text.keywords.term'), dataIndex: 'term', render: (v: string) => <Tag color="red">{v}</Tag> },
            { title: t('text.flow.recent'), dataIndex: 'count' },
            { title: t('text.flow.baseline'), dataIndex: 'refCount' },
            { title: t('text.flow.rise'), dataIndex: 'logRatio', render: (v: number) => `×${(2 ** v).toFixed(1)}` },
            { title: 'G²', dataIndex: 'score', render: (v: number) => v.toFixed(1) },
            { title: t('text.flow.firstSeen'), dataIndex: 'firstSeen', render: (v: number) => dayjs(v).format('YYYY-MM-DD') },
          ]}
        />
      </Card>
    </>
  );
}
