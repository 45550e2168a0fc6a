import { useMemo } from 'react';
import { Alert, Button, Card, Flex, Popconfirm, Space, Typography } from 'antd';
import { BulbOutlined, ClearOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useImportWizard } from '../import-store';
import { hasBlockingIssue, mappingIssues, usedFields } from '../mapping-state';
import { MappingOptions } from './MappingOptions';
import { MappingTable } from './MappingTable';
import { StepNav } from './StepNav';
import { ValueLabels } from './ValueLabels';

/** Step 3: source columns → standard fields, plus time zone, coordinates, duplicates, privacy, template. */
export function StepMapping() {
  const { t } = useTranslation();
  const mapping = useImportWizard((s) => s.mapping);
  const dispatch = useImportWizard((s) => s.dispatch);
  const setStep = useImportWizard((s) => s.setStep);
  const issues = useMemo(() => mappingIssues(mapping), [mapping]);
  const blocked = hasBlockingIssue(issues);
  const mapped = usedFields(mapping).size;
  const errors = issues.filter((i) => i.level === 'error');
  const warnings = issues.filter((i) => i.level === 'warning');

  return (
    <Flex vertical gap={16}>
      {mapping.template ? (
        <Alert data-testid="import-template-applied" type="success" showIcon icon={<SaveOutlined />}
          title={t('import.mapping.templateApplied', { name: mapping.template.name, source: mapping.template.sourceCode })}
          description={mapping.touched ? t('import.mapping.templateEdited') : undefined} />
      ) : mapping.suggestions.length > 0 && !mapping.touched ? (
        <Alert type="info" showIcon icon={<BulbOutlined />} title={t('import.mapping.suggested')} />
      ) : null}
      <Card
        size="small"
        title={t('import.mapping.title')}
        extra={(
          <Space>
            <Typography.Text type="secondary" data-testid="import-mapped-count">
              {t('import.mapping.mapped', { mapped, total: mapping.headers.length })}
            </Typography.Text>
            <Button size="small" icon={<BulbOutlined />} disabled={mapping.suggestions.length === 0}
              onClick={() => dispatch({ type: 'useSuggestions' })}>
              {t('import.mapping.useSuggestions')}
            </Button>
            <Popconfirm title={t('import.mapping.clearConfirm')} onConfirm={() => dispatch({ type: 'clear' })}>
              <Button size="small" icon={<ClearOutlined />}>{t('import.mapping.clear')}</Button>
            </Popconfirm>
          </Space>
        )}
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('import.mapping.hint')}</Typography.Paragraph>
        <MappingTable />
      </Card>
      {errors.map((i) => (
        <Alert key={i.code} data-testid={`import-issue-${i.code}`} type="error" showIcon title={t(`import.mapping.issues.${i.code}`)} />
      ))}
      {warnings.length > 0 && (
        <Alert type="warning" showIcon data-testid="import-warnings"
          title={t('import.mapping.warningsTitle')}
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{warnings.map((i) => <li key={i.code}>{t(`import.mapping.issues.${i.code}`)}</li>)}</ul>} />
      )}
      <ValueLabels />
      <Card size="small" title={t('import.mapping.options')}>
        <MappingOptions />
      </Card>
      <StepNav
        onBack={() => setStep(1)}
        onNext={() => setStep(3)}
        nextDisabled={blocked}
        nextHint={blocked ? t('import.mapping.fixErrors') : undefined}
        nextTestId="import-next-run"
      />
    </Flex>
  );
}
