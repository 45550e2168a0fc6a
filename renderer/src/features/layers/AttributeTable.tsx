import { useMemo, useState } from 'react';
import { Input, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { attributeColumns, compareCells, rowMatches, type Row } from './layers-data';

/** Every feature with its attributes: sortable columns, a filter over all cells, problems tagged. */
export function AttributeTable({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const attrs = useMemo(() => attributeColumns(rows), [rows]);
  const shown = useMemo(() => rows.filter((r) => rowMatches(r, q)), [rows, q]);
  const columns = [
    { title: 'id', dataIndex: 'id', width: 70, sorter: (a: Row, b: Row) => compareCells(a.id, b.id) },
    { title: t('layers.list.name'), dataIndex: 'name', width: 160, sorter: (a: Row, b: Row) => compareCells(a.name, b.name) },
    { title: t('layers.detail.code'), dataIndex: 'problems', width: 150, render: (v: string | null) => (v ? v.split(' ').map((c) => <Tag key={c} color="orange">{t(`layers.problems.${c}`, { defaultValue: c })}</Tag>) : null) },
    ...attrs.map((a) => ({ title: a, dataIndex: `a:${a}`, ellipsis: true, width: 140, sorter: (x: Row, y: Row) => compareCells(x[`a:${a}`], y[`a:${a}`]) })),
  ];
  return (
    <div data-testid="layers-attributes">
      <Input.Search allowClear size="small" placeholder={t('layers.detail.search')} style={{ width: 260, marginBottom: 8 }} onChange={(e) => setQ(e.target.value)} data-testid="layers-attr-search" />
      <Table<Row> size="small" rowKey="id" dataSource={shown} columns={columns as never} scroll={{ x: 'max-content', y: 360 }} pagination={{ pageSize: 50, showSizeChanger: false }} />
    </div>
  );
}
