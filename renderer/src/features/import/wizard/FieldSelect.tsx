import { useMemo, useState } from 'react';
import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../../shared/api/errors';
import { FIELD_INFO } from '../../../../../shared/domain/ingest/field-info';
import { DATE_FORMATS, FIELD_GROUPS, fieldLabel, type StandardField } from '../fields';

interface FieldSelectProps {
  column: number;
  value: StandardField | null;
  /** Field → the column that already uses it. */
  used: ReadonlyMap<StandardField, number>;
  locale: Locale;
  onChange: (f: StandardField | null) => void;
}

interface FieldOption { value: StandardField; label: string; other: string; search: string; usedBy: number | null; description: string; required: boolean }

/** Standard-field dropdown: grouped, searchable in both languages; fields used by another column are disabled. */
export function FieldSelect({ column, value, used, locale, onChange }: FieldSelectProps) {
  const { t } = useTranslation();
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  const options = useMemo(() => FIELD_GROUPS.map((g) => ({
    label: t(`import.mapping.groups.${g.key}`),
    title: g.key,
    options: g.fields.map((f): FieldOption & { disabled: boolean } => {
      const at = used.get(f);
      const usedBy = at !== undefined && at !== column ? at : null;
      const info = FIELD_INFO[f];
      return {
        value: f, label: fieldLabel(f, locale), other: fieldLabel(f, other), search: `${fieldLabel(f, 'zh-CN')} ${fieldLabel(f, 'en')} ${f}`,
        usedBy, disabled: usedBy !== null, description: info?.description[locale] ?? '', required: info?.required ?? false,
      };
    }),
  })), [used, column, locale, other, t]);

  return (
    <Select<StandardField | null>
      data-testid={`import-map-${column}`}
      style={{ width: '100%' }}
      allowClear
      placeholder={t('import.mapping.fieldPlaceholder')}
      value={value}
      onChange={(v) => onChange(v ?? null)}
      options={options}
      showSearch={{ optionFilterProp: 'search' }}
      popupMatchSelectWidth={280}
      optionRender={(o) => {
        const d = o.data as FieldOption;
        return (
          <Flex justify="space-between" gap={8}>
            <span title={d.description}>
              {d.label} <span style={{ color: '#aaa', fontSize: 12 }}>{d.other}</span>
              {d.required && <span style={{ color: '#cf1322', marginInlineStart: 4 }}>*</span>}
            </span>
            {d.usedBy !== null && <span style={{ color: '#bbb', fontSize: 12 }}>{t('import.mapping.usedBy', { column: d.usedBy + 1 })}</span>}
          </Flex>
        );
      }}
    />
  );
}

const CUSTOM = '__custom__';
/** Formats that are not patterns get a translated name. */
const SPECIAL_FORMATS: Record<string, string> = { excel: 'dateExcel', 'epoch-ms': 'dateEpochMs', 'epoch-s': 'dateEpochS' };

/** Date format of a time column: auto, a known pattern, or a custom pattern. */
export function DateFormatPicker({ column, value, onChange }: { column: number; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const [custom, setCustom] = useState(() => value !== '' && !DATE_FORMATS.includes(value));
  const selectValue = custom ? CUSTOM : value;
  return (
    <Flex vertical gap={4}>
      <Select<string>
        data-testid={`import-datefmt-${column}`}
        size="small"
        style={{ width: '100%' }}
        value={selectValue}
        popupMatchSelectWidth={240}
        onChange={(v) => {
          if (v === CUSTOM) {
            setCustom(true);
            return;
          }
          setCustom(false);
          onChange(v);
        }}
        options={[
          { value: '', label: t('import.mapping.dateAuto') },
          ...DATE_FORMATS.map((f) => ({ value: f, label: SPECIAL_FORMATS[f] ? t(`import.mapping.${SPECIAL_FORMATS[f]}`) : f })),
          { value: CUSTOM, label: t('import.mapping.dateCustom') },
        ]}
      />
      {custom && (
        <Input size="small" value={value} placeholder={t('import.mapping.dateCustomPlaceholder')} maxLength={60}
          onChange={(e) => onChange(e.target.value)} />
      )}
    </Flex>
  );
}
