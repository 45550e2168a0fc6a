import { Button, Card, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../state/session';

export function formatEta(seconds: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? t('start.etaMinutes', { m: Math.floor(s / 60), s: s % 60 }) : t('start.etaSeconds', { s });
}

/** Progress of the demo generation job: done/total, rate and time left. */
export function DemoProgress({ job, onCancel, cancelling }: { job: JobProgress; onCancel: () => void; cancelling: boolean }) {
  const { t } = useTranslation();
  const percent = job.total ? Math.min(100, Math.floor((job.done / job.total) * 100)) : 0;
  const done = job.done.toLocaleString();
  return (
    <Card data-testid="demo-progress" title={t('start.generating')}>
      <Progress percent={percent} status="active" />
      <Flex gap={24} wrap style={{ marginTop: 8 }}>
        <Typography.Text>
          {job.total ? t('start.progress', { done, total: job.total.toLocaleString() }) : t('start.progressNoTotal', { done })}
        </Typography.Text>
        {job.ratePerSecond !== null && (
          <Typography.Text type="secondary">{t('start.rate', { rate: Math.round(job.ratePerSecond).toLocaleString() })}</Typography.Text>
        )}
        {job.etaSeconds !== null && (
          <Typography.Text type="secondary">{t('start.eta', { eta: formatEta(job.etaSeconds, t) })}</Typography.Text>
        )}
      </Flex>
      <Button style={{ marginTop: 16 }} onClick={onCancel} loading={cancelling} data-testid="demo-cancel">{t('start.cancel')}</Button>
    </Card>
  );
}
