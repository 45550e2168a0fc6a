import { useMemo } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Preview, PreviewRow } from '../arrow-rows';

interface Props {
  headers: readonly string[];
  preview: Preview | null;
  loading: boolean;
}

/** The first rows of the file exactly as read: wrong encodings show up here as mojibake. */
export function PreviewTable({ headers, preview, loading }: Props) {
  const { t } = useTranslation();
  const width = Math.max(headers.length, preview?.width ?? 0);
  const columns = useMemo<TableColumnsType<PreviewRow>>(() => [
    { title: t('import.preview.rowNumber'), dataIndex: 'rowNumber', key: 'rowNumber', width: 64, fixed: 'left', align: 'right' },
    ...Array.from({ length: width }, (_, i) => ({
      title: (
        <div>
          <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} title={headers[i] ?? ''}>
            {headers[i] || <Typography.Text type="secondary">{t('import.preview.noHeader')}</Typography.Text>}
          </div>
          <div style={{ fontSize: 11, color: '#999', fontWeight: 400 }}>{t('import.preview.columnN', { n: i + 1 })}</div>
        </div>
      ),
      key: `c${i}`,
      width: 160,
      ellipsis: { showTitle: true },
      render: (_: unknown, r: PreviewRow) => r.cells[i] ?? '',
    })),
  ], [headers, width, t]);

  return (
    <Table<PreviewRow>
      data-testid="import-preview-table"
      size="small"
      bordered
      rowKey="rowNumber"
      loading={loading}
      columns={columns}
      dataSource={preview?.rows ?? []}
      pagination={false}
      scroll={{ x: 64 + width * 160, y: 440 }}
      locale={{ emptyText: t('import.preview.empty') }}
    />
  );
}
