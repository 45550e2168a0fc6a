import { useState } from 'react';
import { Button, Card, Col, Flex, Row, Segmented, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HotspotResult } from '../../../../shared/api/areas/alerts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { filterKey, useFilter } from '../../state/filters';
import { Choropleth } from './Choropleth';
import { classTagStyle } from './choropleth';
import { fmtNum, fmtP } from './format';
import { LevelPicker, type Level } from './LevelPicker';

type Method = 'gistar' | 'lisa';
type Value = 'count' | 'rate';
type Area = HotspotResult['areas'][number];

/** Gi* / LISA on a chosen area level under the global filter: table of areas and an SVG choropleth. */
export function HotspotsTab() {
  const { t } = useTranslation();
  const filter = useFilter();
  const [level, setLevel] = useState<Level>('street');
  const [method, setMethod] = useState<Method>('gistar');
  const [value, setValue] = useState<Value>('count');
  const [runs, setRuns] = useState(0);
  const result = useAsync(() => (runs === 0 ? Promise.resolve(null) : api.call('hotspots.compute', { filter, level, method, value })),
    `${runs}|${level}|${method}|${value}|${filterKey(filter)}`);
  const geometry = useAsync(() => api.call('hotspots.geometry', { level }), level);
  const r = result.data;
  const areas = [...(r?.areas ?? [])].sort((a, b) => (b.z ?? -Infinity) - (a.z ?? -Infinity));
  return (
    <div data-testid="alerts-hotspots">
      <Typography.Paragraph type="secondary">{t('alerts.hot.hint')}</Typography.Paragraph>
      <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
        <LevelPicker value={level} onChange={setLevel} testId="hotspot-level" />
        <span>{t('alerts.hot.method')}</span>
        <Segmented<Method> value={method} onChange={setMethod} options={[{ value: 'gistar', label: t('alerts.hot.gistar') }, { value: 'lisa', label: t('alerts.hot.lisa') }]} />
        <span>{t('alerts.hot.value')}</span>
        <Segmented<Value> value={value} onChange={setValue} options={[{ value: 'count', label: t('alerts.hot.count') }, { value: 'rate', label: t('alerts.hot.rate') }]} />
        <Button type="primary" loading={result.loading && runs > 0} onClick={() => setRuns((n) => n + 1)} data-testid="hotspot-run">{t('alerts.hot.run')}</Button>
      </Flex>
      {result.error != null && <ErrorAlert error={result.error} />}
      {geometry.error != null && <ErrorAlert error={geometry.error} />}
      {r && (
        <Typography.Paragraph data-testid="hotspot-global">
          {t('alerts.hot.global', { I: fmtNum(r.global.I, 3), z: fmtNum(r.global.z, 2), p: fmtP(r.global.pseudoP), seconds: fmtNum(r.seconds, 2) })}
        </Typography.Paragraph>
      )}
      <Row gutter={12}>
        <Col xs={24} lg={13}>
          <Table<Area> size="small" rowKey={(a) => a.path.join('/')} dataSource={areas} loading={result.loading && runs > 0} data-testid="hotspot-table"
            pagination={{ pageSize: 15, showSizeChanger: false }}
            columns={[
              { title: t('alerts.hot.area'), key: 'name', ellipsis: true, render: (_v, a) => a.path.join(' ') },
              { title: t('alerts.hot.count'), dataIndex: 'count', width: 80, align: 'right', render: (v: number) => v.toLocaleString() },
              { title: t('alerts.hot.z'), dataIndex: 'z', width: 70, align: 'right', render: (v: number | null) => fmtNum(v, 2) },
              { title: t('alerts.hot.p'), dataIndex: 'p', width: 70, align: 'right', render: (v: number) => fmtP(v) },
              { title: t('alerts.hot.q'), dataIndex: 'q', width: 80, align: 'right', render: (v: number) => fmtP(v) },
              { title: t('alerts.hot.clsCol'), dataIndex: 'cls', width: 120,
                render: (c: string) => <Tag style={classTagStyle(c)}>{t(`alerts.hot.cls.${c}`, { defaultValue: c })}</Tag> },
            ]} />
        </Col>
        <Col xs={24} lg={11}>
          <Card size="small" title={t('alerts.hot.map')}>
            <Choropleth features={geometry.data?.features ?? []} areas={(r?.areas ?? []).map((a) => ({ path: a.path, cls: a.cls, note: `z ${fmtNum(a.z, 2)}` }))} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
