import { useMemo, useState } from 'react';
import { Card, Col, Flex, Row, Select, Statistic, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PerformanceOut } from '../../../../../shared/api/areas/stats';
import type { Dimension } from '../../../../../shared/domain/stats/dims';
import { useFilter } from '../../../state/filters';
import { fmtHours, fmtInt, fmtPct, groupLabel } from '../format';
import { canLink, drillTo } from '../link';
import { useStats } from '../useStats';
import { BacklogChart, DurationHistogram } from './PerformanceCharts';
import { RulesEditor } from './RulesEditor';
import { useRules } from './rules';

type Group = PerformanceOut['groups'][number];
const BY: Dimension[] = ['department', 'district', 'category1', 'category2', 'source', 'street'];

/** Service performance: response and closing times, on-time rate, backlog, transfers, repeats, satisfaction. */
export function PerformancePanel() {
  const { t } = useTranslation();
  const filter = useFilter();
  const rules = useRules((s) => s.rules);
  const [by, setBy] = useState<Dimension>('department');
  const q = useStats('stats.performance', { filter, by, rules, limit: 60, repeats: true });
  const o = q.data?.overall;
  const excluded = o ? o.close.excluded.instant + o.close.excluded.negative + o.close.excluded.tooLong : 0;
  const kpis: [string, string, string?][] = o ? [
    [t('trends.perf.n'), fmtInt(o.n)],
    [t('trends.perf.respMedian'), fmtHours(o.response.median), t('trends.perf.measured', { n: fmtInt(o.response.n) })],
    [t('trends.perf.closeMedian'), fmtHours(o.close.median), `${t('trends.perf.mean')} ${fmtHours(o.close.mean)} · P90 ${fmtHours(o.close.p90)}`],
    [t('trends.perf.onTime'), fmtPct(o.onTime.rate), t('trends.perf.onTimeDetail', { late: fmtInt(o.onTime.late), overdue: fmtInt(o.onTime.overdueOpen) })],
    [t('trends.perf.satisfaction'), fmtPct(o.satisfaction.rate), t('trends.perf.rated', { n: fmtInt(o.satisfaction.rated) })],
    [t('trends.perf.transfers'), o.transfers.mean === null ? '—' : o.transfers.mean.toFixed(2), t('trends.perf.withTransfer', { share: fmtPct(o.n ? o.transfers.withTransfer / o.n : null) })],
    [t('trends.perf.repeat'), fmtPct(o.repeat?.rate), t('trends.perf.repeatHint')],
    [t('trends.perf.excluded'), fmtInt(excluded), t('trends.perf.excludedDetail', { instant: fmtInt(o.close.excluded.instant), negative: fmtInt(o.close.excluded.negative), tooLong: fmtInt(o.close.excluded.tooLong) })],
  ] : [];
  const columns: TableColumnsType<Group> = useMemo(() => [
    { title: t(`trends.dim.${by}`), dataIndex: 'label', fixed: 'left', width: 170, render: (_: unknown, g) => { const name = groupLabel(t, by, g.key, g.label); return canLink(by) ? <a onClick={() => drillTo(by, g.key)}>{name}</a> : name; } },
    { title: t('trends.perf.n'), dataIndex: 'n', align: 'right', sorter: (a, b) => a.n - b.n, defaultSortOrder: 'descend', render: fmtInt },
    { title: t('trends.perf.respMedian'), align: 'right', sorter: (a, b) => (a.response.median ?? 0) - (b.response.median ?? 0), render: (_: unknown, g) => fmtHours(g.response.median) },
    { title: t('trends.perf.closeMedian'), align: 'right', sorter: (a, b) => (a.close.median ?? 0) - (b.close.median ?? 0), render: (_: unknown, g) => fmtHours(g.close.median) },
    { title: t('trends.perf.mean'), align: 'right', render: (_: unknown, g) => fmtHours(g.close.mean) },
    { title: 'P90', align: 'right', sorter: (a, b) => (a.close.p90 ?? 0) - (b.close.p90 ?? 0), render: (_: unknown, g) => fmtHours(g.close.p90) },
    { title: t('trends.perf.onTime'), align: 'right', sorter: (a, b) => (a.onTime.rate ?? -1) - (b.onTime.rate ?? -1), render: (_: unknown, g) => fmtPct(g.onTime.rate) },
    { title: t('trends.perf.satisfaction'), align: 'right', sorter: (a, b) => (a.satisfaction.rate ?? -1) - (b.satisfaction.rate ?? -1), render: (_: unknown, g) => fmtPct(g.satisfaction.rate) },
    { title: t('trends.perf.transfers'), align: 'right', render: (_: unknown, g) => (g.transfers.mean === null ? '—' : g.transfers.mean.toFixed(2)) },
    { title: t('trends.perf.repeat'), align: 'right', render: (_: unknown, g) => fmtPct(g.repeat?.rate) },
    { title: t('trends.perf.excluded'), align: 'right', render: (_: unknown, g) => fmtInt(g.close.excluded.instant + g.close.excluded.negative + g.close.excluded.tooLong) },
  ], [by, t]);
  return (
    <Flex vertical gap={12} data-testid="performance-panel">
      <Card size="small"><RulesEditor /></Card>
      <Row gutter={[12, 12]}>
        {kpis.map(([title, value, sub]) => (
          <Col key={title} xs={12} md={6} xl={3}>
            <Card size="small" styles={{ body: { padding: 10 } }}>
              <Statistic title={title} value={value} loading={q.loading && !o} valueStyle={{ fontSize: 20 }} />
              {sub && <div className="ms-chart-note">{sub}</div>}
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}><DurationHistogram close={o?.close ?? null} loading={q.loading} /></Col>
        <Col xs={24} xl={14}><BacklogChart rules={rules} /></Col>
      </Row>
      <Card size="small" title={t('trends.perf.byTitle')} extra={<Select size="small" value={by} onChange={setBy} options={BY.map((d) => ({ value: d, label: t(`trends.dim.${d}`) }))} style={{ width: 130 }} data-testid="perf-by" />}>
        <Table<Group> size="small" rowKey="key" columns={columns} dataSource={q.data?.groups ?? []} loading={q.loading} pagination={{ pageSize: 15, showSizeChanger: false }} scroll={{ x: 'max-content' }} data-testid="perf-table" />
      </Card>
    </Flex>
  );
}
