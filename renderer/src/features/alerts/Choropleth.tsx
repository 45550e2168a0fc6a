import { useMemo } from 'react';
import { Empty, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HotspotResult } from '../../../../shared/api/areas/alerts';
import { CLASS_COLOR, classColor, classTagStyle, projectShapes } from './choropleth';

interface Feature { name: string; path: string[]; rings: [number, number][][] }

const W = 560;
const H = 420;
const pathKey = (p: string[]) => p.join('/');

/** The area polygons coloured by hot-spot class, with a legend of the classes present. */
export function Choropleth({ features, areas }: { features: Feature[]; areas: HotspotResult['areas'] }) {
  const { t } = useTranslation();
  const byKey = useMemo(() => new Map(areas.map((a) => [pathKey(a.path), a])), [areas]);
  const paths = useMemo(() => projectShapes(features.map((f) => ({ key: pathKey(f.path), rings: f.rings })), W, H), [features]);
  const present = useMemo(() => Object.keys(CLASS_COLOR).filter((c) => areas.some((a) => a.cls === c)), [areas]);
  if (paths.length === 0) return <Empty description={t('alerts.hot.noGeometry')} />;
  return (
    <div>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxHeight: H, background: '#fafafa' }} data-testid="hotspot-map" role="img" aria-label={t('alerts.hot.map')}>
        {paths.map((p) => {
          const a = byKey.get(p.key);
          return (
            <path key={p.key} d={p.d} fill={classColor(a?.cls)} stroke="#8c8c8c" strokeWidth={0.6} fillRule="evenodd" data-cls={a?.cls ?? 'ns'}>
              <title>{`${p.key.split('/').pop() ?? ''}${a ? ` · ${t(`alerts.hot.cls.${a.cls}`, { defaultValue: a.cls })} · z ${a.z?.toFixed(2) ?? '—'}` : ''}`}</title>
            </path>
          );
        })}
      </svg>
      <Flex gap={4} wrap style={{ marginTop: 6 }}>
        {present.map((c) => <Tag key={c} style={classTagStyle(c)}>{t(`alerts.hot.cls.${c}`)}</Tag>)}
      </Flex>
    </div>
  );
}
