import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFilter } from '../../state/filters';
import { fmtChange, fmtHours, fmtInt, fmtPct } from './format';
import { useRules } from './panels/rules';
import { useStats } from './useStats';

/** Headline numbers under the filter: volume and its change, closed share, median closing time, on-time and satisfaction. */
export function KpiStrip() {
  const { t } = useTranslation();
  const filter = useFilter();
  const rules = useRules((s) => s.rules);
  const status = useStats('stats.breakdown', { filter, by: 'status', limit: 20, compare: 'previous' });
  const perf = useStats('stats.performance', { filter, by: null, rules, limit: 1, repeats: false });
  const b = status.data;
  const prevTotal = b?.comparePeriod ? b.rows.reduce((s, r) => s + (r.previous ?? 0), 0) : null;
  const change = b && prevTotal ? (b.total - prevTotal) / prevTotal : null;
  const closed = b?.rows.find((r) => r.key === 'closed')?.count ?? 0;
  const o = perf.data?.overall;
  const items: { key: string; title: string; value: string; sub?: string }[] = [
    { key: 'total', title: t('trends.total'), value: fmtInt(b?.total), sub: prevTotal !== null ? t('trends.kpi.vsPrevious', { change: fmtChange(change) }) : t('trends.kpi.noPeriod') },
    { key: 'closed', title: t('trends.kpi.closed'), value: fmtPct(b?.total ? closed / b.total : null), sub: t('trends.kpi.closedCount', { n: fmtInt(closed) }) },
    { key: 'close', title: t('trends.perf.closeMedian'), value: fmtHours(o?.close.median), sub: `P90 ${fmtHours(o?.close.p90)}` },
    { key: 'ontime', title: t('trends.perf.onTime'), value: fmtPct(o?.onTime.rate), sub: t('trends.kpi.limit', { hours: rules.defaultLimitHours }) },
    { key: 'sat', title: t('trends.perf.satisfaction'), value: fmtPct(o?.satisfaction.rate), sub: t('trends.perf.rated', { n: fmtInt(o?.satisfaction.rated) }) },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {items.map((k) => (
        <Col key={k.key} flex="1 1 180px">
          <Card size="small" style={{ height: '100%' }} styles={{ body: { padding: 10 } }} data-testid={k.key === 'total' ? 'records-count' : `kpi-${k.key}`}>
            <Statistic title={k.title} value={k.value} loading={!b && status.loading} valueStyle={{ fontSize: 22 }} />
            {k.sub && <div className="ms-chart-note">{k.sub}</div>}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
