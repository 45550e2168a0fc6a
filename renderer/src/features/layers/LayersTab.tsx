import { useState } from 'react';
import { Alert, Card, Col, Row, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/errors';
import { currentLocale } from '../../app/i18n';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { JobBanner } from '../import/common/JobBanner';
import { useJobRunner, useProjectKey } from '../import/hooks';
import { AddLayerCard } from './AddLayerCard';
import { AttributeTable } from './AttributeTable';
import { FeatureStatsTable } from './FeatureStatsTable';
import { GeoPanel } from './GeoPanel';
import { LayerList } from './LayerList';
import { ProblemsList } from './ProblemsList';
import { arrowRows } from './layers-data';

const JOB_TEXT: Record<string, { running: string; done: string }> = {
  'layers.add': { running: 'layers.add.importing', done: 'layers.add.imported' },
  'layers.remove': { running: 'layers.list.removing', done: 'layers.list.removed' },
  'layers.overlay': { running: 'layers.geo.overlaying', done: 'layers.geo.overlaid' },
  'layers.geocode': { running: 'layers.geo.geocoding', done: 'layers.geo.geocoded' },
};

/** 参考图层: import layers, choose the overlay roles, geocode, and inspect each layer (attributes, problems, statistics). */
export function LayersTab() {
  const { t } = useTranslation();
  const projectKey = useProjectKey();
  const [reload, setReload] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const jobs = useJobRunner(() => setReload((n) => n + 1));
  const key = `${projectKey}|${reload}`;
  const state = useAsync(() => api.call('layers.list', {}), key);
  const layer = state.data?.layers.find((l) => l.id === selected) ?? null;
  const detail = useAsync(async () => (layer ? {
    info: await api.call('layers.get', { layerId: layer.id }),
    features: arrowRows(await api.call('layers.features', { layerId: layer.id })),
  } : null), `${key}|${layer?.id ?? 0}`);
  const text = JOB_TEXT[jobs.run?.kind ?? ''] ?? JOB_TEXT['layers.add'];

  return (
    <div data-testid="import-layers">
      <JobBanner run={jobs.run} runningText={text.running} doneText={text.done} onCancel={() => void jobs.cancel()} onClose={jobs.clear} testId="layers-job" />
      {state.error != null && <Alert type="error" showIcon title={errorText(state.error, currentLocale())} style={{ marginBottom: 12 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={9}><AddLayerCard busy={jobs.running} onAdd={(input) => void jobs.start('layers.add', () => api.call('layers.add', input))} /></Col>
        <Col xs={24} xxl={15}>
          <LayerList layers={state.data?.layers ?? []} selected={selected} busy={jobs.running} onSelect={setSelected}
            onRemove={(l) => { if (l.id === selected) setSelected(null); void jobs.start('layers.remove', () => api.call('layers.remove', { layerId: l.id })); }} />
        </Col>
        <Col span={24}>
          {state.data && <GeoPanel key={key} state={state.data} busy={jobs.running}
            onOverlay={(roles, roadThresholdM) => void jobs.start('layers.overlay', () => api.call('layers.overlay', { roles, roadThresholdM }))}
            onGeocode={() => void jobs.start('layers.geocode', () => api.call('layers.geocode', {}))} />}
        </Col>
        <Col span={24}>
          <Card size="small" title={layer ? t('layers.detail.title', { name: layer.name }) : t('layers.detail.title', { name: '—' })} data-testid="layers-detail">
            {!layer && <Typography.Text type="secondary">{t('layers.detail.pick')}</Typography.Text>}
            {layer && detail.data && (
              <Tabs size="small" destroyOnHidden items={[
                { key: 'stats', label: t('layers.detail.stats'), children: <FeatureStatsTable layer={layer} reloadKey={key} /> },
                { key: 'attributes', label: t('layers.detail.attributes'), children: <AttributeTable rows={detail.data.features} /> },
                { key: 'problems', label: <span data-testid="layers-tab-problems">{t('layers.detail.problems')}</span>, children: <ProblemsList detail={detail.data.info} features={detail.data.features} /> },
              ]} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
