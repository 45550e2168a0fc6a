import { Alert, Flex, Input, InputNumber, Select, Slider, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GroupNode, SchemeNode, WeightMethod } from '../../../../../shared/domain/evaluation';
import { equalMatrix } from '../tree-ops';
import { AhpMatrix } from './AhpMatrix';
import { Field } from './Field';
import { localName } from './names';

/** A dimension: its names, how its children are weighted, and the manual weights or AHP matrix. */
export function GroupForm({ node, onChange, onChildWeight }: {
  node: GroupNode; onChange(n: SchemeNode): void; onChildWeight(childId: string, weight: number): void;
}) {
  const { t, i18n } = useTranslation();
  const w = node.weighting;
  const set = (patch: Partial<GroupNode['weighting']>) => onChange({ ...node, weighting: { ...w, ...patch } });
  const methods: WeightMethod[] = ['manual', 'ahp', 'entropy', 'combined'];
  const usesAhp = w.method === 'ahp' || (w.method === 'combined' && w.subjective === 'ahp');
  const usesManual = w.method === 'manual' || (w.method === 'combined' && w.subjective !== 'ahp');
  const total = node.children.reduce((s, c) => s + c.weight, 0);
  return (
    <div data-testid="group-form">
      <Flex gap={16} wrap>
        <Field label={t('evaluation.scheme.nameZh')}><Input value={node.name.zh} onChange={(e) => onChange({ ...node, name: { ...node.name, zh: e.target.value } })} data-testid="node-name-zh" /></Field>
        <Field label={t('evaluation.scheme.nameEn')}><Input value={node.name.en} onChange={(e) => onChange({ ...node, name: { ...node.name, en: e.target.value } })} /></Field>
        <Field label={t('evaluation.node.weighting')}>
          <Select style={{ width: '100%' }} value={w.method} data-testid="weight-method"
            options={methods.map((m) => ({ value: m, label: t(`evaluation.node.${m}`) }))}
            onChange={(method: WeightMethod) => set({ method, ...(method === 'ahp' && w.matrix?.length !== node.children.length ? { matrix: equalMatrix(node.children.length) } : {}) })} />
        </Field>
      </Flex>
      {w.method === 'combined' && (
        <Flex gap={16} wrap>
          <Field label={t('evaluation.node.subjective')}>
            <Select style={{ width: '100%' }} value={w.subjective ?? 'manual'} options={(['manual', 'ahp'] as const).map((m) => ({ value: m, label: t(`evaluation.node.${m}`) }))}
              onChange={(subjective: 'manual' | 'ahp') => set({ subjective, ...(subjective === 'ahp' && w.matrix?.length !== node.children.length ? { matrix: equalMatrix(node.children.length) } : {}) })} />
          </Field>
          <Field label={`${t('evaluation.node.alpha')}: ${Math.round((w.alpha ?? 0.5) * 100)}%`} width={320}>
            <Slider min={0} max={1} step={0.05} value={w.alpha ?? 0.5} onChange={(alpha: number) => set({ alpha })} />
          </Field>
        </Flex>
      )}
      {(w.method === 'entropy' || w.method === 'combined') && <Alert type="info" showIcon title={t('evaluation.node.entropyNote')} style={{ marginBottom: 12 }} />}
      {usesManual && (
        <Table size="small" rowKey="id" pagination={false} dataSource={node.children} data-testid="manual-weights" style={{ marginBottom: 12 }}
          columns={[
            { title: t('evaluation.node.indicator'), key: 'name', render: (_: unknown, c: SchemeNode) => localName(c.name, i18n.language) },
            { title: t('evaluation.node.weight'), key: 'w', width: 140, render: (_: unknown, c: SchemeNode) => (
              <InputNumber size="small" min={0} max={1000} value={c.weight} onChange={(v) => onChildWeight(c.id, Number(v ?? 0))} data-testid={`weight-${c.id}`} />) },
            { title: '%', key: 'p', width: 80, render: (_: unknown, c: SchemeNode) => (total > 0 ? `${((100 * c.weight) / total).toFixed(1)}%` : '—') },
          ]} />
      )}
      {usesAhp && <AhpMatrix node={node} onChange={(matrix) => set({ matrix })} />}
    </div>
  );
}
