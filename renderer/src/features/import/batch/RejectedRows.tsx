import { useState } from 'react';
import { Button, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { decodeRejected, type RejectedRow } from '../arrow-rows';
import { ExportRejectedModal } from './ExportRejectedModal';
import type { RejectReason } from './useBatch';
import '../import.css';

interface Props {
  batchId: number;
  reasons: readonly RejectReason[];
  /** Initial reason filter (a reason code). */
  reason?: string;
}

/** Rejected rows of a batch: row number, reason in the UI language, raw text; filter by reason; paged by the engine. */
export function RejectedRows({ batchId, reasons, reason: initialReason }: Props) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState<string | undefined>(initialReason);
  const [page, setPage] = useState({ current: 1, size: 50 });
  const [exporting, setExporting] = useState(false);
  const offset = (page.current - 1) * page.size;
  const rows = useAsync(
    async () => decodeRejected(await api.call('import.rejected', { batchId, offset, limit: page.size, ...(reason ? { reason } : {}) })),
    `${batchId}|${reason ?? ''}|${offset}|${page.size}|${i18n.language}`,
  );
  const total = reasons.filter((r) => !reason || r.code === reason).reduce((n, r) => n + r.count, 0);

  const columns: TableColumnsType<RejectedRow> = [
    { title: t('import.rejected.rowNumber'), dataIndex: 'rowNumber', key: 'rowNumber', width: 90, align: 'right' },
    { title: t('import.rejected.reason'), dataIndex: 'reason', key: 'reason', width: 300, render: (v: string, r) => <span title={r.reasonCode}>{v || r.reasonCode}</span> },
    {
      title: t('import.rejected.raw'), dataIndex: 'raw', key: 'raw',
      render: (v: string) => <Typography.Paragraph className="ms-import-raw" style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: 'collapsible' }}>{v}</Typography.Paragraph>,
    },
  ];

  return (
    <div>
      <Flex justify="space-between" align="center" gap={12} style={{ marginBottom: 12 }} wrap>
        <Select<string>
          data-testid="rejected-reason-filter"
          allowClear
          style={{ minWidth: 320 }}
          placeholder={t('import.rejected.allReasons')}
          value={reason}
          onChange={(v) => { setReason(v ?? undefined); setPage((p) => ({ ...p, current: 1 })); }}
          options={reasons.map((r) => ({ value: r.code, label: `${r.message || r.code} (${r.count.toLocaleString()})` }))}
        />
        <Button icon={<ExportOutlined />} data-testid="rejected-export" disabled={total === 0} onClick={() => setExporting(true)}>
          {t('import.rejected.export')}
        </Button>
      </Flex>
      {rows.error != null && <ErrorAlert error={rows.error} template="import.rejected.loadFailed" />}
      <Table<RejectedRow>
        data-testid="rejected-table"
        size="small"
        rowKey={(r) => `${r.rowNumber}-${r.reasonCode}`}
        columns={columns}
        dataSource={rows.data ?? []}
        loading={rows.loading}
        locale={{ emptyText: t('import.rejected.none') }}
        pagination={{
          current: page.current, pageSize: page.size, total, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t('import.rejected.total', { total: n.toLocaleString() }),
          onChange: (current, size) => setPage({ current: size !== page.size ? 1 : current, size }),
        }}
      />
      <ExportRejectedModal open={exporting} batchId={batchId} reason={reason} onClose={() => setExporting(false)} />
    </div>
  );
}
