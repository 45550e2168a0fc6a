import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Batch } from '../../../../../shared/api/areas/import';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { BatchDrawer, type BatchView } from '../batch/BatchDrawer';
import { ExportRejectedModal } from '../batch/ExportRejectedModal';
import { JobBanner } from '../common/JobBanner';
import { useJobRunner, useProjectKey } from '../hooks';
import { BatchesTable } from './BatchesTable';

/** Every import batch of the project, with details, rejected rows, export and removal. */
export function HistoryTab() {
  const { t } = useTranslation();
  const projectKey = useProjectKey();
  const [reload, setReload] = useState(0);
  const batches = useAsync(() => api.call('import.batches', {}), `${projectKey}|${reload}`);
  const [drawer, setDrawer] = useState<{ batchId: number; view: BatchView } | null>(null);
  const [exporting, setExporting] = useState<number | null>(null);
  const jobs = useJobRunner(() => setReload((n) => n + 1));

  const remove = (b: Batch) => void jobs.start('remove', () => api.call('import.removeBatch', { batchId: b.id }));

  return (
    <div data-testid="import-history">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('import.history.hint')}</Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={() => setReload((n) => n + 1)} loading={batches.loading}>{t('import.history.refresh')}</Button>
      </Flex>
      <JobBanner run={jobs.run} runningText="import.history.removing" doneText="import.history.removed" onCancel={() => void jobs.cancel()} onClose={jobs.clear} testId="history-job" />
      {batches.error != null && <ErrorAlert error={batches.error} />}
      <BatchesTable
        batches={batches.data ?? []}
        loading={batches.loading}
        busy={jobs.running}
        onDetails={(b) => setDrawer({ batchId: b.id, view: 'quality' })}
        onRejected={(b) => setDrawer({ batchId: b.id, view: 'rejected' })}
        onExport={(b) => setExporting(b.id)}
        onRemove={remove}
      />
      <BatchDrawer batchId={drawer?.batchId ?? null} view={drawer?.view ?? 'quality'} onClose={() => setDrawer(null)} />
      <ExportRejectedModal open={exporting !== null} batchId={exporting ?? 0} onClose={() => setExporting(null)} />
    </div>
  );
}
