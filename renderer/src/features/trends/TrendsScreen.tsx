import { useState } from 'react';
import { Alert, Card, Col, Row, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { filterKey, useFilter } from '../../state/filters';
import { RecordsTable } from '../records/RecordsTable';
import { CalendarChart } from './charts/CalendarChart';
import { CategoryCharts } from './charts/CategoryCharts';
import { CycleChart } from './charts/CycleChart';
import { TopChart } from './charts/TopChart';
import { VolumeChart } from './charts/VolumeChart';
import { KpiStrip } from './KpiStrip';
import { PerformancePanel } from './panels/PerformancePanel';
import { PivotPanel } from './panels/PivotPanel';
import { SourcesPanel } from './panels/SourcesPanel';
import { useStats } from './useStats';
import './trends.css';

function RecordsTab() {
  const { t } = useTranslation();
  const filter = useFilter();
  const count = useAsync(() => api.call('records.count', { filter }), filterKey(filter));
  return <Card size="small" title={t('trends.recordsTitle')}><RecordsTable filter={filter} total={count.data?.count} /></Card>;
}

function Overview() {
  return (
    <Row gutter={[12, 12]}>
      <Col span={24}><VolumeChart /></Col>
      <Col xs={24} xl={14}><CalendarChart /></Col>
      <Col xs={24} xl={10}><CycleChart /></Col>
      <Col xs={24} xl={12}><TopChart initial="district" testId="chart-top-district" /></Col>
      <Col xs={24} xl={12}><TopChart initial="department" testId="chart-top-department" /></Col>
    </Row>
  );
}

/** The analyst's dashboard: trends, categories, cross-tabs, service performance, hotlines side by side, and the records. */
export function TrendsScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('overview');
  // Any call reports STATS_PREPARING while an older project's statistics are being built.
  const probe = useStats('stats.cycle', { filter: {} });
  const tabs = [
    { key: 'overview', label: t('trends.tabs.overview'), children: <Overview /> },
    { key: 'categories', label: t('trends.tabs.categories'), children: <CategoryCharts /> },
    { key: 'pivot', label: t('trends.tabs.pivot'), children: <PivotPanel /> },
    { key: 'performance', label: t('trends.tabs.performance'), children: <PerformancePanel /> },
    { key: 'sources', label: t('trends.tabs.sources'), children: <SourcesPanel /> },
    { key: 'records', label: t('trends.tabs.records'), children: <RecordsTab /> },
  ];
  return (
    <div data-testid="screen-trends">
      <ScreenHeader screen="trends" />
      {probe.preparing && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('trends.preparing')} data-testid="stats-preparing" />}
      {probe.error != null && !probe.preparing && <ErrorAlert error={probe.error} />}
      <KpiStrip />
      <Tabs activeKey={tab} onChange={setTab} items={tabs.map((x) => ({ ...x, label: <span data-testid={`trends-tab-${x.key}`}>{x.label}</span> }))} destroyOnHidden />
    </div>
  );
}
