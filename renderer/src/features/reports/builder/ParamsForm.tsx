import { Checkbox, Form, Input, InputNumber, Segmented, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Section } from '../../../../../shared/domain/report/spec';
import { currentLocale } from '../../../app/i18n';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { useBasket } from '../basket';

type Patch = (p: Record<string, unknown>) => void;
const item = { style: { marginBottom: 8 } };

function Num({ label, value, min, max, on }: { label: string; value: number; min: number; max: number; on(v: number): void }) {
  return <Form.Item label={label} {...item}><InputNumber min={min} max={max} value={value} onChange={(v) => { if (typeof v === 'number') on(v); }} /></Form.Item>;
}

function EvaluationRun({ value, on }: { value: number | 'latest'; on(v: number | 'latest'): void }) {
  const { t } = useTranslation();
  const runs = useAsync(() => api.call('evaluation.listRuns', {}), 'runs');
  const lang = currentLocale() === 'en' ? 'en' : 'zh';
  return (
    <Form.Item label={t('report.editor.run')} {...item}>
      <Select<number | 'latest'> value={value} onChange={on} loading={runs.loading} style={{ width: '100%' }}
        options={[{ value: 'latest' as const, label: t('report.editor.latest') }, ...(runs.data ?? []).map((r) => ({
          value: r.id, label: `#${r.id} ${r.schemeName[lang]} · ${new Date(r.createdAt).toISOString().slice(0, 10)}`,
        }))]} />
    </Form.Item>
  );
}

function ItemPick({ value, on }: { value: string; on(v: string): void }) {
  const { t } = useTranslation();
  const items = useBasket((s) => s.items) ?? [];
  return (
    <Form.Item label={t('report.editor.item')} {...item} extra={items.length ? undefined : t('report.editor.noItems')}>
      <Select value={items.some((i) => i.id === value) ? value : undefined} placeholder={t('report.editor.itemPick')} onChange={on} style={{ width: '100%' }}
        data-testid="report-item-pick" options={items.map((i) => ({ value: i.id, label: `${i.title} · ${t(`report.basket.sources.${i.source}`, { defaultValue: i.source })}` }))} />
    </Form.Item>
  );
}

/** The kind-specific parameters of one section. */
export function ParamsForm({ section: s, patch }: { section: Section; patch: Patch }) {
  const { t } = useTranslation();
  switch (s.kind) {
    case 'trend': return (<>
      <Form.Item label={t('report.editor.granularity')} {...item}>
        <Segmented value={s.params.granularity} onChange={(v) => patch({ granularity: v })}
          options={(['auto', 'day', 'week', 'month', 'quarter'] as const).map((g) => ({ value: g, label: t(`report.editor.gran.${g}`) }))} />
      </Form.Item>
      <Form.Item {...item}><Switch size="small" checked={s.params.bySource} onChange={(v) => patch({ bySource: v })} /> {t('report.editor.bySource')}</Form.Item>
    </>);
    case 'categories': return (<>
      <Form.Item label={t('report.editor.level')} {...item}>
        <Segmented value={s.params.level} onChange={(v) => patch({ level: v })} options={([1, 2, 3] as const).map((l) => ({ value: l, label: t(`report.editor.levels.${l}`) }))} />
      </Form.Item>
      <Num label={t('report.editor.top')} value={s.params.topN} min={3} max={30} on={(v) => patch({ topN: v })} />
    </>);
    case 'performance': return (<>
      <Form.Item label={t('report.editor.by')} {...item}>
        <Segmented value={s.params.by} onChange={(v) => patch({ by: v })} options={(['department', 'district'] as const).map((b) => ({ value: b, label: t(`report.editor.byKinds.${b}`) }))} />
      </Form.Item>
      <Num label={t('report.editor.top')} value={s.params.topN} min={3} max={50} on={(v) => patch({ topN: v })} />
    </>);
    case 'map': return (<>
      <Form.Item label={t('report.editor.mode')} {...item}>
        <Segmented value={s.params.mode} onChange={(v) => patch({ mode: v })} data-testid="report-map-mode"
          options={(['heat', 'choropleth', 'hotspots'] as const).map((m) => ({ value: m, label: t(`report.editor.modes.${m}`) }))} />
      </Form.Item>
      <Form.Item label={t('report.editor.mapLevel')} {...item}>
        <Segmented value={s.params.level} onChange={(v) => patch({ level: v })} options={(['district', 'street', 'community'] as const).map((l) => ({ value: l, label: t(`report.editor.mapLevels.${l}`) }))} />
      </Form.Item>
    </>);
    case 'text': return (<>
      <Form.Item label={t('report.editor.show')} {...item}>
        <Checkbox.Group value={s.params.show} onChange={(v) => { if (v.length) patch({ show: v }); }}
          options={(['keywords', 'cloud', 'emerging', 'messages'] as const).map((x) => ({ value: x, label: t(`report.editor.shows.${x}`) }))} />
      </Form.Item>
      <Num label={t('report.editor.n')} value={s.params.n} min={1} max={50} on={(v) => patch({ n: v })} />
    </>);
    case 'alerts': return (<>
      <Form.Item label={t('report.editor.alertsWhich')} {...item}>
        <Segmented value={s.params.which} onChange={(v) => patch({ which: v })} options={(['all', 'open', 'handled'] as const).map((w) => ({ value: w, label: t(`report.editor.alertsStates.${w}`) }))} />
      </Form.Item>
      <Num label={t('report.editor.limit')} value={s.params.limit} min={1} max={200} on={(v) => patch({ limit: v })} />
    </>);
    case 'evaluation': return (<>
      <EvaluationRun value={s.params.runId} on={(v) => patch({ runId: v })} />
      <Num label={t('report.editor.top')} value={s.params.topN} min={3} max={100} on={(v) => patch({ topN: v })} />
    </>);
    case 'commentary': return (
      <Form.Item label={t('report.editor.text')} {...item}>
        <Input.TextArea rows={10} value={s.params.text} maxLength={20_000} showCount placeholder={t('report.editor.textPlaceholder')}
          onChange={(e) => patch({ text: e.target.value })} data-testid="report-commentary" />
      </Form.Item>
    );
    case 'item': return <ItemPick value={s.params.itemId} on={(v) => patch({ itemId: v })} />;
    default: return null;
  }
}
