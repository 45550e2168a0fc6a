import { useState } from 'react';
import { Alert, Button, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RunResult } from '../../../../../shared/api/areas/evaluation';
import { errorText } from '../../../app/errors';
import { currentLocale } from '../../../app/i18n';
import { api } from '../../../platform/select';
import { startWatchedJob } from '../../import/job-watch';
import { useEval } from '../eval-store';

/** Scheme version, data batches and hashes, filter; re-run and compare. */
export function Provenance({ run }: { run: RunResult }) {
  const { t } = useTranslation();
  const showRun = useEval((s) => s.showRun);
  const [outcome, setOutcome] = useState<{ ok: boolean | null; id: number; error?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const rerun = async () => {
    setBusy(true);
    try {
      await startWatchedJob(() => api.call('evaluation.rerun', { runId: run.id }), {
        progress: () => undefined,
        done: (end) => {
          setBusy(false);
          const r = end.result as { runId: number; matchesSource: boolean | null } | undefined;
          if (r) { setOutcome({ ok: r.matchesSource, id: r.runId }); showRun(r.runId); } else setOutcome({ ok: null, id: run.id, error: end.error?.message ?? end.job.status });
        },
      });
    } catch (e) { setBusy(false); setOutcome({ ok: null, id: run.id, error: errorText(e, currentLocale()) }); }
  };
  const filter = Object.keys(run.filter).length ? JSON.stringify(run.filter) : t('evaluation.results.noFilter');
  return (
    <div data-testid="provenance">
      {run.dataChanged && <Alert type="warning" showIcon title={t('evaluation.results.dataChanged')} style={{ marginBottom: 8 }} />}
      {outcome && (outcome.error ? <Alert type="error" showIcon title={outcome.error} />
        : <Alert type={outcome.ok ? 'success' : 'warning'} showIcon data-testid="rerun-outcome" style={{ marginBottom: 8 }}
          title={t(outcome.ok ? 'evaluation.results.rerunSame' : 'evaluation.results.rerunDiff', { id: outcome.id })} />)}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('evaluation.results.schemeVersion')}>{run.scheme.key} v{run.scheme.version} · {t('evaluation.results.seconds', { value: run.seconds.toFixed(1) })}</Descriptions.Item>
        <Descriptions.Item label={t('evaluation.results.resultHash')}><Typography.Text code copyable={{ text: run.resultHash }} data-testid="result-hash">{run.resultHash.slice(0, 16)}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label={t('evaluation.results.dataHash')}><Typography.Text code copyable={{ text: run.provenance.dataHash }}>{run.provenance.dataHash.slice(0, 16)}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label={t('evaluation.results.batches')}>
          {run.provenance.batches.map((b) => <Tag key={b.id}>#{b.id} {b.fileName} · {b.records} {b.sha256 ? `· ${b.sha256.slice(0, 8)}` : ''}</Tag>)}
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluation.results.filter')}><Typography.Text style={{ fontSize: 12 }}>{filter}</Typography.Text></Descriptions.Item>
      </Descriptions>
      <Button style={{ marginTop: 8 }} onClick={() => void rerun()} loading={busy} data-testid="rerun">{t('evaluation.results.rerun')}</Button>
    </div>
  );
}
