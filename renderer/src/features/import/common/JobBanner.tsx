import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, jobErrorText } from '../../../app/errors';
import { currentLocale } from '../../../app/i18n';
import type { JobRun } from '../hooks';
import { percentOf } from '../progress';

interface Props {
  run: JobRun | null;
  /** i18n key of the line shown while the job runs. */
  runningText: string;
  /** i18n key of the line shown when it succeeded. */
  doneText: string;
  onCancel?: () => void;
  onClose?: () => void;
  testId?: string;
}

/** Progress and outcome of a maintenance job (remove batch, taxonomy import, crosswalk apply). */
export function JobBanner({ run, runningText, doneText, onCancel, onClose, testId }: Props) {
  const { t } = useTranslation();
  if (!run) return null;
  const locale = currentLocale();
  if (run.error != null) {
    return <Alert data-testid={testId} type="error" showIcon closable={{ onClose }} title={t('import.job.failed', { error: errorText(run.error, locale) })} description={t('import.job.unchanged')} style={{ marginBottom: 12 }} />;
  }
  const end = run.end;
  if (end) {
    const status = end.job.status;
    if (status === 'succeeded') return <Alert data-testid={testId} type="success" showIcon closable={{ onClose }} title={t(doneText)} style={{ marginBottom: 12 }} />;
    if (status === 'cancelled') return <Alert data-testid={testId} type="warning" showIcon closable={{ onClose }} title={t('import.job.cancelled')} style={{ marginBottom: 12 }} />;
    const err = end.error ?? { code: 'INTERNAL', message: end.job.message ?? status };
    return <Alert data-testid={testId} type="error" showIcon closable={{ onClose }} title={t('import.job.failed', { error: jobErrorText(err, locale) })} description={t('import.job.unchanged')} style={{ marginBottom: 12 }} />;
  }
  const p = run.progress;
  const pct = p ? percentOf(p.done, p.total) : null;
  return (
    <div data-testid={testId} style={{ marginBottom: 12, padding: '8px 12px', background: '#fff', border: '1px solid #e6f4ff', borderRadius: 6 }}>
      <Flex align="center" gap={12}>
        <Typography.Text>{t(runningText)}</Typography.Text>
        <Progress style={{ flex: 1, margin: 0 }} percent={pct ?? 0} status="active" showInfo={pct !== null} size="small" />
        {p?.message && <Typography.Text type="secondary">{p.message}</Typography.Text>}
        {onCancel && <Button size="small" onClick={onCancel} disabled={!run.jobId}>{t('import.job.cancel')}</Button>}
      </Flex>
    </div>
  );
}
