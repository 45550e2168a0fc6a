import { Button, Checkbox, Flex, InputNumber, Select, Slider, Space, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MapLayer } from '../../../../shared/api/areas/map';
import { RAMP_NAMES, type RampName } from '../../../../shared/domain/spatial/ramps';
import { useMapStore, type DataLayerId } from './map-store';
import { POINTS_MIN_ZOOM } from './useDataLayers';

const POLYGON_KINDS = new Set(['district', 'street', 'community']);

function LayerOptions({ id, layers }: { id: DataLayerId; layers: readonly MapLayer[] }) {
  const { t } = useTranslation();
  const s = useMapStore();
  if (id === 'choropleth') {
    const polys = layers.filter((l) => POLYGON_KINDS.has(l.kind));
    const layer = polys.find((l) => l.id === s.choropleth.layerId);
    return (
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Select size="small" placeholder={t('map.choropleth.pick')} value={s.choropleth.layerId ?? undefined} data-testid="choropleth-layer"
          options={polys.map((l) => ({ value: l.id, label: l.name }))} onChange={(v) => s.set({ choropleth: { ...s.choropleth, layerId: v } })} />
        <Select size="small" value={s.choropleth.measure} onChange={(v) => s.set({ choropleth: { ...s.choropleth, measure: v } })}
          options={(['count', 'rate', 'change'] as const).map((m) => ({ value: m, label: t(`map.choropleth.${m}`), disabled: m === 'rate' && layer !== undefined && !layer.hasPopulation }))} />
        <Flex gap={4}>
          <Select size="small" style={{ flex: 1 }} value={s.choropleth.method} onChange={(v) => s.set({ choropleth: { ...s.choropleth, method: v } })}
            options={(['jenks', 'quantile', 'equal'] as const).map((m) => ({ value: m, label: t(`map.choropleth.${m}`) }))} />
          <InputNumber size="small" min={2} max={9} value={s.choropleth.classes} style={{ width: 56 }} aria-label={t('map.choropleth.classes')}
            onChange={(v) => s.set({ choropleth: { ...s.choropleth, classes: Number(v) || 5 } })} />
        </Flex>
      </Space>
    );
  }
  if (id === 'points') {
    return (
      <Space direction="vertical" size={2}>
        <Select size="small" value={s.colorBy} onChange={(v) => s.set({ colorBy: v })}
          options={(['category', 'status'] as const).map((c) => ({ value: c, label: `${t('map.points.colorBy')}：${t(`map.points.${c}`)}` }))} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('map.points.zoomIn', { zoom: POINTS_MIN_ZOOM })}</Typography.Text>
      </Space>
    );
  }
  if (id === 'density') {
    return (
      <Flex gap={4} align="center" wrap>
        <Typography.Text style={{ fontSize: 12 }}>{t('map.density.bandwidth')}</Typography.Text>
        <InputNumber size="small" min={50} max={20000} step={100} placeholder={t('map.density.auto')} value={s.density.bandwidthM ?? undefined} data-testid="density-bandwidth"
          onChange={(v) => s.set({ density: { ...s.density, bandwidthM: v ? Number(v) : null } })} />
        <Typography.Text style={{ fontSize: 12 }}>{t('map.density.cell')}</Typography.Text>
        <Select size="small" value={s.density.cellPx} data-testid="density-cell" style={{ width: 56 }}
          options={[2, 4, 8, 16].map((v) => ({ value: v, label: String(v) }))} onChange={(v) => s.set({ density: { ...s.density, cellPx: v } })} />
      </Flex>
    );
  }
  if (id === 'hex' || id === 'square') {
    return (
      <Flex gap={4} align="center">
        <Typography.Text style={{ fontSize: 12 }}>{t('map.hexPx')}</Typography.Text>
        <Slider style={{ flex: 1 }} min={8} max={80} value={s.hexPx} onChange={(v) => s.set({ hexPx: v })} />
      </Flex>
    );
  }
  return null;
}

/** Toggle, order, opacity and colour ramp of every data layer, plus the project's reference layers. */
export function LayerPanel({ layers }: { layers: readonly MapLayer[] }) {
  const { t } = useTranslation();
  const s = useMapStore();
  const topFirst = [...s.order].reverse();
  return (
    <div data-testid="map-layer-panel">
      <Typography.Text strong>{t('map.layers.data')}</Typography.Text>
      {topFirst.map((id, i) => {
        const l = s.layers[id];
        return (
          <div key={id} className="ms-map-layer" data-testid={`map-layer-${id}`}>
            <Flex justify="space-between" align="center">
              <Checkbox checked={l.visible} onChange={(e) => s.setLayer(id, { visible: e.target.checked })} data-testid={`toggle-${id}`}>{t(`map.layer.${id}`)}</Checkbox>
              <Tooltip title={t('map.layers.order')}>
                <Space size={0}>
                  <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => s.move(id, 1)} aria-label="up" />
                  <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === topFirst.length - 1} onClick={() => s.move(id, -1)} aria-label="down" />
                </Space>
              </Tooltip>
            </Flex>
            {l.visible && (
              <Space direction="vertical" size={2} style={{ width: '100%', paddingInlineStart: 24 }}>
                <Flex gap={6} align="center">
                  <Slider style={{ flex: 1, margin: '4px 0' }} min={0.1} max={1} step={0.05} value={l.opacity} onChange={(v) => s.setLayer(id, { opacity: v })} aria-label={t('map.layers.opacity')} />
                  {id !== 'points' && (
                    <Select size="small" style={{ width: 104 }} value={l.ramp} onChange={(v: RampName) => s.setLayer(id, { ramp: v })}
                      options={RAMP_NAMES.map((r) => ({ value: r, label: t(`map.ramps.${r}`) }))} />
                  )}
                </Flex>
                <LayerOptions id={id} layers={layers} />
              </Space>
            )}
          </div>
        );
      })}
      <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>{t('map.layers.reference')}</Typography.Text>
      {layers.length === 0 && <Typography.Text type="secondary">{t('map.layers.none')}</Typography.Text>}
      {layers.map((l) => (
        <div key={l.id}>
          <Checkbox checked={s.reference.includes(l.id)} data-testid={`reference-${l.id}`}
            onChange={(e) => s.set({ reference: e.target.checked ? [...s.reference, l.id] : s.reference.filter((x) => x !== l.id) })}>
            {l.name} <Typography.Text type="secondary">({l.features})</Typography.Text>
          </Checkbox>
        </div>
      ))}
    </div>
  );
}
