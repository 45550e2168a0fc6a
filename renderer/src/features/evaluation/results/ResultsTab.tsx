import { useEffect, useMemo, useRef, useState } from 'react';
import type { ECharts } from 'echarts';
import { Alert, Card, Col, Empty, Row, Segmented, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { walkScheme } from '../../../../../shared/domain/evaluation';
import { EChart } from '../../../components/chart/EChart';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { useEval } from '../eval-store';
import { EvidenceDrawer } from '../evidence/EvidenceDrawer';
import { localName } from '../scheme/names';
import { distributionOption, radarDimensions, radarOption, sensitivityOption } from './chart-options';
import { Provenance } from './Provenance';
import { RankingTable } from './RankingTable';
import { AddToReportButton } from '../../reports/AddToReportButton';
import { chartSnapshot } from '../../reports/basket';

/** A stored run: ranking, radar and distribution charts, sensitivity, provenance, evidence. */
export function ResultsTab() {
  const { t, i18n } = useTranslation();
  const { runId, showRun } = useEval();
  const runs = useAsync(() => api.call('evaluation.listRuns', {}), `runs|${runId ?? ''}`);
  useEffect(() => { if (runId === null && runs.data?.length) showRun(runs.data[0].id); }, [runId, runs.data, showRun]);
  const result = useAsync(() => (runId === null ? Promise.resolve(null) : api.call('evaluation.result', { runId })), `run|${runId ?? ''}`);
  const run = result.data;
  const [periodLabel, setPeriod] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [evidence, setEvidence] = useState<string | null>(null);
  const period = run?.periods.find((p) => p.label === periodLabel) ?? run?.periods[run.periods.length - 1];
  const dims = useMemo(() => (run ? radarDimensions(run.scheme.root) : []), [run]);
  const names = useMemo(() => new Map(run ? walkScheme(run.scheme.root).map((w) => [w.node.id, localName(w.node.name, i18n.language)]) : []), [run, i18n.language]);
  const charts = useRef<Record<string, ECharts | null>>({});
  if (runs.data && !runs.data.length) return <Empty description={t('evaluation.results.none')} />;
  if (!run || !period) return <Card loading>{result.error != null && <ErrorAlert error={result.error} />}</Card>;
  const obj = period.objects.find((o) => o.key === selected) ?? [...period.objects].filter((o) => o.rank !== null).sort((a, b) => a.rank! - b.rank!)[0];
  const objectLabel = (k: string) => t(`evaluation.run.${k}`);
  const add = (key: string, title: string) => <AddToReportButton title={title} source="evaluation" testId={`${key}-add-report`} snapshot={() => chartSnapshot(charts.current[key] ?? null)} />;
  return (
    <div data-testid="results-tab">
      <Row gutter={12} align="middle" style={{ marginBottom: 12 }}>
        <Col><Select style={{ minWidth: 460 }} value={run.id} onChange={(id: number) => { showRun(id); setPeriod(null); }} data-testid="run-select"
          options={(runs.data ?? []).map((r) => ({ value: r.id, label: t('evaluation.results.runLabel', {
            id: r.id, scheme: localName(r.schemeName, i18n.language), version: r.schemeVersion, object: objectLabel(r.objectKind), periods: r.periods.join(', '),
          }) }))} /></Col>
        <Col><Segmented value={period.label} onChange={(v) => setPeriod(String(v))} options={run.periods.map((p) => p.label)} data-testid="period-switch" /></Col>
      </Row>
      {period.unavailable.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="unavailable" title={t('evaluation.results.unavailable')}
          description={period.unavailable.map((u) => <Tag key={u.id}>{names.get(u.id)}：{t(`evaluation.results.reasons.${u.reason}`)}</Tag>)} />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <RankingTable objects={period.objects} dims={dims} selected={obj?.key ?? null} onSelect={setSelected} onEvidence={setEvidence} />
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('evaluation.results.radar', { name: obj?.key ?? '' })} style={{ marginBottom: 12 }} extra={add('radar', t('evaluation.results.radar', { name: obj?.key ?? '' }))}>
            {obj && <EChart testId="radar-chart" onReady={(c) => { charts.current.radar = c; }} height={320} option={radarOption(run.scheme.root, obj, period.objects, i18n.language, t('evaluation.results.radarMean'))} />}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('evaluation.results.distribution')} style={{ marginBottom: 12 }} extra={add('distribution', t('evaluation.results.distribution'))}>
            <EChart testId="distribution-chart" onReady={(c) => { charts.current.distribution = c; }} height={320} option={distributionOption(period.objects, obj?.key ?? null, t('evaluation.results.count'))} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('evaluation.results.provenance')} style={{ marginBottom: 12 }}><Provenance run={run} /></Card>
        </Col>
      </Row>
      <Card size="small" title={t('evaluation.results.sensitivityTitle', { percent: run.sensitivityPercent })} extra={add('sensitivity', t('evaluation.results.sensitivityTitle', { percent: run.sensitivityPercent }))}>
        <EChart testId="sensitivity-chart" onReady={(c) => { charts.current.sensitivity = c; }} height={360} option={sensitivityOption(period, (id) => names.get(id) ?? id,
          t('evaluation.results.scenarioUp', { percent: run.sensitivityPercent }), t('evaluation.results.scenarioDown', { percent: run.sensitivityPercent }), t('evaluation.results.changed'))} />
      </Card>
      <EvidenceDrawer run={run} period={period} object={evidence} onClose={() => setEvidence(null)} />
    </div>
  );
}
