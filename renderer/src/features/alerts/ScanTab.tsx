import { useState } from 'react';
import { Button, Card, Col, DatePicker, Flex, InputNumber, Progress, Row, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ScanResultOut } from '../../../../shared/api/areas/alerts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { useFilter } from '../../state/filters';
import { Choropleth } from './Choropleth';
import { SCAN_COLOR, scanMapAreas } from './choropleth';
import { fmtNum, fmtP } from './format';
import { LevelPicker, type Level } from './LevelPicker';
import { useAlertsJob } from './useAlertsJob';

type Cluster = ScanResultOut['clusters'][number];

function Param({ label, value, onChange, min, max, step, testId }: { label: string; value: number; onChange: (v: number) => void; min: number; max: number; step?: number; testId: string }) {
  return (
    <Flex gap={6} align="center">
      <span>{label}</span>
      <InputNumber min={min} max={max} step={step} value={value} onChange={(v) => onChange(v ?? value)} style={{ width: 90 }} data-testid={testId} />
    </Flex>
  );
}

/** The prospective space-time permutation scan on demand: parameters, clusters (table and map), significant ones stored as alerts. */
export function ScanTab() {
  const { t } = useTranslation();
  const filter = useFilter();
  const job = useAlertsJob();
  const [level, setLevel] = useState<Level>('community');
  const [days, setDays] = useState(14);
  const [studyDays, setStudyDays] = useState(365);
  const [replications, setReplications] = useState(999);
  const [radius, setRadius] = useState(3);
  const [neighbours, setNeighbours] = useState(15);
  const [alertP, setAlertP] = useState(0.05);
  const [endDay, setEndDay] = useState<Dayjs | null>(null);
  const last = useAsync(() => api.call('alerts.lastScan', {}), `${job.version}`);
  const r = last.data ?? null;
  const rLevel = (r?.params.level as Level | undefined) ?? level;
  const rAlertP = Number(r?.params.alertP ?? alertP);
  const geometry = useAsync(() => api.call('hotspots.geometry', { level: rLevel }), rLevel);
  const run = () => void job.run('scan', () => api.call('alerts.scan', {
    filter, level, days, studyDays, replications, maxRadiusKm: radius, maxNeighbours: neighbours, alertP,
    ...(endDay ? { endDay: endDay.format('YYYY-MM-DD') } : {}),
  }));
  return (
    <div data-testid="alerts-scan">
      <Typography.Paragraph type="secondary">{t('alerts.scan.hint')}</Typography.Paragraph>
      <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
        <LevelPicker value={level} onChange={setLevel} testId="scan-level" />
        <Param label={t('alerts.scan.days')} value={days} onChange={setDays} min={1} max={60} testId="scan-days" />
        <Param label={t('alerts.scan.studyDays')} value={studyDays} onChange={setStudyDays} min={14} max={1100} testId="scan-study-days" />
        <Param label={t('alerts.scan.replications')} value={replications} onChange={setReplications} min={9} max={9999} testId="scan-replications" />
        <Param label={t('alerts.scan.radius')} value={radius} onChange={setRadius} min={0.1} max={100} step={0.5} testId="scan-radius" />
        <Param label={t('alerts.scan.neighbours')} value={neighbours} onChange={setNeighbours} min={0} max={200} testId="scan-neighbours" />
        <Param label={t('alerts.scan.alertP')} value={alertP} onChange={setAlertP} min={0.0001} max={0.5} step={0.01} testId="scan-alert-p" />
        <Flex gap={6} align="center">
          <span>{t('alerts.scan.endDay')}</span>
          <DatePicker id="scan-end" value={endDay} onChange={setEndDay} placeholder={t('alerts.scan.endDayLast')} style={{ width: 150 }} />
        </Flex>
        <Button type="primary" loading={job.running !== null} onClick={run} data-testid="scan-run">{t('alerts.scan.run')}</Button>
      </Flex>
      {job.progress?.total ? <Progress percent={job.progress.total ? Math.round((100 * job.progress.done) / job.progress.total) : 0} size="small" status="active" /> : null}
      {last.error != null && <ErrorAlert error={last.error} />}
      {r === null && !last.loading && <Typography.Text type="secondary">{t('alerts.scan.none')}</Typography.Text>}
      {r && (
        <Typography.Paragraph data-testid="scan-summary">
          {t('alerts.scan.summary', {
            level: t(`alerts.areaLevel.${rLevel}`), areas: r.areas, cases: r.totalCases.toLocaleString(), study: String(r.params.studyDays),
            days: String(r.params.days), reps: String(r.params.replications), radius: String(r.params.maxRadiusKm), k: String(r.params.maxNeighbours),
            alertP: String(rAlertP), stored: r.clusters.filter((c) => c.alertId != null).length, seconds: fmtNum(r.seconds, 1),
          })}
        </Typography.Paragraph>
      )}
      <Row gutter={12}>
        <Col xs={24} xl={15}>
          <Table<Cluster> size="small" rowKey={(c) => c.centre} dataSource={r?.clusters ?? []} pagination={false} data-testid="scan-table"
            columns={[
              { title: '#', key: 'rank', width: 36, render: (_v, _c, i) => i + 1 },
              { title: t('alerts.scan.centre'), dataIndex: 'centre', ellipsis: true, render: (v: string, c) => <span title={c.areas.map((a) => a.split('/').pop()).join('、')}>{`${v.split('/').slice(1).join(' ')}${c.areas.length > 1 ? t('alerts.scan.plus', { n: c.areas.length - 1 }) : ''}`}</span> },
              { title: t('alerts.scan.window'), key: 'window', width: 112, render: (_v, c) => t('alerts.scan.windowText', { from: c.startDay.slice(5), days: c.days }) },
              { title: t('alerts.scan.obsExp'), key: 'oe', width: 92, align: 'right', render: (_v, c) => `${c.observed} / ${fmtNum(c.expected)}` },
              { title: 'LLR', dataIndex: 'llr', width: 56, align: 'right', render: (v: number) => fmtNum(v, 1) },
              { title: t('alerts.scan.p'), dataIndex: 'pValue', width: 64, align: 'right', render: (v: number) => fmtP(v) },
              { title: t('alerts.scan.recurrence'), dataIndex: 'recurrenceDays', width: 76, align: 'right', render: (v: number) => t('alerts.scan.days1', { n: Math.round(v).toLocaleString() }) },
              { title: t('alerts.scan.alert'), dataIndex: 'alertId', width: 96,
                render: (v: number | null | undefined) => (v != null ? <Tag color="red">{t('alerts.scan.stored', { id: v })}</Tag> : <Tag>{t('alerts.scan.notStored')}</Tag>) },
            ]} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('alerts.scan.map')}>
            <Choropleth features={geometry.data?.features ?? []} areas={scanMapAreas(r, rAlertP)} palette={SCAN_COLOR} labels="alerts.scan.cls" testId="scan-map" />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
