import { useMemo } from 'react';
import { Empty, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLASS_COLOR, classColor, classTagStyle, projectShapes } from './choropleth';

interface Feature { name: string; path: string[]; rings: [number, number][][] }
/** One area's class on the map and an optional note for its tooltip. */
export interface MapArea { path: string[]; cls: string; note?: string }

const W = 560;
const H = 420;
const pathKey = (p: string[]) => p.join('/');

/**
 * The area polygons coloured by class, with a legend of the classes present. `palette` maps classes
 * to colours (default: the hot-spot classes) and `labels` is the i18n prefix of their names.
 */
export function Choropleth({ features, areas, palette = CLASS_COLOR, labels = 'alerts.hot.cls', testId = 'hotspot-map' }: {
  features: Feature[]; areas: MapArea[]; palette?: Record<string, string>; labels?: string; testId?: string;
}) {
  const { t } = useTranslation();
  const byKey = useMemo(() => new Map(areas.map((a) => [pathKey(a.path), a])), [areas]);
  const paths = useMemo(() => projectShapes(features.map((f) => ({ key: pathKey(f.path), rings: f.rings })), W, H), [features]);
  const present = useMemo(() => Object.keys(palette).filter((c) => areas.some((a) => a.cls === c)), [areas, palette]);
  if (paths.length === 0) return <Empty description={t('alerts.hot.noGeometry')} />;
  return (
    <div>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxHeight: H, background: '#fafafa' }} data-testid={testId} role="img" aria-label={t('alerts.hot.map')}>
        {paths.map((p) => {
          const a = byKey.get(p.key);
          return (
            <path key={p.key} d={p.d} fill={classColor(a?.cls, palette)} stroke="#8c8c8c" strokeWidth={0.6} fillRule="evenodd" data-cls={a?.cls ?? 'ns'}>
              <title>{`${p.key.split('/').pop() ?? ''}${a ? ` · ${t(`${labels}.${a.cls}`, { defaultValue: a.cls })}${a.note ? ` · ${a.note}` : ''}` : ''}`}</title>
            </path>
          );
        })}
      </svg>
      <Flex gap={4} wrap style={{ marginTop: 6 }}>
        {present.map((c) => <Tag key={c} style={classTagStyle(c, palette)}>{t(`${labels}.${c}`)}</Tag>)}
      </Flex>
    </div>
  );
}
