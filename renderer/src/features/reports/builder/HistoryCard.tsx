import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RenderHistory } from '../../../../../shared/domain/report/spec';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { FilesTable } from './ExportCard';

/** Past renders of this project: when, what, which files (expand for paths and hashes). */
export function HistoryCard({ version }: { version: number }) {
  const { t } = useTranslation();
  const list = useAsync(() => api.call('report.history', { limit: 50 }), String(version));
  return (
    <Card size="small" title={t('report.history.title')} data-testid="report-history">
      {list.error != null && <ErrorAlert error={list.error} />}
      <Table<RenderHistory> size="small" rowKey="id" loading={list.loading} dataSource={list.data ?? []} pagination={{ pageSize: 8, hideOnSinglePage: true }}
        locale={{ emptyText: t('report.history.empty') }}
        expandable={{ expandedRowRender: (r) => (<>
          <FilesTable files={r.files} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('report.history.hash')}: <Typography.Text code copyable style={{ fontSize: 11 }}>{r.reportHash}</Typography.Text></Typography.Text>
        </>) }}
        columns={[
          { title: t('report.history.time'), dataIndex: 'at', width: 100, render: (v: number) => new Date(v).toLocaleString(undefined, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) },
          { title: t('report.history.reportTitle'), dataIndex: 'title', ellipsis: true },
          { title: t('report.history.formats'), dataIndex: 'formats', width: 120, render: (f: string[]) => f.map((x) => <Tag key={x} style={{ marginInlineEnd: 2, fontSize: 11, paddingInline: 3 }}>{x.toUpperCase()}</Tag>) },
        ]} />
    </Card>
  );
}
