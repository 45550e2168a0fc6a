import { Flex, Table, Tag, Tooltip, TreeSelect, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CrosswalkEntry } from './taxonomy-tree';
import '../import.css';

export interface CategoryOption { title: string; value: number; path: string; children?: CategoryOption[] }

interface Props {
  entries: readonly CrosswalkEntry[];
  loading: boolean;
  options: CategoryOption[];
  pathOf: (id: number) => string;
  selected: readonly string[];
  onSelect: (labels: string[]) => void;
  onAssign: (label: string, categoryId: number | null) => void;
}

const pct = (s: number) => Math.round((s <= 1 ? s * 100 : s));

/** Source labels with record counts, their unified category (editable), and clickable suggestions. */
export function CrosswalkTable({ entries, loading, options, pathOf, selected, onSelect, onAssign }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CrosswalkEntry> = [
    { title: t('import.taxonomy.label'), dataIndex: 'label', key: 'label', width: 220, ellipsis: { showTitle: true }, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('import.taxonomy.records'), dataIndex: 'records', key: 'records', width: 90, align: 'right', render: (v: number) => v.toLocaleString() },
    {
      title: t('import.taxonomy.category'), key: 'category', width: 260,
      render: (_: unknown, e) => (
        <Flex vertical gap={2}>
          <TreeSelect<number>
            size="small"
            style={{ width: '100%' }}
            treeData={options}
            value={e.categoryId ?? undefined}
            placeholder={t('import.taxonomy.unmapped')}
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeNodeLabelProp="path"
            popupMatchSelectWidth={false}
            onChange={(v) => onAssign(e.label, v ?? null)}
          />
          {e.method && <Typography.Text type="secondary" style={{ fontSize: 11 }}>{t(`import.taxonomy.methods.${e.method}`, { defaultValue: e.method })}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t('import.taxonomy.suggestions'), key: 'suggestions',
      render: (_: unknown, e) => (e.suggestions.length === 0 ? null : (
        <Flex wrap gap={4}>
          {e.suggestions.slice(0, 3).map((s) => (
            <Tooltip key={s.id} title={t('import.taxonomy.suggestionHint', { score: pct(s.score), method: s.method })}>
              <Tag className="ms-import-chip" color={e.categoryId === s.id ? 'blue' : undefined} onClick={() => onAssign(e.label, s.id)}
                data-testid="crosswalk-suggestion">
                {pathOf(s.id)} <span style={{ color: '#aaa' }}>{pct(s.score)}%</span>
              </Tag>
            </Tooltip>
          ))}
        </Flex>
      )),
    },
  ];

  return (
    <Table<CrosswalkEntry>
      data-testid="crosswalk-table"
      size="small"
      rowKey="label"
      columns={columns}
      dataSource={entries as CrosswalkEntry[]}
      loading={loading}
      scroll={{ x: 900 }}
      rowSelection={{ selectedRowKeys: selected as string[], onChange: (keys) => onSelect(keys.map(String)), preserveSelectedRowKeys: true }}
      pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showTotal: (n) => t('import.taxonomy.total', { n: n.toLocaleString() }) }}
      locale={{ emptyText: t('import.taxonomy.labelsEmpty') }}
    />
  );
}
