import { Flex, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '../../../../../shared/domain/evaluation';
import { Field } from './Field';

/** Scheme-wide settings: identity, aggregation, eligibility, exclusion rules and time limits. */
export function SchemeSettings({ scheme, onChange }: { scheme: Scheme; onChange(s: Scheme): void }) {
  const { t } = useTranslation();
  const num = (label: string, value: number, set: (v: number) => Scheme, min = 0) => (
    <Field label={label} width={200}><InputNumber min={min} value={value} onChange={(v) => v !== null && onChange(set(Number(v)))} style={{ width: '100%' }} /></Field>
  );
  return (
    <Flex gap={16} wrap data-testid="scheme-settings">
      <Field label={t('evaluation.scheme.key')} width={200}>
        <Input value={scheme.key} onChange={(e) => onChange({ ...scheme, key: e.target.value.replace(/[^A-Za-z0-9_.-]/g, '') })} data-testid="scheme-key" />
      </Field>
      <Field label={t('evaluation.scheme.nameZh')} width={300}><Input value={scheme.name.zh} onChange={(e) => onChange({ ...scheme, name: { ...scheme.name, zh: e.target.value } })} data-testid="scheme-name-zh" /></Field>
      <Field label={t('evaluation.scheme.nameEn')} width={300}><Input value={scheme.name.en} onChange={(e) => onChange({ ...scheme, name: { ...scheme.name, en: e.target.value } })} /></Field>
      <Field label={t('evaluation.scheme.aggregation')} width={240}>
        <Select style={{ width: '100%' }} value={scheme.aggregation} onChange={(aggregation) => onChange({ ...scheme, aggregation })} data-testid="aggregation-select"
          options={[{ value: 'weightedSum', label: t('evaluation.scheme.weightedSum') }, { value: 'topsis', label: t('evaluation.scheme.topsis') }]} />
      </Field>
      {num(t('evaluation.scheme.minRecords'), scheme.minRecords, (minRecords) => ({ ...scheme, minRecords }), 1)}
      {num(t('evaluation.scheme.instantMinutes'), scheme.exclusions.instantMinutes, (instantMinutes) => ({ ...scheme, exclusions: { ...scheme.exclusions, instantMinutes } }))}
      {num(t('evaluation.scheme.maxDays'), scheme.exclusions.maxDays, (maxDays) => ({ ...scheme, exclusions: { ...scheme.exclusions, maxDays } }), 1)}
      {num(t('evaluation.scheme.timeLimit'), scheme.timeLimitHours, (timeLimitHours) => ({ ...scheme, timeLimitHours }), 1)}
      {num(t('evaluation.scheme.responseLimit'), scheme.responseLimitHours, (responseLimitHours) => ({ ...scheme, responseLimitHours }), 1)}
    </Flex>
  );
}
