import { useState } from 'react';
import { App, Button, Flex, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Basemap } from '../../../../shared/api/areas/map';
import { api } from '../../platform/select';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMapStore } from './map-store';

/** Basemap choice: bundled, blank, or an MBTiles/PMTiles file from disk with its coordinate system. */
export function BasemapControl({ basemaps, reload }: { basemaps: Basemap[]; reload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { basemap, set } = useMapStore();
  const [path, setPath] = useState('');
  const [crs, setCrs] = useState<'wgs84' | 'gcj02'>('wgs84');
  const [error, setError] = useState<unknown>(null);
  const current = basemaps.find((b) => b.id === basemap);
  const crsOptions = (['wgs84', 'gcj02'] as const).map((c) => ({ value: c, label: t(`map.basemap.${c}`) }));
  const add = async () => {
    setError(null);
    try {
      const b = await api.call('map.addBasemap', { path: path.trim(), crs });
      message.success(t('map.basemap.added', { name: b.name }));
      setPath(''); reload(); set({ basemap: b.id });
    } catch (e) { setError(e); }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="basemap-control">
      <Typography.Text strong>{t('map.basemap.title')}</Typography.Text>
      <Select style={{ width: '100%' }} value={basemap} onChange={(v) => set({ basemap: v })} data-testid="basemap-select"
        options={[{ value: 'bundled', label: t('map.basemap.bundled') }, { value: 'blank', label: t('map.basemap.blank') },
          ...basemaps.map((b) => ({ value: b.id, label: `${b.name} (${b.format}, ${b.kind})` }))]} />
      {current && (
        <Flex gap={6} align="center">
          <Typography.Text style={{ fontSize: 12 }}>{t('map.basemap.crs')}</Typography.Text>
          <Select size="small" style={{ flex: 1 }} value={current.crs} options={crsOptions} data-testid="basemap-crs"
            onChange={async (v) => { await api.call('map.updateBasemap', { id: current.id, crs: v }); reload(); }} />
          <Button size="small" danger onClick={async () => { await api.call('map.removeBasemap', { id: current.id }); set({ basemap: 'bundled' }); reload(); }}>{t('map.basemap.remove')}</Button>
        </Flex>
      )}
      {current?.crs === 'gcj02' && <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('map.basemap.shiftNote')}</Typography.Text>}
      <Input size="small" placeholder={t('map.basemap.path')} value={path} onChange={(e) => setPath(e.target.value)} data-testid="basemap-path" />
      <Flex gap={6}>
        <Select size="small" style={{ flex: 1 }} value={crs} onChange={setCrs} options={crsOptions} />
        <Button size="small" onClick={add} disabled={!path.trim()} data-testid="basemap-add">{t('map.basemap.add')}</Button>
      </Flex>
      {error != null && <ErrorAlert error={error} template="map.loadFailed" />}
    </Space>
  );
}
