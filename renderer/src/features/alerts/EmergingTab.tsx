import { useState } from 'react';
import { Button, Card, Col, Flex, InputNumber, Row, Segmented, Slider, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EmergingResult } from '../../../../shared/api/areas/alerts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { filterKey, useFilter } from '../../state/filters';
import { Choropleth } from './Choropleth';
import { CLASS_COLOR, EMERGING_COLOR, classColor, classTagStyle } from './choropleth';
import { fmtNum, fmtP } from './format';
import { LevelPicker, type Level } from './LevelPicker';

type Area = EmergingResult['areas'][number];
const LABEL_ORDER = ['intensifying', 'new', 'consecutive', 'persistent', 'sporadic', 'diminishing', 'historical', 'none'];

/** Gi* class per period in small squares, oldest first. */
function PeriodStrip({ a, periods }: { a: Area; periods: EmergingResult['periods'] }) {
  return (
    <Flex gap={2} data-testid="emerging-strip">
      {a.classes.map((c, k) => (
        <span key={k} title={`${periods[k]?.from ?? ''} — ${periods[k]?.to ?? ''}: ${c} (z ${fmtNum(a.z[k], 2)})`}
          style={{ width: 10, height: 14, background: classColor(c), border: '1px solid #d9d9d9', display: 'inline-block' }} />
      ))}
    </Flex>
  );
}

/** Emerging hot spots: Gi* per area per period and a Mann–Kendall trend, labelled; map by label or by one period's class. */
export function EmergingTab() {
  const { t } = useTranslation();
  const filter = useFilter();
  const [level, setLevel] = useState<Level>('street');
  const [periodDays, setPeriodDays] = useState(7);
  const [periods, setPeriods] = useState(12);
  const [runs, setRuns] = useState(0);
  const [shown, setShown] = useState<number | 'label'>('label');
  const result = useAsync(() => (runs === 0 ? Promise.resolve(null) : api.call('hotspots.emerging', { filter, level, periodDays, periods })),
    `${runs}|${filterKey(filter)}`);
  const geometry = useAsync(() => api.call('hotspots.geometry', { level }), level);
  const r = result.data;
  const areas = [...(r?.areas ?? [])].sort((a, b) => LABEL_ORDER.indexOf(a.label) - LABEL_ORDER.indexOf(b.label) || b.hotPeriods - a.hotPeriods || b.trendZ - a.trendZ);
  const k = shown === 'label' ? null : Math.min(shown, (r?.periods.length ?? 1) - 1);
  const mapAreas = areas.map((a) => (k === null
    ? { path: a.path, cls: a.label, note: t('alerts.emerging.hotCount', { n: a.hotPeriods }) }
    : { path: a.path, cls: a.classes[k] ?? 'ns', note: `z ${fmtNum(a.z[k], 2)}` }));
  return (
    <div data-testid="alerts-emerging">
      <Typography.Paragraph type="secondary">{t('alerts.emerging.hint')}</Typography.Paragraph>
      <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
        <LevelPicker value={level} onChange={setLevel} testId="emerging-level" />
        <span>{t('alerts.emerging.periodDays')}</span>
        <InputNumber min={1} max={92} value={periodDays} onChange={(v) => setPeriodDays(v ?? 7)} style={{ width: 80 }} />
        <span>{t('alerts.emerging.periods')}</span>
        <InputNumber min={3} max={104} value={periods} onChange={(v) => setPeriods(v ?? 12)} style={{ width: 80 }} />
        <Button type="primary" loading={result.loading && runs > 0} onClick={() => { setShown('label'); setRuns((n) => n + 1); }} data-testid="emerging-run">{t('alerts.hot.run')}</Button>
      </Flex>
      {result.error != null && <ErrorAlert error={result.error} />}
      {r && (
        <Typography.Paragraph data-testid="emerging-params">
          {t('alerts.emerging.params', {
            level: t(`alerts.areaLevel.${String(r.params.level)}`), periods: r.periods.length, days: String(r.params.periodDays),
            from: r.periods[0]?.from ?? '—', to: r.periods[r.periods.length - 1]?.to ?? '—',
            pmethod: Number(r.params.permutations) > 0 ? t('alerts.emerging.pPerm', { n: Number(r.params.permutations) }) : t('alerts.emerging.pNormal'),
          })}
        </Typography.Paragraph>
      )}
      <Row gutter={12}>
        <Col xs={24} lg={13}>
          <Table<Area> size="small" rowKey={(a) => a.path.join('/')} dataSource={areas} loading={result.loading && runs > 0} data-testid="emerging-table"
            pagination={{ pageSize: 15, showSizeChanger: false }}
            columns={[
              { title: t('alerts.hot.area'), key: 'name', ellipsis: true, render: (_v, a) => a.path.join(' ') },
              { title: t('alerts.emerging.label'), dataIndex: 'label', width: 110,
                render: (c: string) => <Tag style={classTagStyle(c, EMERGING_COLOR)}>{t(`alerts.emerging.cls.${c}`, { defaultValue: c })}</Tag> },
              { title: t('alerts.emerging.strip'), key: 'strip', width: 12 * Math.max(periods, 4) + 20, render: (_v, a) => <PeriodStrip a={a} periods={r?.periods ?? []} /> },
              { title: t('alerts.emerging.trendZ'), dataIndex: 'trendZ', width: 80, align: 'right', render: (v: number) => fmtNum(v, 2) },
              { title: t('alerts.emerging.trendP'), dataIndex: 'trendP', width: 80, align: 'right', render: (v: number) => fmtP(v) },
            ]} />
        </Col>
        <Col xs={24} lg={11}>
          <Card size="small" title={k === null ? t('alerts.emerging.mapLabel') : t('alerts.emerging.mapPeriod', { from: r?.periods[k]?.from, to: r?.periods[k]?.to })}>
            {r && r.periods.length > 0 && (
              <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
                <Segmented<'label' | 'period'> value={shown === 'label' ? 'label' : 'period'} data-testid="emerging-mode"
                  onChange={(v) => setShown(v === 'label' ? 'label' : r.periods.length - 1)}
                  options={[{ value: 'label', label: t('alerts.emerging.byLabel') }, { value: 'period', label: t('alerts.emerging.byPeriod') }]} />
                {k !== null && <Slider style={{ flex: 1 }} min={0} max={r.periods.length - 1} value={k} onChange={(v) => setShown(v)}
                  tooltip={{ formatter: (v) => r.periods[v ?? 0]?.from }} />}
              </Flex>
            )}
            <Choropleth features={geometry.data?.features ?? []} areas={mapAreas} testId="emerging-map"
              palette={k === null ? EMERGING_COLOR : CLASS_COLOR} labels={k === null ? 'alerts.emerging.cls' : 'alerts.hot.cls'} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
