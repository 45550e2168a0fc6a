import { useState } from 'react';
import { Drawer, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { QualityReport } from './QualityReport';
import { RejectedRows } from './RejectedRows';
import { useBatch } from './useBatch';

export type BatchView = 'quality' | 'rejected';

interface Props {
  batchId: number | null;
  view: BatchView;
  onClose: () => void;
}

/** Details of one batch in a side panel: quality report and rejected rows. */
export function BatchDrawer({ batchId, view, onClose }: Props) {
  const { t } = useTranslation();
  const details = useBatch(batchId);
  // The tab the drawer was opened with wins until the user picks another one (state keyed by the opening).
  const [picked, setPicked] = useState<{ opened: string; tab: BatchView; reason?: string } | null>(null);
  const opened = `${batchId}|${view}`;
  const tab = picked?.opened === opened ? picked.tab : view;
  const reason = picked?.opened === opened ? picked.reason : undefined;
  const d = details.data;

  return (
    <Drawer
      open={batchId !== null}
      onClose={onClose}
      size="min(1100px, 92vw)"
      title={batchId !== null ? t('import.batch.title', { id: batchId, file: d?.batch.fileName ?? '' }) : ''}
      destroyOnHidden
      data-testid="batch-drawer"
    >
      {details.error != null && <ErrorAlert error={details.error} />}
      {!d && details.loading && <Skeleton active />}
      {d && batchId !== null && (
        <Tabs
          activeKey={tab}
          onChange={(k) => setPicked({ opened, tab: k as BatchView })}
          items={[
            { key: 'quality', label: t('import.batch.quality'), children: <QualityReport details={d} onReason={(code) => setPicked({ opened, tab: 'rejected', reason: code })} /> },
            {
              key: 'rejected',
              label: t('import.batch.rejected', { n: d.batch.rejected.toLocaleString() }),
              children: <RejectedRows key={reason ?? ''} batchId={batchId} reasons={d.rejectReasons} reason={reason} />,
            },
          ]}
        />
      )}
    </Drawer>
  );
}
