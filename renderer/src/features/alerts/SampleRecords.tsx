import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../../../../shared/model/filter';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { decodeRecords, type RecordRow } from '../records/arrow';
import { fmtTime } from './format';

/** A few of the requests behind the alert (its filter: category, area, source, days), newest first. */
export function SampleRecords({ filter, version }: { filter: Filter; version: number }) {
  const { t } = useTranslation();
  const rows = useAsync(async () => decodeRecords(await api.call('records.page', { filter, offset: 0, limit: 8, sort: { field: 'receivedAt', dir: 'desc' } })),
    `${JSON.stringify(filter)}|${version}`);
  if (rows.error != null) return <ErrorAlert error={rows.error} />;
  return (
    <Table<RecordRow> size="small" rowKey="id" pagination={false} loading={rows.loading} dataSource={rows.data ?? []} data-testid="alert-samples"
      locale={{ emptyText: t('alerts.detail.noSamples') }}
      columns={[
        { title: t('records.receivedAt'), dataIndex: 'receivedAt', width: 140, render: (v: number | null) => fmtTime(v) },
        { title: t('records.street'), key: 'place', width: 160, ellipsis: true, render: (_v, r) => [r.street, r.community].filter(Boolean).join(' ') || '—' },
        { title: t('records.title'), dataIndex: 'title', ellipsis: true },
      ]} />
  );
}
