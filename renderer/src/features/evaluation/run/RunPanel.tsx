import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, InputNumber, Progress, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OBJECT_KINDS, type ObjectKind } from '../../../../../shared/domain/evaluation';
import { errorText } from '../../../app/errors';
import { currentLocale } from '../../../app/i18n';
import { api } from '../../../platform/select';
import { useFacets } from '../../../state/facets';
import { useFilter } from '../../../state/filters';
import { startWatchedJob } from '../../import/job-watch';
import { useEval } from '../eval-store';
import { Field } from '../scheme/Field';
import { periodOptions } from './periods';

/** Objects, periods and sensitivity; runs the saved scheme version as a job under the global filter. */
export function RunPanel() {
  const { t } = useTranslation();
  const filter = useFilter();
  const range = useFacets((s) => s.facets?.timeRange);
  const { schemeId, dirty, showRun } = useEval();
  const options = useMemo(() => periodOptions(range?.min ?? null, range?.max ?? null), [range?.min, range?.max]);
  const [kind, setKind] = useState<ObjectKind>('department');
  const [periods, setPeriods] = useState<string[] | null>(null);
  const [percent, setPercent] = useState(10);
  const [state, setState] = useState<{ running: boolean; pct: number; error: string | null }>({ running: false, pct: 0, error: null });
  const chosen = periods ?? options.filter((o) => /^\d{4}$/.test(o)).slice(0, 2).reverse();
  const run = async () => {
    if (schemeId === null) return;
    setState({ running: true, pct: 0, error: null });
    try {
      await startWatchedJob(() => api.call('evaluation.run', { schemeId, objectKind: kind, periods: chosen, filter, sensitivityPercent: percent }), {
        progress: (p) => setState((s) => ({ ...s, pct: p.total ? Math.round((100 * p.done) / p.total) : s.pct })),
        done: (end) => {
          if (end.job.status === 'succeeded') { setState({ running: false, pct: 100, error: null }); showRun((end.result as { runId: number }).runId); }
          else setState({ running: false, pct: 0, error: end.error?.message ?? end.job.message ?? end.job.status });
        },
      });
    } catch (e) { setState({ running: false, pct: 0, error: errorText(e, currentLocale()) }); }
  };
  return (
    <Card size="small" title={t('evaluation.run.title')} style={{ marginBottom: 12 }} data-testid="run-panel">
      <Flex gap={16} wrap align="flex-end">
        <Field label={t('evaluation.run.object')} width={160}>
          <Select style={{ width: '100%' }} value={kind} onChange={setKind} options={OBJECT_KINDS.map((k) => ({ value: k, label: t(`evaluation.run.${k}`) }))} data-testid="run-object" />
        </Field>
        <Field label={t('evaluation.run.periods')} width={360}>
          <Select mode="multiple" style={{ width: '100%' }} value={chosen} onChange={setPeriods} options={options.map((o) => ({ value: o, label: o }))} data-testid="run-periods" />
        </Field>
        <Field label={t('evaluation.run.sensitivity')} width={150}>
          <InputNumber min={1} max={90} value={percent} onChange={(v) => setPercent(Number(v ?? 10))} />
        </Field>
        <div style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => void run()} loading={state.running} disabled={schemeId === null || dirty || !chosen.length} data-testid="run-start">{t('evaluation.run.start')}</Button>
        </div>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('evaluation.run.periodsHint')} · {t('evaluation.run.filterNote')}</Typography.Text>
      {(schemeId === null || dirty) && <Alert style={{ marginTop: 8 }} type="warning" showIcon title={t('evaluation.run.needsSave')} />}
      {state.running && <Progress percent={state.pct} size="small" status="active" />}
      {state.error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={t('evaluation.run.failed', { error: state.error })} />}
    </Card>
  );
}
