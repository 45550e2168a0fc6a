import { Flex, Form, Input, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSources } from '../hooks';
import { useImportWizard, type SourceChoice } from '../import-store';
import { isValidSourceCode } from '../read-options';

/** The hotline the file belongs to: an existing source or a new code + name (12345, 12315, la311 …). */
export function SourcePicker() {
  const { t } = useTranslation();
  const source = useImportWizard((s) => s.source);
  const setSource = useImportWizard((s) => s.setSource);
  const sources = useSources();
  const list = sources.data ?? [];
  const codeBad = source.mode === 'new' && source.code.trim() !== '' && !isValidSourceCode(source.code.trim());
  const taken = source.mode === 'new' && list.some((s) => s.code === source.code.trim());

  return (
    <div data-testid="import-source">
      {sources.error != null && <ErrorAlert error={sources.error} />}
      <Flex wrap gap={16} align="flex-start">
        <Form.Item label={t('import.source.label')} required style={{ marginBottom: 0 }}>
          <Segmented<SourceChoice['mode']>
            data-testid="import-source-mode"
            value={source.mode}
            onChange={(mode) => setSource({ mode, code: mode === 'existing' && !list.some((s) => s.code === source.code) ? '' : source.code })}
            options={[{ value: 'existing', label: t('import.source.existing') }, { value: 'new', label: t('import.source.new') }]}
          />
        </Form.Item>
        {source.mode === 'existing' ? (
          <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
            <Select<string>
              data-testid="import-source-select"
              style={{ width: 320 }}
              loading={sources.loading}
              placeholder={t('import.source.placeholder')}
              value={source.code || undefined}
              onChange={(code) => setSource({ code })}
              showSearch={{ optionFilterProp: 'label' }}
              notFoundContent={t('import.source.none')}
              popupMatchSelectWidth={false}
              options={list.map((s) => ({ value: s.code, label: `${s.name} (${s.code})`, name: s.name, records: s.records }))}
              optionRender={(o) => {
                const d = o.data as { value: string; name: string; records: number };
                return (
                  <Flex justify="space-between" gap={16}>
                    <span>{d.name} <span style={{ color: '#999', fontSize: 12 }}>{d.value}</span></span>
                    <span style={{ color: '#999' }}>{t('import.source.records', { n: d.records.toLocaleString() })}</span>
                  </Flex>
                );
              }}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              label={t('import.source.code')} style={{ marginBottom: 0 }}
              validateStatus={codeBad ? 'error' : taken ? 'warning' : undefined}
              help={codeBad ? t('import.source.codeInvalid') : taken ? t('import.source.codeTaken') : t('import.source.codeHint')}
            >
              <Input data-testid="import-source-code" style={{ width: 160 }} value={source.code} maxLength={64}
                placeholder="12345" onChange={(e) => setSource({ code: e.target.value })} />
            </Form.Item>
            <Form.Item label={t('import.source.name')} style={{ marginBottom: 0 }}>
              <Input data-testid="import-source-name" style={{ width: 300 }} value={source.name} maxLength={100}
                placeholder={t('import.source.namePlaceholder')} onChange={(e) => setSource({ name: e.target.value })} />
            </Form.Item>
          </>
        )}
      </Flex>
      {source.mode === 'existing' && source.code && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('import.source.existingHint')}</Typography.Text>
      )}
    </div>
  );
}

/** The source choice can be used for `import.start`. */
export function sourceReady(s: SourceChoice): boolean {
  return isValidSourceCode(s.code.trim());
}
