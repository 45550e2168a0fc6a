import { Alert, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';

/** Personal information found per import batch (phones, ID numbers, bank cards, e-mails, plates). */
export function PiiCard() {
  const { t } = useTranslation();
  const res = useAsync(() => api.call('text.pii', {}), 'pii');
  return (
    <Card title={t('text.pii.title')}>
      <Alert type="info" showIcon title={t('text.pii.hint')} style={{ marginBottom: 12 }} />
      {res.error != null && <ErrorAlert error={res.error} />}
      <Table
        size="small" rowKey={(r) => `${r.batchId}-${r.kind}`} loading={res.loading} dataSource={res.data ?? []} pagination={false} data-testid="pii-table"
        locale={{ emptyText: t('text.pii.none') }}
        columns={[
          { title: t('text.pii.batch'), key: 'b', render: (_v, r) => `#${r.batchId} ${r.fileName}` },
          { title: t('text.pii.kind'), dataIndex: 'kind', render: (v: string) => t(`text.pii.kinds.${v}`) },
          { title: t('text.pii.records'), dataIndex: 'records' },
          { title: t('text.pii.hits'), dataIndex: 'hits' },
        ]}
      />
    </Card>
  );
}
