import { Alert, Button, Card, Checkbox, Flex, Form, Input, Progress, Tag, Typography } from 'antd';
import { ExportOutlined, FileTextOutlined, FolderOpenOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { REPORT_FORMATS, type RenderedFile, type RenderResult, type ReportFormat } from '../../../../../shared/domain/report/spec';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsync } from '../../../hooks/useAsync';
import { api } from '../../../platform/select';
import { formatBytes } from '../../records/format';
import { cancelJob, followJob } from './jobs';
import { startRun, useReport } from './report-store';
import { useSpec } from './useSpec';

/** Whether PDF can be printed here (Electron, headless Chromium, or neither — then how to get it). */
function PrinterStatus() {
  const { t } = useTranslation();
  const st = useAsync(() => api.call('report.printerStatus', {}), 'printer');
  if (!st.data) return st.error != null ? <ErrorAlert error={st.error} /> : null;
  return st.data.pdf
    ? <Alert type="success" showIcon title={t('report.export.printer.ok', { how: t(`report.export.printer.${st.data.how}`) })} data-testid="report-printer" style={{ marginBottom: 8 }} />
    : <Alert type="warning" showIcon title={t('report.export.printer.none')} description={<>{st.data.message}<br />{t('report.export.install')}</>} data-testid="report-printer" style={{ marginBottom: 8 }} />;
}

/** Written files: format, full path (wrapping, copyable), size and SHA-256. */
export function FilesTable({ files }: { files: RenderedFile[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={6} data-testid="report-files">
      {files.map((f) => (
        <div key={f.path} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 6 }}>
          <Tag color="blue">{f.format.toUpperCase()}</Tag>
          <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>{f.path}</Typography.Text>
          <div style={{ fontSize: 12, marginTop: 2 }}>
            <Typography.Text type="secondary">{t('report.export.bytes')} {formatBytes(f.bytes)} · {t('report.export.sha')} </Typography.Text>
            <Typography.Text code copyable={{ text: f.sha256 }} style={{ fontSize: 11 }}>{f.sha256.slice(0, 16)}…</Typography.Text>
          </div>
        </div>
      ))}
    </Flex>
  );
}

function Done({ r, onAgain }: { r: RenderResult; onAgain(): void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} data-testid="report-result">
      <Alert type="success" showIcon title={`${t('report.export.doneTitle')}${r.pages !== null ? ` · ${t('report.export.pages', { n: r.pages })}` : ''}`}
        action={<Button size="small" onClick={onAgain}>{t('report.export.again')}</Button>} />
      <FilesTable files={r.files} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('report.export.hash')}: <Typography.Text code copyable style={{ fontSize: 11, wordBreak: 'break-all' }} data-testid="report-hash">{r.reportHash}</Typography.Text></Typography.Text>
      {r.warnings.length > 0 && <Alert type="warning" showIcon title={t('report.export.warnings')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{r.warnings.map((w) => <li key={w}>{w}</li>)}</ul>} />}
    </Flex>
  );
}

/** Formats, output folder and file name; runs report.render with progress; lists the written files with hashes. */
export function ExportCard({ onRendered }: { onRendered(): void }) {
  const { t } = useTranslation();
  const { spec, problem: specProblem } = useSpec();
  const { formats, outDir, baseName, render, set, setRender } = useReport();
  const running = render?.status === 'running';
  const problem = specProblem ?? (!formats.length ? t('report.export.needFormat') : !outDir.trim() ? t('report.export.needDir') : !baseName.trim() ? t('report.export.needName') : null);
  const start = () => {
    setRender(() => startRun<RenderResult>());
    void followJob<RenderResult>(() => api.call('report.render', { spec, formats, outDir: outDir.trim(), baseName: baseName.trim() }), (f) => setRender((r) => {
      const next = f(r);
      if (next?.status === 'done') onRendered();
      return next;
    }));
  };
  return (
    <Card size="small" title={t('report.export.title')} data-testid="report-export">
      <PrinterStatus />
      {render?.status === 'done' && render.result ? <Done r={render.result} onAgain={() => setRender(() => null)} /> : (
        <Form layout="vertical" size="small">
          <Form.Item label={t('report.export.formats')} style={{ marginBottom: 8 }}>
            <Checkbox.Group<ReportFormat> value={formats} onChange={(v) => set({ formats: v })} data-testid="report-formats"
              options={REPORT_FORMATS.map((f) => ({ value: f, label: t(`report.export.fmt.${f}`) }))} />
          </Form.Item>
          <Form.Item label={t('report.export.outDir')} extra={t('report.export.outDirHint')} style={{ marginBottom: 8 }}>
            <Input prefix={<FolderOpenOutlined />} value={outDir} allowClear placeholder={t('report.export.outDirPlaceholder')} onChange={(e) => set({ outDir: e.target.value })} data-testid="report-outdir" />
          </Form.Item>
          <Form.Item label={t('report.export.baseName')} style={{ marginBottom: 12 }}>
            <Input prefix={<FileTextOutlined />} value={baseName} allowClear maxLength={120} placeholder={t('report.export.baseNamePlaceholder')} onChange={(e) => set({ baseName: e.target.value })} data-testid="report-basename" />
          </Form.Item>
          {render?.status === 'failed' && <ErrorAlert error={render.error} template="report.export.failed" />}
          {running && (
            <div data-testid="report-export-progress" style={{ marginBottom: 8 }}>
              <Typography.Text>{t('report.export.phase', { phase: render.phase ?? '…' })}</Typography.Text>
              <Progress percent={render.total ? Math.floor((100 * render.done) / render.total) : 0} status="active" size="small" />
            </div>
          )}
          <Flex gap={12} align="center">
            <Button type="primary" icon={<ExportOutlined />} disabled={running || problem !== null} loading={running} onClick={start} data-testid="report-export-start">{t('report.export.start')}</Button>
            {running && <Button danger icon={<StopOutlined />} onClick={() => cancelJob(render)}>{t('report.export.cancel')}</Button>}
            {problem && !running && <Typography.Text type="secondary">{problem}</Typography.Text>}
          </Flex>
        </Form>
      )}
    </Card>
  );
}
