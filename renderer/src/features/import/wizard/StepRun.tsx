import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Space } from 'antd';
import { CloudUploadOutlined, RedoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, jobErrorText } from '../../../app/errors';
import { currentLocale } from '../../../app/i18n';
import { BatchDrawer, type BatchView } from '../batch/BatchDrawer';
import { useSources } from '../hooks';
import { useImportWizard } from '../import-store';
import { hasBlockingIssue, mappingIssues, usedFields } from '../mapping-state';
import { effectiveReadOptions } from '../read-options';
import { ResultView } from './ResultView';
import { RunProgress } from './RunProgress';
import { sourceReady } from './SourcePicker';
import { StepNav } from './StepNav';

/** Step 4: a summary and Start; then progress with Cancel; then the counts, or the failure. */
export function StepRun() {
  const { t } = useTranslation();
  const s = useImportWizard();
  const [drawer, setDrawer] = useState<{ batchId: number; view: BatchView } | null>(null);
  const sources = useSources();
  const run = s.run;
  if (!s.preview) return null;
  const locale = currentLocale();

  if (run && (run.status === 'starting' || run.status === 'running')) return <RunProgress run={run} onCancel={() => void s.cancel()} />;

  if (run?.status === 'succeeded' && run.result) {
    const id = run.result.batchId;
    return (
      <>
        <ResultView
          result={run.result}
          onRejected={() => setDrawer({ batchId: id, view: 'rejected' })}
          onQuality={() => setDrawer({ batchId: id, view: 'quality' })}
          onHistory={() => s.setTab('history')}
          onAnother={() => s.reset()}
        />
        <BatchDrawer batchId={drawer?.batchId ?? null} view={drawer?.view ?? 'quality'} onClose={() => setDrawer(null)} />
      </>
    );
  }

  const opts = effectiveReadOptions(s.preview.sniffed, s.overrides);
  const blocked = hasBlockingIssue(mappingIssues(s.mapping)) || !sourceReady(s.source);
  const outcome = run?.status === 'cancelled'
    ? <Alert data-testid="import-cancelled" type="warning" showIcon title={t('import.run.cancelled')} />
    : run?.status === 'failed'
      ? (
        <Alert data-testid="import-failed" type="error" showIcon
          title={t('import.run.failed', { error: run.jobError ? jobErrorText(run.jobError, locale) : errorText(run.error, locale) })}
          description={t('import.run.unchanged')} />
      )
      : run?.status === 'succeeded'
        ? <Alert type="success" showIcon title={t('import.run.doneNoResult')} />
        : null;

  return (
    <Flex vertical gap={16}>
      {outcome}
      <Card title={t('import.run.summary')} size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'file', label: t('import.run.file'), children: <span title={s.preview.path}>{s.preview.fileName}</span> },
          { key: 'source', label: t('import.run.source'), children: `${(s.source.mode === 'new' ? s.source.name : sources.data?.find((x) => x.code === s.source.code)?.name) || ''} (${s.source.code})`.trim() },
          { key: 'format', label: t('import.run.format'), children: [t(`import.formats.${opts.format}`), opts.encoding && t(`import.encodings.${opts.encoding}`), opts.sheet].filter(Boolean).join(' · ') },
          { key: 'cols', label: t('import.run.columns'), children: t('import.mapping.mapped', { mapped: usedFields(s.mapping).size, total: s.mapping.headers.length }) },
          { key: 'tz', label: t('import.mapping.timezone'), children: s.mapping.timezone },
          { key: 'crs', label: t('import.mapping.crs'), children: t(`import.mapping.crsValues.${s.mapping.crs}`) },
          { key: 'dup', label: t('import.mapping.onDuplicate'), children: t(`import.mapping.${s.mapping.onDuplicate}`) },
          { key: 'phone', label: t('import.mapping.keepPhone'), children: s.mapping.keepPhone ? t('common.yes') : t('common.no') },
          ...(s.mapping.saveTemplate ? [{ key: 'tpl', label: t('import.mapping.saveTemplate'), children: s.mapping.templateName }] : []),
        ]} />
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" size="large" icon={run ? <RedoOutlined /> : <CloudUploadOutlined />} data-testid="import-start"
            disabled={blocked} onClick={() => void s.start()}>
            {run ? t('import.run.retry') : t('import.run.start')}
          </Button>
        </Space>
        <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('import.run.transaction')} />
      </Card>
      <StepNav onBack={() => s.setStep(2)} />
    </Flex>
  );
}
