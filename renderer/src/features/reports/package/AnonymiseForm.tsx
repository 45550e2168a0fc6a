import { Card, Checkbox, Flex, Form, InputNumber, Segmented, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DROPPABLE_COLUMNS, LOCATION_MODES, PRESET_NAMES, QUASI_IDENTIFIERS, TEXT_ACTIONS, TEXT_FIELDS, TIME_UNITS, presetOf, type AnonymiseSettings,
} from '../../../../../shared/domain/anonymise/settings';
import { PII_KINDS } from '../../../../../shared/domain/text/pii';
import { usePackage } from './package-store';

const opts = <T extends string>(values: readonly T[], label: (v: T) => string) => values.map((v) => ({ value: v, label: label(v) }));

/** The anonymisation settings: a preset, then every rule editable (the preset shows "custom" once edited). */
export function AnonymiseForm() {
  const { t } = useTranslation();
  const s = usePackage((x) => x.settings);
  const { applyPreset, patch } = usePackage.getState();
  const preset = presetOf(s) ?? 'custom';
  const loc = s.location;
  const setLoc = (p: Partial<AnonymiseSettings['location']>) => patch({ location: { ...loc, ...p } });

  return (
    <Card title={t('package.anon.title')} size="small" data-testid="package-anon">
      <Form layout="vertical" size="small">
        <Form.Item label={t('package.anon.preset')} extra={t(`package.anon.presetHint.${preset}`)}>
          <Segmented<string> data-testid="package-preset" value={preset}
            options={[...PRESET_NAMES, 'custom'].map((p) => ({ value: p, label: t(`package.anon.presets.${p}`), disabled: p === 'custom' }))}
            onChange={(v) => { if (v !== 'custom') applyPreset(v as (typeof PRESET_NAMES)[number]); }} />
        </Form.Item>
        <Typography.Text strong>{t('package.anon.text')}</Typography.Text>
        <Flex wrap gap={12} style={{ margin: '8px 0' }}>
          {TEXT_FIELDS.map((f) => (
            <Form.Item key={f} label={t(`package.anon.fields.${f}`)} style={{ marginBottom: 8, minWidth: 140 }}>
              <Select data-testid={`package-text-${f}`} value={s.text[f]} options={opts(TEXT_ACTIONS, (a) => t(`package.anon.actions.${a}`))}
                onChange={(v) => patch({ text: { ...s.text, [f]: v } })} />
            </Form.Item>
          ))}
        </Flex>
        <Form.Item label={t('package.anon.kinds')} style={{ marginBottom: 8 }}>
          <Checkbox.Group value={s.piiKinds} options={opts(PII_KINDS, (k) => t(`package.anon.kind.${k}`))} onChange={(v) => patch({ piiKinds: v as AnonymiseSettings['piiKinds'] })} />
        </Form.Item>
        <Form.Item style={{ marginBottom: 12 }}>
          <Switch size="small" checked={s.addressNumbers} onChange={(v) => patch({ addressNumbers: v })} /> <Typography.Text>{t('package.anon.addressNumbers')}</Typography.Text>
        </Form.Item>
        <Flex wrap gap={12}>
          <Form.Item label={t('package.anon.externalId')} style={{ minWidth: 200 }}>
            <Select value={s.externalId} options={opts(['keep', 'rehash'] as const, (v) => t(`package.anon.externalIdOpts.${v}`))} onChange={(v) => patch({ externalId: v })} />
          </Form.Item>
          <Form.Item label={t('package.anon.callerHash')} style={{ minWidth: 200 }}>
            <Select value={s.callerHash} options={opts(['keep', 'rehash', 'drop'] as const, (v) => t(`package.anon.callerHashOpts.${v}`))} onChange={(v) => patch({ callerHash: v })} />
          </Form.Item>
          <Form.Item label={t('package.anon.callerPhone')} style={{ minWidth: 140 }}>
            <Select value={s.callerPhone} options={opts(['keep', 'mask', 'drop'] as const, (v) => t(`package.anon.callerPhoneOpts.${v}`))} onChange={(v) => patch({ callerPhone: v })} />
          </Form.Item>
        </Flex>
        <Flex wrap gap={12} align="flex-end">
          <Form.Item label={t('package.anon.location')} style={{ minWidth: 200 }}>
            <Select data-testid="package-location" value={loc.mode} options={opts(LOCATION_MODES, (m) => t(`package.anon.locationOpts.${m}`))} onChange={(v) => setLoc({ mode: v })} />
          </Form.Item>
          {loc.mode === 'grid' && (
            <Form.Item label={t('package.anon.gridM')}>
              <InputNumber min={50} max={50_000} step={100} value={loc.gridM} onChange={(v) => v !== null && setLoc({ gridM: v })} />
            </Form.Item>
          )}
          {loc.mode === 'donut' && (
            <>
              <Form.Item label={t('package.anon.donutMinM')}><InputNumber min={0} max={loc.donutMaxM - 1} value={loc.donutMinM} onChange={(v) => v !== null && setLoc({ donutMinM: v })} /></Form.Item>
              <Form.Item label={t('package.anon.donutMaxM')}><InputNumber min={loc.donutMinM + 1} max={50_000} value={loc.donutMaxM} onChange={(v) => v !== null && setLoc({ donutMaxM: v })} /></Form.Item>
            </>
          )}
          <Form.Item label={t('package.anon.time')} style={{ minWidth: 160 }}>
            <Select data-testid="package-time" value={s.time} options={opts(TIME_UNITS, (u) => t(`package.anon.timeOpts.${u}`))} onChange={(v) => patch({ time: v })} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('package.anon.dropColumns')}>
          <Select mode="multiple" allowClear value={s.dropColumns} options={opts(DROPPABLE_COLUMNS, (c) => t(`package.anon.column.${c}`))} onChange={(v) => patch({ dropColumns: v })} />
        </Form.Item>
        <Flex gap={12} align="flex-start">
          <Form.Item label={t('package.anon.k')} style={{ width: 90 }}>
            <InputNumber data-testid="package-k" min={2} max={1000} value={s.k} onChange={(v) => v !== null && patch({ k: v })} />
          </Form.Item>
          <Form.Item label={t('package.anon.qis')} extra={t('package.anon.kHint')} style={{ flex: 1 }}>
            <Select data-testid="package-qis" mode="multiple" value={s.quasiIdentifiers} options={opts(QUASI_IDENTIFIERS, (q) => t(`package.anon.qi.${q}`))} onChange={(v) => patch({ quasiIdentifiers: v })} />
          </Form.Item>
        </Flex>
        <Form.Item style={{ marginBottom: 0 }}>
          <Switch size="small" checked={s.aggregates} onChange={(v) => patch({ aggregates: v })} /> <Typography.Text>{t('package.anon.aggregates')}</Typography.Text>
        </Form.Item>
      </Form>
    </Card>
  );
}
