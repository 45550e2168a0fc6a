import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DataLayerId } from './map-store';
import type { LayerInfo, LegendSpec } from './useDataLayers';
import { CATEGORY_COLORS, STATUS_COLORS } from './render';

const fmt = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString() : Math.abs(v) >= 1 ? v.toFixed(1) : v.toPrecision(2));

export interface LegendEntry { title: string; unit: string; rows: { color: string; label: string }[]; note?: string }

/** Legend rows of one layer, also used by the PNG export. */
export function legendEntry(t: TFunction, id: DataLayerId, spec: LegendSpec, categories: { id: number; name: string }[]): LegendEntry {
  const title = t(`map.layer.${id}`);
  const unit = t(`map.legend.${spec.unit === 'category' || spec.unit === 'status' ? 'records' : spec.unit}`);
  let rows: LegendEntry['rows'];
  if (spec.kind === 'classes' && spec.breaks) {
    let lo = Math.min(0, spec.breaks[0] ?? 0);
    rows = spec.breaks.map((b, i) => { const r = { color: spec.colors[i], label: i === 0 && lo === b ? fmt(b) : `${fmt(lo)} – ${fmt(b)}` }; lo = b; return r; });
  } else if (spec.kind === 'ramp') {
    rows = [{ color: spec.colors[0], label: t('map.legend.low') }, { color: spec.colors[spec.colors.length - 1], label: t('map.legend.high') }];
  } else if (spec.unit === 'status') {
    rows = Object.entries(STATUS_COLORS).map(([k, color]) => ({ color, label: t(`status.${k}`, { defaultValue: k }) }));
  } else {
    rows = categories.slice(0, 10).map((c, i) => ({ color: CATEGORY_COLORS[i % CATEGORY_COLORS.length], label: c.name }));
  }
  let note: string | undefined;
  if (spec.note === 'needRange' || spec.note === 'noPopulation') note = t(`map.choropleth.${spec.note}`);
  else if (id === 'density' && spec.note) { const [bw, cell] = spec.note.split('|'); note = t('map.density.legendNote', { bw, cell }); }
  else if (id === 'points' && spec.note) { const [shown, total] = spec.note.split('/'); note = t('map.points.capped', { shown, total }); }
  return { title, unit, rows, note };
}

/** The legend box over the map: one block per visible data layer, top layer first. */
export function Legend({ entries }: { entries: LegendEntry[] }) {
  const { t } = useTranslation();
  if (!entries.length) return null;
  return (
    <div className="ms-map-legend" data-testid="map-legend">
      <Typography.Text strong>{t('map.legend.title')}</Typography.Text>
      {entries.map((e) => (
        <div key={e.title} className="ms-map-legend-block">
          <div className="ms-map-legend-title">{e.title} <span>· {e.unit}</span></div>
          {e.rows.map((r) => (
            <div key={`${r.label}${r.color}`} className="ms-map-legend-row"><span className="ms-map-swatch" style={{ background: r.color }} />{r.label}</div>
          ))}
          {e.note && <div className="ms-map-legend-note">{e.note}</div>}
        </div>
      ))}
    </div>
  );
}

export function legendEntries(t: TFunction, order: readonly DataLayerId[], infos: Partial<Record<DataLayerId, LayerInfo>>, categories: { id: number; name: string }[]): LegendEntry[] {
  return [...order].reverse().flatMap((id) => { const spec = infos[id]?.legend; return spec ? [legendEntry(t, id, spec, categories)] : []; });
}
