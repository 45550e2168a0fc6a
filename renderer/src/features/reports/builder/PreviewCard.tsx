import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Progress, Segmented, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PreviewResult } from '../../../../../shared/domain/report/spec';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { api } from '../../../platform/select';
import { followJob } from './jobs';
import { startRun, useReport } from './report-store';
import { useSpec } from './useSpec';

const PAGE_PX = 860;

/** The engine's standalone HTML in a sandboxed iframe (no scripts), built on demand, zoomed to fit. */
export function PreviewCard() {
  const { t } = useTranslation();
  const { spec, key, problem } = useSpec();
  const preview = useReport((s) => s.preview);
  const setPreview = useReport.getState().setPreview;
  const box = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [boxW, setBoxW] = useState(PAGE_PX);
  const [docH, setDocH] = useState(1200);
  const [zoom, setZoom] = useState<'fit' | 'actual'>('fit');
  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const ro = new ResizeObserver(() => setBoxW(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const build = () => {
    const k = key;
    setPreview(() => ({ ...startRun<PreviewResult>(), key: k }));
    void followJob<PreviewResult>(() => api.call('report.preview', { spec }), (f) => setPreview((p) => { const r = f(p); return r && { ...r, key: k }; }));
  };
  const running = preview?.status === 'running';
  const html = preview?.result?.html ?? null;
  const scale = zoom === 'fit' ? Math.min(1, (boxW - 24) / PAGE_PX) : 1;
  const measure = () => {
    const doc = frame.current?.contentDocument;
    if (doc?.documentElement) setDocH(doc.documentElement.scrollHeight);
  };
  return (
    <Card size="small" title={t('report.preview.title')} data-testid="report-preview"
      extra={(
        <Flex gap={8} align="center">
          <Segmented size="small" value={zoom} onChange={(v) => setZoom(v as 'fit' | 'actual')}
            options={[{ value: 'fit', label: t('report.preview.fit') }, { value: 'actual', label: t('report.preview.actual') }]} />
          <Button type="primary" size="small" icon={<EyeOutlined />} loading={running} disabled={problem !== null} onClick={build} data-testid="report-preview-build">
            {t('report.preview.refresh')}
          </Button>
        </Flex>
      )}>
      {problem && <Typography.Text type="secondary">{problem}</Typography.Text>}
      {preview?.status === 'failed' && <ErrorAlert error={preview.error} template="report.preview.failed" />}
      {running && (
        <div data-testid="report-preview-progress">
          <Typography.Text>{preview.phase ?? t('report.preview.refreshing')}</Typography.Text>
          <Progress percent={preview.total ? Math.floor((100 * preview.done) / preview.total) : 0} status="active" size="small" />
        </div>
      )}
      {html && preview && preview.key !== key && !running && <Alert type="info" showIcon title={t('report.preview.stale')} style={{ marginBottom: 8 }} data-testid="report-preview-stale" />}
      {(preview?.result?.warnings.length ?? 0) > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={preview!.result!.warnings.join('；')} />
      )}
      <div ref={box} className="ms-report-preview" style={{ display: html ? 'block' : 'none' }}>
        {html && (
          <div style={{ width: PAGE_PX * scale, height: docH * scale, margin: '12px auto' }}>
            <iframe ref={frame} title={t('report.preview.frame')} srcDoc={html} sandbox="allow-same-origin" onLoad={measure} data-testid="report-preview-frame"
              style={{ width: PAGE_PX, height: docH, transform: `scale(${scale})` }} />
          </div>
        )}
      </div>
      {!html && !running && !problem && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.preview.empty')} />}
    </Card>
  );
}
