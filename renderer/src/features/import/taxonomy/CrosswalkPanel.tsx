import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Popconfirm, Select, Space, Switch, Tooltip, TreeSelect, Typography } from 'antd';
import { BuildOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../app/errors';
import { currentLocale } from '../../../app/i18n';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { useSources } from '../hooks';
import { CrosswalkTable, type CategoryOption } from './CrosswalkTable';
import { buildTaxTree, crosswalkCoverage, filterCrosswalk, pathNames, type TaxItem, type TaxNode } from './taxonomy-tree';

interface Props {
  nodes: readonly TaxNode[];
  reloadKey: string;
  busy: boolean;
  /** Sources whose crosswalk changed since the last apply. */
  dirty: ReadonlySet<string>;
  onChanged: (sourceCode: string) => void;
  onFromData: (sourceCode: string | null) => void;
  onApply: (sourceCode: string | null) => void;
}

function toOptions(items: readonly TaxItem[], parent = ''): CategoryOption[] {
  return items.map((it) => {
    const path = parent ? `${parent} / ${it.name}` : it.name;
    return { title: it.name, value: it.id, path, children: it.children.length ? toOptions(it.children, path) : undefined };
  });
}

/** Per source: its category labels, their unified category, suggestions, bulk assignment, apply. */
export function CrosswalkPanel({ nodes, reloadKey, busy, dirty, onChanged, onFromData, onApply }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sources = useSources();
  const [picked, setPicked] = useState<string | null>(null);
  const source = picked ?? sources.data?.[0]?.code ?? null;
  const [unmappedOnly, setUnmappedOnly] = useState(false);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkTarget, setBulkTarget] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [localReload, setLocalReload] = useState(0);
  const list = useAsync(() => (source ? api.call('crosswalk.list', { sourceCode: source }) : Promise.resolve([])), `${source}|${reloadKey}|${localReload}`);
  const options = useMemo(() => toOptions(buildTaxTree(nodes)), [nodes]);
  const pathOf = useMemo(() => pathNames(nodes), [nodes]);
  const entries = useMemo(() => filterCrosswalk(list.data ?? [], { unmappedOnly, query }), [list.data, unmappedOnly, query]);
  const cov = crosswalkCoverage(list.data ?? []);

  const assign = async (labels: readonly string[], categoryId: number | null) => {
    if (!source || labels.length === 0) return;
    setSaving(true);
    try {
      await api.call('crosswalk.set', { sourceCode: source, entries: labels.map((label) => ({ label, categoryId })) });
      message.success(t('import.taxonomy.saved', { n: labels.length }));
      onChanged(source);
      setSelected([]);
      setLocalReload((n) => n + 1);
    } catch (e) {
      message.error(t('import.taxonomy.saveFailed', { error: errorText(e, currentLocale()) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('import.taxonomy.crosswalkTitle')}
      extra={source && <Typography.Text type="secondary" data-testid="crosswalk-coverage">{t('import.taxonomy.coverage', { mapped: cov.mapped, labels: cov.labels, pct: cov.records ? Math.round((cov.mappedRecords / cov.records) * 100) : 0 })}</Typography.Text>}>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select<string> data-testid="crosswalk-source" style={{ width: 220 }} value={source ?? undefined} loading={sources.loading}
          placeholder={t('import.taxonomy.sourcePlaceholder')} notFoundContent={t('import.taxonomy.noSources')}
          onChange={(v) => { setPicked(v); setSelected([]); }}
          options={(sources.data ?? []).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))} />
        <Input.Search allowClear style={{ width: 200 }} placeholder={t('import.taxonomy.searchLabel')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <Space size={6}>
          <Switch size="small" checked={unmappedOnly} onChange={setUnmappedOnly} data-testid="crosswalk-unmapped-only" />
          <span>{t('import.taxonomy.unmappedOnly')}</span>
        </Space>
      </Flex>
      <Flex wrap gap={8} align="center" justify="flex-end" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ flex: 1, fontSize: 12 }}>{t('import.taxonomy.crosswalkHint')}</Typography.Text>
        <Popconfirm title={t('import.taxonomy.fromDataConfirm')} description={<div style={{ maxWidth: 320 }}>{t('import.taxonomy.fromDataHint')}</div>} onConfirm={() => onFromData(source)} disabled={busy || !source}>
          <Button icon={<BuildOutlined />} disabled={busy || !source} data-testid="taxonomy-from-data">{t('import.taxonomy.fromData')}</Button>
        </Popconfirm>
        <Tooltip title={t('import.taxonomy.applyHint')}>
          <Button type={source && dirty.has(source) ? 'primary' : 'default'} icon={<SyncOutlined />} disabled={busy || !source}
            onClick={() => onApply(source)} data-testid="crosswalk-apply">
            {t('import.taxonomy.apply')}
          </Button>
        </Tooltip>
      </Flex>
      {source && dirty.has(source) && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('import.taxonomy.pending')} />}
      {selected.length > 0 && (
        <Flex gap={8} align="center" style={{ marginBottom: 12, padding: 8, background: '#f0f5ff', borderRadius: 6 }} data-testid="crosswalk-bulk">
          <span>{t('import.taxonomy.bulkAssign', { n: selected.length })}</span>
          <TreeSelect<number> style={{ width: 320 }} treeData={options} value={bulkTarget ?? undefined} onChange={(v) => setBulkTarget(v ?? null)}
            showSearch treeNodeFilterProp="title" treeNodeLabelProp="path" allowClear placeholder={t('import.taxonomy.category')} popupMatchSelectWidth={false} />
          <Button type="primary" disabled={bulkTarget === null} loading={saving} onClick={() => void assign(selected, bulkTarget)}>{t('import.taxonomy.assign')}</Button>
          <Button onClick={() => void assign(selected, null)} loading={saving}>{t('import.taxonomy.unassign')}</Button>
          <Button type="link" onClick={() => setSelected([])}>{t('import.taxonomy.clearSelection')}</Button>
        </Flex>
      )}
      {list.error != null && <ErrorAlert error={list.error} />}
      <CrosswalkTable
        entries={entries}
        loading={list.loading || saving}
        options={options}
        pathOf={pathOf}
        selected={selected}
        onSelect={setSelected}
        onAssign={(label, id) => void assign([label], id)}
      />
    </Card>
  );
}
