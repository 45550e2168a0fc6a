import { Alert, Card, Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatBytes } from '../../records/format';
import { looksGarbled } from '../arrow-rows';
import { useImportWizard } from '../import-store';
import { hasEncoding } from '../read-options';
import { PreviewTable } from './PreviewTable';
import { ReadOptionsBar } from './ReadOptionsBar';
import { sourceReady, SourcePicker } from './SourcePicker';
import { StepNav } from './StepNav';

/** Step 2: what the file looks like with the current read options; which hotline it belongs to. */
export function StepPreview() {
  const { t } = useTranslation();
  const preview = useImportWizard((s) => s.preview);
  const rows = useImportWizard((s) => s.rows);
  const previewing = useImportWizard((s) => s.previewing);
  const previewError = useImportWizard((s) => s.previewError);
  const source = useImportWizard((s) => s.source);
  const setStep = useImportWizard((s) => s.setStep);
  if (!preview) return null;
  const sn = preview.sniffed;
  const garbled = looksGarbled([...sn.headers, ...(rows?.rows.flatMap((r) => r.cells) ?? [])]);
  const lowConfidence = hasEncoding(sn.format) && sn.encodingConfidence < 0.6;
  const ready = sourceReady(source);

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
          { key: 'file', label: t('import.preview.file'), children: <span title={preview.path}>{preview.fileName}</span> },
          { key: 'size', label: t('import.preview.size'), children: formatBytes(sn.fileSize) },
          { key: 'cols', label: t('import.preview.columns'), children: sn.headers.length },
        ]} />
      </Card>
      <Card title={t('import.preview.settings')} size="small">
        <ReadOptionsBar />
        {previewError != null && <ErrorAlert error={previewError} template="import.file.previewFailed" />}
        {garbled && <Alert data-testid="import-garbled" type="warning" showIcon title={t('import.preview.garbled')} style={{ marginTop: 8 }} />}
        {!garbled && lowConfidence && <Alert type="info" showIcon title={t('import.preview.lowConfidence')} style={{ marginTop: 8 }} />}
      </Card>
      <Card title={t('import.source.title')} size="small">
        <SourcePicker />
      </Card>
      <Card title={t('import.preview.title', { count: rows?.rows.length ?? 0 })} size="small">
        <PreviewTable headers={sn.headers} preview={rows} loading={previewing} />
      </Card>
      <StepNav
        onBack={() => setStep(0)}
        onNext={() => setStep(2)}
        nextDisabled={!ready || previewing}
        nextHint={!ready ? t('import.source.required') : undefined}
        nextTestId="import-next-mapping"
      />
    </Flex>
  );
}
