import { Button, Dropdown, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EllipsisOutlined, ExportOutlined, FileSearchOutlined, ProfileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Batch } from '../../../../../shared/api/areas/import';
import { formatShanghai } from '../../records/format';
import { shortHash } from '../progress';
import '../import.css';

const STATUS_COLORS: Record<string, string> = { done: 'green', succeeded: 'green', finished: 'green', running: 'blue', failed: 'red', cancelled: 'orange', removed: 'default' };

export function batchStatus(b: Batch): string {
  return b.removedAt !== null ? 'removed' : b.status;
}

interface Props {
  batches: readonly Batch[];
  loading: boolean;
  /** A job is running: no new removal. */
  busy: boolean;
  onDetails: (b: Batch) => void;
  onRejected: (b: Batch) => void;
  onExport: (b: Batch) => void;
  onRemove: (b: Batch) => void;
}

/** The batches table of the import history (newest first). */
export function BatchesTable({ batches, loading, busy, onDetails, onRejected, onExport, onRemove }: Props) {
  const { t } = useTranslation();
  const num = (key: 'rowsRead' | 'imported' | 'updated' | 'duplicates' | 'blankRows', width = 92) => ({
    title: t(`import.history.${key}`), dataIndex: key, key, width, align: 'right' as const,
    onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' as const } }),
    render: (v: number) => v.toLocaleString(),
  });
  const columns: TableColumnsType<Batch> = [
    { title: '#', dataIndex: 'id', key: 'id', width: 56, align: 'right' },
    {
      title: t('import.history.fileName'), dataIndex: 'fileName', key: 'fileName', width: 200, ellipsis: { showTitle: true },
      render: (v: string, b) => <>{b.synthetic && <Tag color="orange">{t('import.history.synthetic')}</Tag>}{v}</>,
    },
    {
      title: t('import.history.status'), key: 'status', width: 96,
      render: (_: unknown, b) => {
        const s = batchStatus(b);
        return <Tag color={STATUS_COLORS[s] ?? 'default'}>{t(`import.history.statuses.${s}`, { defaultValue: s })}</Tag>;
      },
    },
    { title: t('import.history.source'), key: 'source', width: 140, ellipsis: true, render: (_: unknown, b) => <span title={b.sourceCode}>{b.sourceName ?? b.sourceCode}</span> },
    {
      title: 'SHA-256', dataIndex: 'sha256', key: 'sha256', width: 130,
      render: (v: string | null) => (v ? <Typography.Text code copyable={{ text: v, tooltips: [t('import.history.copySha'), t('import.history.copied')] }} title={v}>{shortHash(v, 8)}</Typography.Text> : '—'),
    },
    num('rowsRead'),
    num('imported'),
    num('updated'),
    num('duplicates'),
    {
      title: t('import.history.rejected'), dataIndex: 'rejected', key: 'rejected', width: 92, align: 'right',
      render: (v: number, b) => (v > 0 ? <Typography.Link type="danger" onClick={() => onRejected(b)}>{v.toLocaleString()}</Typography.Link> : '0'),
    },
    num('blankRows', 80),
    {
      title: t('import.history.time'), dataIndex: 'startedAt', key: 'time', width: 150,
      render: (v: number, b) => <Tooltip title={b.seconds !== null ? t('import.run.seconds', { seconds: b.seconds.toFixed(1) }) : undefined}>{formatShanghai(v)}</Tooltip>,
    },
    {
      title: t('import.history.actions'), key: 'actions', width: 180, fixed: 'right',
      render: (_: unknown, b) => {
        const removed = b.removedAt !== null;
        return (
          <Space size={4}>
            <Button size="small" icon={<ProfileOutlined />} onClick={() => onDetails(b)} data-testid={`batch-details-${b.id}`}>{t('import.history.details')}</Button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'rejected', icon: <FileSearchOutlined />, label: t('import.history.rejectedRows'), disabled: b.rejected === 0, onClick: () => onRejected(b) },
                  { key: 'export', icon: <ExportOutlined />, label: t('import.history.exportRejected'), disabled: b.rejected === 0, onClick: () => onExport(b) },
                ],
              }}
            >
              <Button size="small" icon={<EllipsisOutlined />} aria-label={t('import.history.more')} />
            </Dropdown>
            <Popconfirm
              title={t('import.history.removeConfirm', { id: b.id, file: b.fileName })}
              description={<div style={{ maxWidth: 320 }}>{t('import.history.removeHint', { records: b.records.toLocaleString() })}</div>}
              okButtonProps={{ danger: true }}
              okText={t('import.history.remove')}
              onConfirm={() => onRemove(b)}
              disabled={removed || busy}
            >
              <Tooltip title={t('import.history.remove')}>
                <Button size="small" danger icon={<DeleteOutlined />} disabled={removed || busy} aria-label={t('import.history.remove')} data-testid={`batch-remove-${b.id}`} />
              </Tooltip>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  return (
    <Table<Batch>
      data-testid="history-table"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={[...batches].sort((a, z) => z.id - a.id)}
      loading={loading}
      scroll={{ x: 1460 }}
      rowClassName={(b) => (b.removedAt !== null ? 'ms-import-unmapped' : '')}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('import.history.empty') }}
    />
  );
}
