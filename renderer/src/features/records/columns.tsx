import type { TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { RecordRow } from './arrow';
import { maskPii } from '../../../../shared/domain/text/pii';
import { formatScore, formatShanghai } from './format';

const STATUS_COLORS: Record<string, string> = { open: 'blue', in_progress: 'gold', returned: 'red', closed: 'default' };

export type SortField = 'receivedAt' | 'closedAt' | 'district' | 'department' | 'status' | 'satisfaction';
export interface Sort { field: SortField; dir: 'asc' | 'desc' }

/**
 * Columns of the records table; `sort` drives the controlled sort arrows. With `mask` (the "mask personal
 * information on screen" preference) phone, ID-card and bank-card numbers, e-mails and plates in the
 * free-text columns show only a few characters.
 */
export function recordColumns(t: TFunction, sourceName: (code: string | null) => string, sort: Sort | undefined, mask = true): TableColumnsType<RecordRow> {
  const order = (field: SortField): SortOrder => (sort?.field === field ? (sort.dir === 'asc' ? 'ascend' : 'descend') : null);
  const sortable = (field: SortField) => ({ sorter: true, sortOrder: order(field), sortDirections: ['descend', 'ascend'] as SortOrder[] });
  const text = (key: keyof RecordRow, width: number) => ({ title: t(`records.${key}`), dataIndex: key, key, width, ellipsis: true });
  return [
    { title: t('records.id'), dataIndex: 'id', key: 'id', width: 80 },
    text('externalId', 150),
    { title: t('records.receivedAt'), dataIndex: 'receivedAt', key: 'receivedAt', width: 150, render: (v: number | null) => formatShanghai(v), ...sortable('receivedAt') },
    { title: t('records.source'), dataIndex: 'sourceCode', key: 'source', width: 120, ellipsis: true, render: (v: string | null) => sourceName(v) },
    text('cat1', 120),
    text('cat2', 120),
    text('cat3', 140),
    { ...text('district', 100), ...sortable('district') },
    text('street', 120),
    { ...text('department', 150), ...sortable('department') },
    { title: t('records.status'), dataIndex: 'status', key: 'status', width: 100, render: (v: string | null) => (v ? <Tag color={STATUS_COLORS[v]}>{t(`status.${v}`, { defaultValue: v })}</Tag> : null), ...sortable('status') },
    { title: t('records.satisfaction'), dataIndex: 'satisfaction', key: 'satisfaction', width: 100, align: 'right', render: (v: number | null) => formatScore(v), ...sortable('satisfaction') },
    { ...text('title', 280), render: (v: string | null) => (v && mask ? maskPii(v) : v) },
  ];
}
