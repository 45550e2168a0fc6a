import { Descriptions, Modal, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';

/** One request's trail: received, first response, closed — with the request, the reply and who handled it. */
export function Timeline({ recordId, onClose }: { recordId: number | null; onClose(): void }) {
  const { t } = useTranslation();
  const r = useAsync(() => (recordId === null ? Promise.resolve(null) : api.call('evaluation.timeline', { recordId })), String(recordId));
  const d = r.data;
  return (
    <Modal open={recordId !== null} onCancel={onClose} footer={null} width={760} title={d ? t('evaluation.evidence.timeline', { id: d.externalId }) : ''}>
      {r.error != null && <ErrorAlert error={r.error} />}
      {d && (
        <div data-testid="record-timeline">
          <Steps size="small" style={{ margin: '12px 0 16px' }} current={d.events.length - 1}
            items={d.events.map((e) => ({
              title: t(`evaluation.evidence.${e.kind === 'open' ? 'received' : e.kind}`),
              content: `${dayjs(e.at).format('YYYY-MM-DD HH:mm')}${e.kind === 'received' ? '' : ` · ${t('evaluation.evidence.hours', { value: e.hoursFromReceipt.toFixed(1) })}`}`,
            }))} />
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('evaluation.evidence.department')}>{d.department ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.evidence.status')}>{d.status ? t(`status.${d.status}`, { defaultValue: d.status }) : '—'} · {t('evaluation.evidence.transfers')} {d.transfers}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.evidence.category')}>{d.category ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.evidence.place')}>{[d.district, d.street, d.address].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.evidence.satisfaction')}>{d.satisfactionLabel ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.evidence.batch')}>#{d.batchId} · {d.sourceCode}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.evidence.content')} span={2}>{d.title && <Typography.Text strong>{d.title}。</Typography.Text>}{d.content}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.evidence.reply')} span={2}>{d.reply ?? t('evaluation.evidence.noReply')}</Descriptions.Item>
          </Descriptions>
        </div>
      )}
    </Modal>
  );
}
