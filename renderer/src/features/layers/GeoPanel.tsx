import { useState } from 'react';
import { Button, Card, Col, Flex, InputNumber, Row, Select, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GeoRoleName, GeoState } from '../../../../shared/api/areas/layers';
import { GazetteerPanel } from './GazetteerPanel';
import { pct } from './layers-data';

const ROLES: GeoRoleName[] = ['district', 'street', 'community', 'road'];
type RoleChoice = number | 'off';

interface Props { state: GeoState; busy: boolean; onOverlay: (roles: Partial<Record<GeoRoleName, number | null>>, thresholdM: number) => void; onGeocode: () => void }

/** Which layer plays each role, the road threshold, the overlay's counts, and offline geocoding with its error figures. */
export function GeoPanel({ state, busy, onOverlay, onGeocode }: Props) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Partial<Record<GeoRoleName, RoleChoice>>>({});
  const [threshold, setThreshold] = useState<number>(state.roadThresholdM);
  const g = state.geocode;
  const a = state.assigned;
  const run = () => {
    const roles: Partial<Record<GeoRoleName, number | null>> = {};
    for (const r of ROLES) { const c = choice[r]; if (c === 'off') roles[r] = null; else if (typeof c === 'number') roles[r] = c; }
    onOverlay(roles, threshold);
  };
  const dis = state.overlay?.disagreements;
  return (
    <Card size="small" title={t('layers.geo.title')} data-testid="layers-geo">
      <Flex gap={8} wrap align="end">
        {ROLES.map((r) => {
          const fits = state.layers.filter((l) => (r === 'road' ? l.geometryType === 'LineString' : l.geometryType === 'Polygon'));
          return (
            <div key={r} style={{ minWidth: 170 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('layers.geo.roleFor', { role: t(`layers.roles.${r}`) })}</Typography.Text>
              <Select<RoleChoice> size="small" style={{ width: '100%' }} data-testid={`layers-role-${r}`} value={choice[r] ?? state.roles[r] ?? 'off'}
                onChange={(v) => setChoice((c) => ({ ...c, [r]: v }))}
                options={[{ value: 'off', label: t('layers.geo.off') }, ...fits.map((l) => ({ value: l.id, label: l.name }))]} />
            </div>
          );
        })}
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('layers.geo.threshold')}</Typography.Text><br />
          <InputNumber size="small" min={1} max={5000} value={threshold} onChange={(v) => setThreshold(v ?? 50)} data-testid="layers-threshold" />
        </div>
        <Button type="primary" size="small" disabled={busy} onClick={run} data-testid="layers-run-overlay">{t('layers.geo.runOverlay')}</Button>
      </Flex>
      <Row gutter={16} style={{ marginTop: 12 }} data-testid="layers-overlay-figures">
        <Col span={4}><Statistic title={t('layers.geo.located')} value={a.located} /></Col>
        {ROLES.map((r) => <Col span={4} key={r}><Statistic title={t('layers.geo.assigned', { role: t(`layers.roles.${r}`) })} value={a.byRole[r]} /></Col>)}
        <Col span={4}><Statistic title={t('layers.geo.unmatched')} value={a.unmatched} /></Col>
      </Row>
      {dis && (['district', 'street', 'community'] as const).filter((r) => dis[r].compared > 0).map((r) => (
        <Typography.Paragraph key={r} type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
          {t('layers.geo.disagreements', { role: t(`layers.roles.${r}`), total: dis[r].total, compared: dis[r].compared })}
          {dis[r].top.length > 0 && ` — ${dis[r].top.slice(0, 3).map((d) => `${d.text} → ${d.place} (${d.count})`).join('；')}`}
        </Typography.Paragraph>
      ))}
      <Flex gap={16} align="center" style={{ marginTop: 16 }} wrap>
        <Button disabled={busy} onClick={onGeocode} data-testid="layers-run-geocode">{t('layers.geo.runGeocode')}</Button>
        {g ? (
          <Row gutter={16} style={{ flex: 1 }} data-testid="layers-geocode-figures">
            <Col span={6}><Statistic title={t('layers.geo.matchRate')} value={pct(g.matchRate)} /></Col>
            <Col span={6}><Statistic title={t('layers.geo.median')} value={g.holdout.medianM === null ? '—' : t('layers.geo.metres', { value: g.holdout.medianM })} /></Col>
            <Col span={6}><Statistic title={t('layers.geo.p90')} value={g.holdout.p90M === null ? '—' : t('layers.geo.metres', { value: g.holdout.p90M })} /></Col>
            <Col span={6}><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('layers.geo.matched', { matched: g.matched, candidates: g.candidates })}<br />
              {t('layers.geo.holdout', { sampled: g.holdout.sampled })}</Typography.Text></Col>
            {g.gazetteer && <Col span={24}><Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="layers-geocode-gazetteer">
              {t('layers.geo.byGazetteer', { count: g.byMethod.gazetteer ?? 0, recognised: g.gazetteer.recognised, filled: g.gazetteer.filled })}
              {g.gazetteer.regionName ? ` · ${g.gazetteer.regionName}` : ''}</Typography.Text></Col>}
          </Row>
        ) : <Typography.Text type="secondary">{t('layers.geo.never')}</Typography.Text>}
      </Flex>
      <GazetteerPanel busy={busy} reloadKey={String(g?.at ?? 0)} />
    </Card>
  );
}
