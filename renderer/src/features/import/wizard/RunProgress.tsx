import { Button, Card, Flex, Progress, Statistic, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../records/format';
import type { RunState } from '../import-store';
import { percentOf } from '../progress';
import { useDurationText } from './duration';

/** A running import: bytes %, rows read, rows/s, ETA, and Cancel (which leaves the project as it was). */
export function RunProgress({ run, onCancel }: { run: RunState; onCancel: () => void }) {
  const { t } = useTranslation();
  const duration = useDurationText();
  const pct = percentOf(run.done, run.total);
  // Until the first progress report the job is still starting (the worker boots, the file is opened).
  const phase = run.status === 'starting' || run.phase === null ? 'starting' : run.phase;
  return (
    <Card data-testid="import-progress" title={t(`import.run.phase.${phase}`)}>
      <Progress percent={pct ?? 0} status="active" data-testid="import-progress-bar" />
      <Flex wrap gap={40} style={{ marginTop: 12 }}>
        <Statistic title={t('import.run.rowsRead')} value={run.rows ?? 0} data-testid="import-progress-rows" />
        <Statistic title={t('import.run.rowRate')} value={run.rowsPerSecond !== null ? Math.round(run.rowsPerSecond) : '—'} suffix={run.rowsPerSecond !== null ? t('import.run.rowsPerSecond') : undefined} />
        <Statistic title={t('import.run.bytes')} value={run.total !== null ? `${formatBytes(run.done)} / ${formatBytes(run.total)}` : formatBytes(run.done)} />
        {run.bytesPerSecond !== null && <Statistic title={t('import.run.byteRate')} value={`${formatBytes(run.bytesPerSecond)}/s`} />}
        <Statistic title={t('import.run.eta')} value={run.etaSeconds !== null ? duration(run.etaSeconds) : '—'} />
      </Flex>
      <Flex align="center" gap={16} style={{ marginTop: 20 }}>
        <Button danger icon={<StopOutlined />} data-testid="import-cancel" onClick={onCancel} loading={run.cancelling} disabled={!run.jobId}>
          {run.cancelling ? t('import.run.cancelling') : t('import.run.cancel')}
        </Button>
        <Typography.Text type="secondary">{t('import.run.cancelNote')}</Typography.Text>
      </Flex>
    </Card>
  );
}
