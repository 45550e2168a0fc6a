import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Flex, Segmented, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import type { Point } from 'geojson';
import type { Filter } from '../../../../shared/model/filter';
import { binSizeWorld, createBinner } from '../../../../shared/domain/spatial/bins';
import { xToLon, yToLat } from '../../../../shared/domain/spatial/mercator';
import { ScreenHeader } from '../../components/ScreenHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { filterKey, useFilter, useFilters } from '../../state/filters';
import { useFacets } from '../../state/facets';
import { useSession } from '../../state/session';
import { useLocale } from '../../app/useLocale';
import { BasemapControl } from './BasemapControl';
import { InfoDrawer, type Selection } from './InfoDrawer';
import { LayerPanel } from './LayerPanel';
import { Legend, legendEntries } from './Legend';
import { TimeBar } from './TimeBar';
import { areaRing, hideArea, showArea, unshiftFor, useDraw, type DrawMode } from './draw';
import { download, exportMapPng } from './export-png';
import { useMapStore } from './map-store';
import { useReferenceLayers } from './reference';
import { useSelectionOutline } from './selection-outline';
import { timeWindow, ymd } from './time-frames';
import { useDataLayers } from './useDataLayers';
import { useMapInstance } from './useMapInstance';
import { AddToReportButton } from '../reports/AddToReportButton';
import { blobToDataUrl } from '../reports/basket';
import './map.css';

const DIM_OF_KIND: Record<string, 'districts' | 'streets' | 'communities'> = { district: 'districts', street: 'streets', community: 'communities' };

/** 民声地图: the offline map workspace. Every layer follows the global filter (and the time frame). */
export function MapScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [locale] = useLocale();
  const globalFilter = useFilter();
  const setArea = useFilters((s) => s.setArea);
  const s = useMapStore();
  const facets = useFacets((f) => f.facets);
  const [basemapGen, setBasemapGen] = useState(0);
  const basemaps = useAsync(() => api.call('map.basemaps', {}), String(basemapGen));
  const win = timeWindow(s.time);
  const filter: Filter = useMemo(() => (win === null ? globalFilter
    : { ...globalFilter, from: Math.max(win[0], globalFilter.from ?? -Infinity), to: Math.min(win[1], globalFilter.to ?? Infinity) }),
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the window's bounds are its identity
  [globalFilter, win?.[0], win?.[1]]);
  const overview = useAsync(() => api.call('map.overview', { filter }), filterKey(filter));
  const allTime = useAsync(() => api.call('map.overview', { filter: {} }), 'all');
  // Layers do not depend on the filter: from the unfiltered overview, so a filter change redraws no reference layer.
  const layers = useMemo(() => allTime.data?.layers ?? [], [allTime.data]);
  const current = (basemaps.data ?? []).find((b) => b.id === s.basemap);
  const crs = current?.crs ?? 'wgs84';
  const container = useRef<HTMLDivElement>(null);
  const initial = allTime.data?.bbox ?? null;
  const { map, styleGen, view, fontOk } = useMapInstance(container, s.basemap, basemaps.data ?? [], locale === 'en' ? 'en' : 'zh-CN', initial);

  // Sensible first layers: the demo's communities as choropleth source, districts as reference.
  useEffect(() => {
    if (!layers.length || s.choropleth.layerId !== null) return;
    const community = layers.find((l) => l.kind === 'community') ?? layers.find((l) => DIM_OF_KIND[l.kind]);
    const district = layers.find((l) => l.kind === 'district');
    s.set({ choropleth: { ...s.choropleth, layerId: community?.id ?? null }, reference: district ? [district.id] : [] });
  }, [layers, s]);

  const categoryOrder = useMemo(() => (facets?.categories ?? []).filter((c) => c.level === 1).sort((a, b) => b.count - a.count), [facets]);
  const chKind = layers.find((l) => l.id === s.choropleth.layerId)?.kind ?? null;
  // The project's records as of its last change: layers are refetched when it changes, not on every visit.
  const project = useSession((p) => p.project);
  const dataStamp = project ? `${project.path}|${project.fileSizeBytes}|${project.counts.map((c) => c.rows).join(',')}` : '';
  const infos = useDataLayers(map, styleGen, view, filter, s, crs, categoryOrder.map((c) => c.id), chKind, dataStamp);
  useReferenceLayers(map, styleGen, s.reference, layers, crs);
  const legend = legendEntries(t, s.order, infos, categoryOrder);

  const [idle, setIdle] = useState(true);
  useEffect(() => {
    if (!map) return;
    const on = () => setIdle(true); const off = () => setIdle(false);
    map.on('idle', on); map.on('dataloading', off);
    return () => { map.off('idle', on); map.off('dataloading', off); };
  }, [map]);

  const [drawMode, setDrawMode] = useState<DrawMode | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  useDraw(map, drawMode, crs, (area) => {
    setDrawMode(null);
    setSelection({ title: t('map.info.area'), filter: { ...filter, area }, area });
  });

  useSelectionOutline(map, styleGen, selection?.area, crs);

  // The global area filter, outlined on the map.
  useEffect(() => {
    if (!map || !styleGen) return;
    const shift = (r: [number, number][]) => (crs === 'wgs84' ? r : r.map((p) => unshiftFor('wgs84')(p)));
    if (globalFilter.area) showArea(map, 'filter-area', shift(areaRing(globalFilter.area)), '#cf1322'); else hideArea(map, 'filter-area');
  }, [map, styleGen, globalFilter.area, crs]);

  useEffect(() => {
    if (!map || drawMode) return;
    const onClick = (e: { point: { x: number; y: number }; lngLat: { lng: number; lat: number } }) => {
      const hits = map.queryRenderedFeatures([e.point.x, e.point.y], { layers: ['d-points', 'd-hex', 'd-square', 'd-choropleth'].filter((l) => map.getLayer(l)) }) as MapGeoJSONFeature[];
      const f = hits[0];
      if (!f || !view) return;
      if (f.layer.id === 'd-points') {
        const [lon, lat] = unshiftFor(crs)((f.geometry as Point).coordinates as [number, number]);
        const area = { type: 'circle' as const, center: [lon, lat] as [number, number], radiusM: 15 };
        setSelection({ title: t('map.info.point'), filter: { ...filter, area }, area });
      } else if (f.layer.id === 'd-hex' || f.layer.id === 'd-square') {
        const kind = f.layer.id === 'd-hex' ? 'hex' : 'square';
        const b = createBinner(kind, binSizeWorld(view.zoom, s.hexPx));
        const ring = b.ring(b.key(Number(f.properties.cx), Number(f.properties.cy))).map(([x, y]) => [xToLon(x), yToLat(y)] as [number, number]);
        const area = { type: 'polygon' as const, ring: ring.slice(0, -1) };
        setSelection({ title: `${t('map.info.cell')} · ${Number(f.properties.count).toLocaleString()}`, filter: { ...filter, area }, area });
      } else {
        const dim = chKind ? DIM_OF_KIND[chKind] : undefined;
        if (dim) setSelection({ title: String(f.properties.name), filter: { ...filter, [dim]: [String(f.properties.name)] } });
      }
    };
    map.on('click', onClick);
    return () => { map.off('click', onClick); };
  }, [map, drawMode, view, filter, crs, s.hexPx, chKind, t]);

  const mapPng = async () => {
    if (!map) return null;
    const located = overview.data?.located ?? 0;
    return exportMapPng(map, legend, {
      title: t('map.export.title'), north: t('map.export.north'),
      subtitle: `${t('map.counts.located', { located: located.toLocaleString() })}${win !== null ? ` · ${t(s.time.frame !== null ? 'map.time.frame' : 'map.time.range', { from: ymd(filter.from!), to: ymd(filter.to! - 1) })}` : ''}`,
      footer: `${t('map.export.source', { name: current?.name ?? t(`map.basemap.${s.basemap === 'blank' ? 'blank' : 'bundled'}`) })} · Natural Earth${facets && overview.data ? '' : ''} · ${t('map.export.synthetic')}`,
    });
  };
  const exportPng = async () => {
    const blob = await mapPng();
    if (!blob) return;
    download(blob, `minsheng-map-${new Date().toISOString().slice(0, 10)}.png`);
    message.success(t('map.export.done'));
  };

  const layerCount = Object.values(infos).find((i) => i?.count !== null && i?.count !== undefined)?.count ?? null;
  return (
    <div data-testid="screen-map" className="ms-map-screen">
      <ScreenHeader screen="map" extra={
        <Space>
          {overview.data && <Tag color="geekblue" data-testid="map-located">{t('map.counts.located', { located: overview.data.located.toLocaleString() })}</Tag>}
          {globalFilter.area && <Button size="small" danger onClick={() => setArea(undefined)} data-testid="clear-area">{t('map.draw.clear')}</Button>}
          <Segmented size="small" value={drawMode ?? ''} onChange={(v) => setDrawMode((v || null) as DrawMode | null)} data-testid="draw-mode"
            options={[{ value: '', label: t('map.draw.title') }, ...(['rect', 'circle', 'polygon'] as const).map((m) => ({ value: m, label: t(`map.draw.${m}`) }))]} />
          <Button icon={<DownloadOutlined />} onClick={exportPng} data-testid="map-export">{t('map.export.button')}</Button>
          <AddToReportButton title={t('map.export.title')} source="map" kind="map" testId="map-add-report" snapshot={async () => { const b = await mapPng(); return b ? { png: await blobToDataUrl(b) } : null; }} />
        </Space>
      } />
      {fontOk === false && <Alert type="warning" showIcon title={t('map.fontMissing')} style={{ marginBottom: 8 }} />}
      {overview.error != null && <ErrorAlert error={overview.error} template="map.loadFailed" />}
      {Object.entries(infos).filter(([, i]) => i?.error).slice(0, 1).map(([id, i]) => <ErrorAlert key={id} error={i!.error} template="map.loadFailed" />)}
      <Flex gap={12} className="ms-map-body">
        <Card size="small" className="ms-map-side">
          <BasemapControl basemaps={basemaps.data ?? []} reload={() => setBasemapGen((g) => g + 1)} />
          <div style={{ height: 12 }} />
          <LayerPanel layers={layers} />
        </Card>
        <div className="ms-map-main">
          <div ref={container} className="ms-map-canvas" data-testid="map-canvas" data-idle={idle ? '1' : '0'} />
          <Legend entries={legend} />
          {drawMode && <div className="ms-map-hint">{t(`map.draw.hint.${drawMode}`)}</div>}
          {overview.data?.located === 0 && <div className="ms-map-hint">{t('map.empty')}</div>}
          <TimeBar range={allTime.data?.timeRange ?? { min: null, max: null }} idle={idle} count={win !== null ? layerCount : null} />
        </div>
      </Flex>
      <InfoDrawer selection={selection} onClose={() => setSelection(null)} onApplyArea={(a) => { setArea(a); setSelection(null); }} />
      <Typography.Text type="secondary" style={{ fontSize: 11 }}>© Natural Earth (public domain) · MapLibre GL JS</Typography.Text>
    </div>
  );
}
