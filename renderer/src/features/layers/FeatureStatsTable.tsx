import { useState } from 'react';
import { Alert, Button, Flex, Input, InputNumber, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LayerSummary } from '../../../../shared/api/areas/layers';
import { errorText } from '../../app/errors';
import { currentLocale } from '../../app/i18n';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { filterKey, useFilter } from '../../state/filters';
import { arrowRows, compareCells, pct, type Row } from './layers-data';

const num = (v: unknown, d = 1) => (v === null || v === undefined ? '—' : Number(v).toFixed(d));

/** Per-feature statistics under the global filter, with exports (CSV, GeoJSON, GeoPackage). */
export function FeatureStatsTable({ layer, reloadKey }: { layer: LayerSummary; reloadKey: string }) {
  const { t } = useTranslation();
  const filter = useFilter();
  const lines = layer.geometryType !== 'Polygon';
  const [buffer, setBuffer] = useState(50);
  const [out, setOut] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const bufferM = lines ? buffer : undefined;
  const stats = useAsync(async () => arrowRows(await api.call('layers.stats', { layerId: layer.id, filter, bufferM })), `${layer.id}|${filterKey(filter)}|${bufferM}|${reloadKey}`);
  const rows = stats.data ?? [];
  const total = rows.reduce((s, r) => s + Number(r.count ?? 0), 0);
  const exportAs = async (format: 'csv' | 'geojson' | 'gpkg') => {
    try {
      const r = await api.call('layers.exportStats', { layerId: layer.id, filter, bufferM, format, path: `${out.trim()}.${format}` });
      setNote({ ok: true, text: t('layers.stats.exported', { count: r.features, path: r.path }) });
    } catch (e) { setNote({ ok: false, text: errorText(e, currentLocale()) }); }
  };
  const sorter = (k: string) => (a: Row, b: Row) => compareCells(a[k], b[k]);
  return (
    <div data-testid="layers-stats">
      <Flex gap={12} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('layers.stats.filterNote')} · {t('layers.stats.total', { total })}</Typography.Text>
        {lines && <><Typography.Text type="secondary">{t('layers.stats.buffer')}</Typography.Text><InputNumber size="small" min={1} max={5000} value={buffer} onChange={(v) => setBuffer(v ?? 50)} /></>}
        <Input size="small" style={{ width: 320 }} placeholder={t('layers.stats.exportPlaceholder')} value={out} onChange={(e) => setOut(e.target.value)} data-testid="layers-export-path" />
        {(['csv', 'geojson', 'gpkg'] as const).map((f) => <Button key={f} size="small" disabled={!out.trim()} onClick={() => void exportAs(f)}>{f === 'gpkg' ? 'GeoPackage' : f.toUpperCase()}</Button>)}
      </Flex>
      {lines && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('layers.stats.bufferNote')}</Typography.Paragraph>}
      {note && <Alert style={{ marginBottom: 8 }} type={note.ok ? 'success' : 'error'} showIcon closable={{ onClose: () => setNote(null) }} title={note.text} />}
      {stats.error != null && <Alert type="error" showIcon title={errorText(stats.error, currentLocale())} />}
      <Table<Row> size="small" rowKey="featureId" loading={stats.loading} dataSource={rows} pagination={{ pageSize: 50, showSizeChanger: false }} scroll={{ y: 360 }}
        columns={[
          { title: t('layers.list.name'), dataIndex: 'name', sorter: sorter('name') },
          { title: t('layers.stats.count'), dataIndex: 'count', align: 'right', sorter: sorter('count'), defaultSortOrder: 'descend' },
          { title: t('layers.stats.prev'), dataIndex: 'prevCount', align: 'right', render: (v) => v ?? '—' },
          { title: t('layers.stats.change'), dataIndex: 'change', align: 'right', sorter: sorter('change'), render: (v) => pct(v as number | null) },
          { title: t('layers.stats.per1000'), dataIndex: 'per1000', align: 'right', sorter: sorter('per1000'), render: (v) => num(v, 2) },
          { title: t('layers.stats.per1000hh'), dataIndex: 'per1000Households', align: 'right', render: (v) => num(v, 2) },
          { title: t('layers.stats.medianClose'), dataIndex: 'medianCloseHours', align: 'right', sorter: sorter('medianCloseHours'), render: (v) => num(v, 1) },
          { title: t('layers.stats.topCategory'), dataIndex: 'topCategory', render: (v, r) => (v ? `${v} (${r.topCategoryCount})` : '—') },
        ]} />
    </div>
  );
}
