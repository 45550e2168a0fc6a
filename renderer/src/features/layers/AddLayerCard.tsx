import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../../shared/api/contract';
import { errorText } from '../../app/errors';
import { currentLocale } from '../../app/i18n';
import { api } from '../../platform/select';

type Preview = OutputOf<'layers.preview'>;
type AddInput = InputOf<'layers.add'>;
const KINDS = ['community', 'street', 'district', 'road', 'poi', 'custom'] as const;

/** Path → preview (fields, declared system, geometry counts) → kind, fields and system → import job. */
export function AddLayerCard({ busy, onAdd }: { busy: boolean; onAdd: (input: AddInput) => void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [form, setForm] = useState<Partial<AddInput>>({ kind: 'community' });

  const load = async () => {
    setLoading(true); setError(null); setPreview(null);
    try {
      const p = await api.call('layers.preview', { path: path.trim() });
      setPreview(p);
      setForm({ kind: 'community', name: p.fileName.replace(/\.[^.]+$/, ''), nameField: p.suggestions.nameField ?? undefined, codeField: p.suggestions.codeField ?? undefined,
        populationField: p.suggestions.populationField ?? undefined, householdsField: p.suggestions.householdsField ?? undefined,
        crs: p.crs?.code ?? (p.assumedWgs84 ? 'wgs84' : undefined) });
    } catch (e) { setError(e); } finally { setLoading(false); }
  };
  const fieldOptions = [{ value: '', label: t('layers.add.none') }, ...(preview?.fields ?? []).map((f) => ({ value: f.name, label: `${f.name}${f.sample.length ? ` · ${f.sample.slice(0, 2).join('、')}` : ''}` }))];
  const set = (k: keyof AddInput) => (v: string) => setForm((f) => ({ ...f, [k]: v || undefined }));
  const crsNote = preview && (preview.unreadableCrs ? t('layers.add.unreadable', { text: preview.unreadableCrs.slice(0, 60) })
    : preview.projectedWithoutCrs ? t('layers.add.projected') : preview.crs ? t('layers.add.declared', { crs: `${preview.crs.label} (${preview.crs.code})` }) : t('layers.add.assumed'));

  return (
    <Card size="small" title={t('layers.add.title')} data-testid="layers-add">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('layers.add.hint')}</Typography.Paragraph>
      <Flex gap={8}>
        <Input data-testid="layers-path" value={path} placeholder={t('layers.add.pathPlaceholder')} onChange={(e) => setPath(e.target.value)} onPressEnter={() => void load()} />
        <Button data-testid="layers-preview" onClick={() => void load()} loading={loading} disabled={!path.trim()}>{t('layers.add.preview')}</Button>
      </Flex>
      {error != null && <Alert style={{ marginTop: 8 }} type="error" showIcon title={errorText(error, currentLocale())} />}
      {preview && (
        <div style={{ marginTop: 12 }} data-testid="layers-preview-result">
          <Descriptions size="small" column={1} items={[
            { key: 's', label: preview.fileName, children: t('layers.add.summary', { format: preview.format, count: preview.features, types: Object.entries(preview.geometryTypes).map(([k, v]) => `${k} ${v}`).join('、') }) },
            { key: 'c', label: t('layers.add.crs'), children: crsNote },
            ...(preview.encoding ? [{ key: 'e', label: 'DBF', children: t('layers.add.encoding', { encoding: preview.encoding }) }] : []),
          ]} />
          <Form layout="vertical" size="small" style={{ marginTop: 8 }}>
            <Flex gap={8} wrap>
              <Form.Item label={t('layers.add.kind')} style={{ minWidth: 140 }}>
                <Select data-testid="layers-kind" value={form.kind} onChange={(v) => setForm((f) => ({ ...f, kind: v }))} options={KINDS.map((k) => ({ value: k, label: t(`layers.kinds.${k}`) }))} />
              </Form.Item>
              <Form.Item label={t('layers.add.name')} style={{ minWidth: 160 }}><Input value={form.name ?? ''} onChange={(e) => set('name')(e.target.value)} /></Form.Item>
              <Form.Item label={t('layers.add.crs')} style={{ minWidth: 240 }}>
                <Select showSearch data-testid="layers-crs" value={form.crs} onChange={set('crs')} options={preview.crsChoices.map((c) => ({ value: c.code, label: `${c.label} · ${c.code}` }))} />
              </Form.Item>
            </Flex>
            <Flex gap={8} wrap>
              {(['nameField', 'codeField', 'populationField', 'householdsField'] as const).map((k) => (
                <Form.Item key={k} label={t(`layers.add.${k}`)} style={{ minWidth: 150 }}>
                  <Select data-testid={`layers-${k}`} value={form[k] ?? ''} onChange={set(k)} options={fieldOptions} />
                </Form.Item>
              ))}
            </Flex>
            <Button type="primary" data-testid="layers-submit" disabled={busy || !form.kind || (preview.projectedWithoutCrs && !form.crs)}
              onClick={() => onAdd({ path: preview.path, kind: form.kind!, name: form.name, nameField: form.nameField, codeField: form.codeField,
                populationField: form.populationField, householdsField: form.householdsField, crs: form.crs })}>
              {t('layers.add.submit')}
            </Button>
          </Form>
        </div>
      )}
    </Card>
  );
}
