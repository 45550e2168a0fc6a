import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Input, Space, Tree, Typography } from 'antd';
import { FolderOpenOutlined, ImportOutlined } from '@ant-design/icons';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { getBridge } from '../../../platform/bridge';
import { branchIds, buildTaxTree, filterTaxTree, type TaxItem, type TaxNode } from './taxonomy-tree';

interface Props {
  nodes: readonly TaxNode[];
  loading: boolean;
  error: unknown;
  busy: boolean;
  onImport: (path: string) => void;
}

function toData(items: readonly TaxItem[]): DataNode[] {
  return items.map((it) => ({
    key: it.id,
    title: (
      <Flex justify="space-between" gap={12} style={{ minWidth: 220 }}>
        <span>{it.name}</span>
        <span style={{ color: '#999', fontVariantNumeric: 'tabular-nums' }}>{it.records.toLocaleString()}</span>
      </Flex>
    ),
    children: it.children.length ? toData(it.children) : undefined,
  }));
}

/** The unified category tree with record counts, a search, and "import a tree from a file". */
export function TaxonomyTreeCard({ nodes, loading, error, busy, onImport }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [path, setPath] = useState('');
  const bridge = getBridge();
  const all = useMemo(() => buildTaxTree(nodes), [nodes]);
  const shown = useMemo(() => filterTaxTree(all, query), [all, query]);
  const data = useMemo(() => toData(shown), [shown]);
  const browse = async () => {
    const p = await bridge?.pickOpenFile?.({ filters: [{ name: 'CSV / Excel', extensions: ['csv', 'xlsx', 'txt'] }] });
    if (p) setPath(p);
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('import.taxonomy.treeTitle')} extra={<Typography.Text type="secondary">{t('import.taxonomy.nodes', { n: nodes.length.toLocaleString() })}</Typography.Text>} loading={loading && nodes.length === 0}>
        {error != null && <ErrorAlert error={error} />}
        <Input.Search allowClear placeholder={t('import.taxonomy.search')} value={query} onChange={(e) => setQuery(e.target.value)} style={{ marginBottom: 8 }} />
        {data.length === 0
          ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(nodes.length ? 'import.taxonomy.noMatch' : 'import.taxonomy.treeEmpty')} />
          : (
            <div data-testid="taxonomy-tree" style={{ maxHeight: 520, overflow: 'auto' }}>
              <Tree
                key={query ? `q:${query}` : 'all'}
                blockNode
                selectable={false}
                treeData={data}
                defaultExpandedKeys={query ? branchIds(shown) : []}
              />
            </div>
          )}
      </Card>
      <Card size="small" title={t('import.taxonomy.importTitle')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('import.taxonomy.importHint')}</Typography.Paragraph>
        <Space.Compact style={{ width: '100%' }}>
          <Input data-testid="taxonomy-import-path" placeholder={t('import.taxonomy.importPath')} value={path} onChange={(e) => setPath(e.target.value)} />
          {bridge && <Button icon={<FolderOpenOutlined />} onClick={() => void browse()} />}
          <Button icon={<ImportOutlined />} disabled={!path.trim() || busy} onClick={() => onImport(path.trim())} data-testid="taxonomy-import-btn">
            {t('import.taxonomy.import')}
          </Button>
        </Space.Compact>
      </Card>
    </Flex>
  );
}
