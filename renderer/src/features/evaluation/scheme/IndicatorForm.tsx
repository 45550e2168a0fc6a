import { Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { METRICS, METRIC_IDS, type IndicatorNode, type MetricId, type SchemeNode } from '../../../../../shared/domain/evaluation';
import { Field } from './Field';

/** An indicator: the metric it is bound to, its parameters, direction, normalisation, missing-value rule, weight. */
export function IndicatorForm({ node, onChange, available }: { node: IndicatorNode; onChange(n: SchemeNode): void; available: ReadonlySet<MetricId> | null }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const info = METRICS[node.metric];
  const set = (patch: Partial<IndicatorNode>) => onChange({ ...node, ...patch });
  const opt = <T extends string>(values: readonly T[], prefix = 'evaluation.node') => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  const needsTarget = node.direction === 'nominal' || node.normalisation === 'target';
  return (
    <div data-testid="indicator-form">
      <Flex gap={16} wrap>
        <Field label={t('evaluation.scheme.nameZh')}><Input value={node.name.zh} onChange={(e) => set({ name: { ...node.name, zh: e.target.value } })} data-testid="node-name-zh" /></Field>
        <Field label={t('evaluation.scheme.nameEn')}><Input value={node.name.en} onChange={(e) => set({ name: { ...node.name, en: e.target.value } })} /></Field>
        <Field label={t('evaluation.node.metric')} width={360}>
          <Select showSearch virtual={false} optionFilterProp="label" style={{ width: "100%" }} value={node.metric} data-testid="metric-select"
            options={METRIC_IDS.map((id) => ({
              value: id,
              label: `${en ? METRICS[id].en : METRICS[id].zh}${available && !available.has(id) ? ` (${t('evaluation.node.unavailable')})` : ''}`,
            }))}
            onChange={(metric: MetricId) => set({
              metric, params: {}, direction: METRICS[metric].direction,
              name: node.name.zh === METRICS[node.metric].zh ? { zh: METRICS[metric].zh, en: METRICS[metric].en } : node.name,
            })} />
        </Field>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('evaluation.node.definition')}：{en ? info.defEn : info.defZh}</Typography.Paragraph>
      <Flex gap={16} wrap>
        {info.params.map((p) => (
          <Field key={p} label={t(`evaluation.node.${p}`)} width={160}>
            <InputNumber min={1} value={node.params[p]} onChange={(v) => set({ params: { ...node.params, [p]: v === null ? undefined : Number(v) } })} data-testid={`param-${p}`} />
          </Field>
        ))}
        <Field label={t('evaluation.node.direction')} width={200}>
          <Select style={{ width: '100%' }} value={node.direction} options={opt(['higher', 'lower', 'nominal'] as const)} onChange={(direction) => set({ direction })} data-testid="direction-select" />
        </Field>
        <Field label={t('evaluation.node.normalisation')} width={220}>
          <Select style={{ width: '100%' }} value={node.normalisation} options={opt(['minmax', 'zscore', 'target'] as const)} onChange={(normalisation) => set({ normalisation })} data-testid="normalisation-select" />
        </Field>
        {needsTarget && (
          <Field label={t('evaluation.node.targetValue')} width={140}>
            <InputNumber value={node.target ?? undefined} onChange={(v) => set({ target: v === null ? null : Number(v) })} status={node.target == null ? 'error' : undefined} data-testid="target-input" />
          </Field>
        )}
        <Field label={t('evaluation.node.missing')} width={280}>
          <Select style={{ width: '100%' }} value={node.missing} options={opt(['exclude', 'worst', 'mean'] as const)} onChange={(missing) => set({ missing })} />
        </Field>
      </Flex>
    </div>
  );
}
