import { Alert, Button, Card, Checkbox, Flex, Form, Input, Progress, Result, Statistic, Switch, Table, Typography } from 'antd';
import { ExportOutlined, FolderOpenOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PackageExportResult, PackageFile } from '../../../../../shared/api/areas/package';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { filterKey, useFilter } from '../../../state/filters';
import { formatBytes } from '../../records/format';
import { startWatchedJob } from '../../import/job-watch';
import { emptyRun, usePackage, type PackageFormat } from './package-store';

/** What goes out (the global filter's records, formats, layers, taxonomy) and where. */
export function WhatCard() {
  const { t } = useTranslation();
  const filter = useFilter();
  const count = useAsync(() => api.call('records.count', { filter }), filterKey(filter));
  const { formats, outDir, layers, taxonomy } = usePackage();
  const set = usePackage.getState().set;
  return (
    <Card title={t('package.what.title')} size="small" data-testid="package-what">
      <Form layout="vertical" size="small">
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="package-total"
          title={t('package.what.total', { n: (count.data?.count ?? 0).toLocaleString() })} description={t('package.what.filterHint')} />
        <Form.Item label={t('package.what.formats')} style={{ marginBottom: 8 }}>
          <Checkbox.Group<PackageFormat> data-testid="package-formats" value={formats} onChange={(v) => set({ formats: v })}
            options={(['arrow', 'csv', 'geojson', 'gpkg'] as const).map((value) => ({ value, label: t(`package.what.${value}`) }))} />
        </Form.Item>
        <Flex gap={24} wrap style={{ marginBottom: 12 }}>
          <span><Switch size="small" checked={layers} onChange={(v) => set({ layers: v })} /> {t('package.what.layers')}</span>
          <span><Switch size="small" checked={taxonomy} onChange={(v) => set({ taxonomy: v })} /> {t('package.what.taxonomy')}</span>
        </Flex>
        <Form.Item label={t('package.what.outDir')} extra={t('package.what.outDirHint')} style={{ marginBottom: 0 }}>
          <Input data-testid="package-outdir" prefix={<FolderOpenOutlined />} placeholder={t('package.what.outDirPlaceholder')} value={outDir} allowClear
            onChange={(e) => set({ outDir: e.target.value })} />
        </Form.Item>
      </Form>
    </Card>
  );
}

function ResultView({ r, onAgain }: { r: PackageExportResult; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="package-result">
      <Result status="success" style={{ padding: '12px 0' }} title={t('package.run.doneTitle')}
        subTitle={<><Typography.Text code copyable>{r.dir}</Typography.Text><br />{t('package.run.doneRows', { rows: r.rows.toLocaleString(), seconds: r.seconds.toFixed(1) })}</>}
        extra={<Button onClick={onAgain}>{t('package.run.again')}</Button>} />
      <Table<PackageFile> size="small" rowKey="path" pagination={false} dataSource={r.files}
        columns={[
          { title: t('package.run.file'), dataIndex: 'path', ellipsis: true, render: (p: string) => <Typography.Text code title={p}>{p}</Typography.Text> },
          { title: t('package.run.bytes'), dataIndex: 'bytes', width: 90, align: 'right', render: (b: number) => formatBytes(b) },
          { title: t('package.run.sha'), dataIndex: 'sha256', width: 190, render: (h: string) => <Typography.Text code copyable={{ text: h }} style={{ fontSize: 11, whiteSpace: 'nowrap' }}>{h.slice(0, 16)}…</Typography.Text> },
        ]} />
      {r.kAnonymity && (
        <Typography.Text data-testid="package-result-k">
          {t('package.preview.k')} (k = {r.kAnonymity.k}): {t('package.preview.kSmallest')} {r.kAnonymity.smallest?.size ?? 0} · {t('package.preview.kBelow')} {r.kAnonymity.recordsBelowK.toLocaleString()}
        </Typography.Text>
      )}
      <Typography.Text type="secondary">{t('package.run.manifest')}: <Typography.Text code copyable style={{ fontSize: 11 }}>{r.manifestSha256}</Typography.Text></Typography.Text>
    </Flex>
  );
}

/** Starts the export job, follows its progress, shows the written files with their hashes. */
export function RunCard() {
  const { t } = useTranslation();
  const filter = useFilter();
  const { run, formats, outDir, layers, taxonomy, settings } = usePackage();
  const setRun = usePackage.getState().setRun;
  const start = async () => {
    setRun(emptyRun());
    try {
      const { jobId } = await startWatchedJob(() => api.call('package.export', { filter, settings, formats, outDir: outDir.trim(), layers, taxonomy }), {
        progress: (p) => setRun((r) => r && { ...r, status: 'running', done: p.done, total: p.total, phase: p.message, rowsPerSecond: p.ratePerSecond }),
        done: (end) => setRun((r) => r && {
          ...r, status: end.job.status === 'succeeded' ? 'done' : end.job.status === 'cancelled' ? 'cancelled' : 'failed', cancelling: false,
          result: (end.result as PackageExportResult | undefined) ?? null, error: end.error ? { code: end.error.code, message: end.error.message } : null,
        }),
      });
      setRun((r) => r && { ...r, jobId });
    } catch (e) {
      setRun((r) => r && { ...r, status: 'failed', error: e });
    }
  };
  const cancel = () => {
    if (!run?.jobId) return;
    setRun({ ...run, cancelling: true });
    void api.call('jobs.cancel', { jobId: run.jobId });
  };
  const busy = run?.status === 'starting' || run?.status === 'running';
  const problem = !outDir.trim() ? t('package.run.needDir') : formats.length === 0 ? t('package.run.needFormat') : null;
  return (
    <Card size="small" data-testid="package-run">
      {run?.status === 'done' && run.result ? <ResultView r={run.result} onAgain={() => setRun(null)} /> : (
        <Flex vertical gap={12}>
          {run?.status === 'failed' && <ErrorAlert error={run.error} template="package.run.failed" />}
          {busy && run && (
            <div data-testid="package-progress">
              <Typography.Text strong>{t(`package.run.phase.${run.phase ?? 'starting'}`, { defaultValue: run.phase ?? '' })}</Typography.Text>
              <Progress percent={run.total ? Math.floor((100 * run.done) / run.total) : 0} status="active" />
              <Flex gap={32}>
                <Statistic title={t('package.run.rows')} value={run.done} />
                <Statistic title={t('package.run.rate')} value={run.rowsPerSecond ? Math.round(run.rowsPerSecond) : '—'} suffix={run.rowsPerSecond ? t('package.run.perSecond') : undefined} />
              </Flex>
            </div>
          )}
          <Flex gap={12} align="center">
            <Button type="primary" icon={<ExportOutlined />} data-testid="package-start" disabled={busy || problem !== null} loading={busy} onClick={() => void start()}>
              {t('package.run.start')}
            </Button>
            {busy && <Button danger icon={<StopOutlined />} onClick={cancel} loading={run?.cancelling}>{t('package.run.cancel')}</Button>}
            {problem && !busy && <Typography.Text type="secondary">{problem}</Typography.Text>}
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
