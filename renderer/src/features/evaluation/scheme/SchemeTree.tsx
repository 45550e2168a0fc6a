import { Button, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import { METRICS, type GroupNode, type SchemeNode } from '../../../../../shared/domain/evaluation';
import { localName } from './names';

function toData(n: SchemeNode, lang: string, weights: Map<string, number>): DataNode {
  const pct = weights.get(n.id);
  const title = (
    <span data-testid={`tree-${n.id}`}>
      {n.kind === 'group' ? <Typography.Text strong>{localName(n.name, lang)}</Typography.Text> : localName(n.name, lang)}
      {n.kind === 'indicator' && <Typography.Text type="secondary" style={{ fontSize: 11, marginInlineStart: 6 }}>{lang === 'en' ? METRICS[n.metric].en : METRICS[n.metric].zh}</Typography.Text>}
      {pct !== undefined && <Tag style={{ marginInlineStart: 6 }}>{(pct * 100).toFixed(0)}%</Tag>}
    </span>
  );
  return { key: n.id, title, children: n.kind === 'group' ? n.children.map((c) => toData(c, lang, weights)) : undefined, isLeaf: n.kind === 'indicator' };
}

/** Manual weights as shares of their siblings (AHP/entropy weights are shown in the results). */
function manualShares(root: GroupNode): Map<string, number> {
  const out = new Map<string, number>();
  const visit = (g: GroupNode) => {
    const total = g.children.reduce((s, c) => s + c.weight, 0);
    for (const c of g.children) {
      if (g.weighting.method === 'manual' && total > 0) out.set(c.id, c.weight / total);
      if (c.kind === 'group') visit(c);
    }
  };
  visit(root);
  return out;
}

const groupIds = (g: GroupNode): string[] => [g.id, ...g.children.flatMap((c) => (c.kind === 'group' ? groupIds(c) : []))];

export function SchemeTree({ root, selected, onSelect, onAdd, onRemove, onMove }: {
  root: GroupNode; selected: string | null; onSelect(id: string): void;
  onAdd(kind: 'group' | 'indicator'): void; onRemove(): void; onMove(dir: -1 | 1): void;
}) {
  const { t, i18n } = useTranslation();
  const isRoot = selected === root.id;
  return (
    <div data-testid="scheme-tree">
      <Space wrap style={{ marginBottom: 8 }}>
        <Button size="small" onClick={() => onAdd('group')} data-testid="add-group">{t('evaluation.scheme.addGroup')}</Button>
        <Button size="small" onClick={() => onAdd('indicator')} data-testid="add-indicator">{t('evaluation.scheme.addIndicator')}</Button>
        <Button size="small" disabled={isRoot} onClick={() => onMove(-1)}>{t('evaluation.scheme.moveUp')}</Button>
        <Button size="small" disabled={isRoot} onClick={() => onMove(1)}>{t('evaluation.scheme.moveDown')}</Button>
        <Button size="small" danger disabled={isRoot} onClick={onRemove} data-testid="remove-node">{t('evaluation.scheme.remove')}</Button>
      </Space>
      <Tree key={JSON.stringify(groupIds(root))} blockNode defaultExpandAll selectedKeys={selected ? [selected] : []} treeData={[toData(root, i18n.language, manualShares(root))]}
        onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))} style={{ maxHeight: 560, overflow: 'auto' }} />
    </div>
  );
}
