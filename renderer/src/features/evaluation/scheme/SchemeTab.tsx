import { useEffect, useMemo } from 'react';
import { Alert, Card, Col, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { findNode, formatProblem, validateScheme, type MetricId, type SchemeNode } from '../../../../../shared/domain/evaluation';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { useEval } from '../eval-store';
import { addChild, moveNode, parentOf, removeNode, updateNode } from '../tree-ops';
import { RunPanel } from '../run/RunPanel';
import { GroupForm } from './GroupForm';
import { IndicatorForm } from './IndicatorForm';
import { SchemeSettings } from './SchemeSettings';
import { SchemeToolbar } from './SchemeToolbar';
import { SchemeTree } from './SchemeTree';
import { localName } from './names';

/** The scheme editor: a tree of dimensions and indicators, the selected node's form, checks, and the run panel. */
export function SchemeTab() {
  const { t, i18n } = useTranslation();
  const { draft, selected, load, edit, select } = useEval();
  const metrics = useAsync(() => api.call('evaluation.metrics', {}), 'metrics');
  const available = useMemo(() => (metrics.data ? new Set<MetricId>(metrics.data.filter((m) => m.available).map((m) => m.id)) : null), [metrics.data]);
  useEffect(() => {
    if (draft) return;
    void api.call('evaluation.listSchemes', {}).then(async (list) => {
      const r = await api.call('evaluation.getScheme', list.length ? { id: list[0].id } : {});
      load(r.scheme, r.id);
    });
  }, [draft, load]);
  if (!draft) return <Card loading />;
  const node = (selected && findNode(draft.root, selected)) || draft.root;
  const problems = validateScheme(draft);
  const change = (n: SchemeNode) => edit((s) => updateNode(s, node.id, () => n));
  const add = (kind: 'group' | 'indicator') => {
    const target = node.kind === 'group' ? node.id : parentOf(draft, node.id)!.id;
    let id = '';
    edit((s) => { const r = addChild(s, target, kind, kind === 'group' ? { zh: t('evaluation.node.group'), en: 'Dimension' } : { zh: '', en: '' }); id = r.id; return r.scheme; });
    select(id);
  };
  return (
    <div data-testid="scheme-tab">
      <SchemeToolbar />
      {metrics.error != null && <ErrorAlert error={metrics.error} />}
      <Row gutter={16}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('evaluation.scheme.tree')}>
            <SchemeTree root={draft.root} selected={node.id} onSelect={select} onAdd={add}
              onRemove={() => { const p = parentOf(draft, node.id); edit((s) => removeNode(s, node.id)); if (p) select(p.id); }}
              onMove={(dir) => edit((s) => moveNode(s, node.id, dir))} />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <RunPanel />
          <Card size="small" title={`${t(node.kind === 'group' ? 'evaluation.node.group' : 'evaluation.node.indicator')}：${localName(node.name, i18n.language)}`} style={{ marginBottom: 12 }}>
            {node.id === draft.root.id && <SchemeSettings scheme={draft} onChange={(s) => edit(() => s)} />}
            {node.kind === 'group'
              ? <GroupForm node={node} onChange={change} onChildWeight={(id, weight) => edit((s) => updateNode(s, id, (c) => ({ ...c, weight })))} />
              : <IndicatorForm node={node} onChange={change} available={available} />}
          </Card>
          <Card size="small" title={t('evaluation.scheme.problems')} data-testid="scheme-problems">
            {problems.length === 0 ? <Alert type="success" showIcon title={t('evaluation.scheme.noProblems')} /> : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {problems.map((p, k) => (
                  <Alert key={k} type={p.severity === 'error' ? 'error' : 'warning'} showIcon title={formatProblem(p, i18n.language === 'en' ? 'en' : 'zh-CN')}
                    onClick={() => select(p.nodeId)} style={{ cursor: 'pointer' }} />
                ))}
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
