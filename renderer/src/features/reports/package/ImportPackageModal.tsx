import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, Input, List, Modal, Progress, Result, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, FolderOpenOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../../shared/api/contract';
import type { PackageImportResult } from '../../../../../shared/api/areas/package';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { api } from '../../../platform/select';
import { startWatchedJob } from '../../import/job-watch';

type Inspection = OutputOf<'package.inspect'>;
type Phase = { kind: 'idle' } | { kind: 'checking' } | { kind: 'checked'; insp: Inspection } | { kind: 'importing'; insp: Inspection; done: number; total: number | null }
  | { kind: 'done'; result: PackageImportResult } | { kind: 'error'; error: unknown; insp?: Inspection };

const shanghai = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

function Checked({ insp }: { insp: Inspection }) {
  const { t } = useTranslation();
  const m = insp.manifest;
  return (
    <Flex vertical gap={12} data-testid="package-inspection">
      {insp.ok ? <Alert type="success" showIcon icon={<SafetyCertificateOutlined />} title={t('package.imp.ok', { n: m?.files.length ?? 0 })} />
        : <Alert type="error" showIcon title={t('package.imp.bad')} description={
          <List size="small" dataSource={insp.problems} renderItem={(p) => (
            <List.Item><CloseCircleTwoTone twoToneColor="#cf1322" /> {t(`package.imp.problem.${p.code}`, { file: p.file, detail: p.detail ?? '' })}</List.Item>
          )} />} />}
      {m && (
        <Descriptions size="small" column={2} bordered styles={{ label: { whiteSpace: 'nowrap', width: 100 } }}>
          <Descriptions.Item label={t('package.imp.created')}>{shanghai(m.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('package.imp.version')}>{m.minsheng.version}</Descriptions.Item>
          <Descriptions.Item label={t('package.imp.from')}>{m.project.name}{m.project.synthetic ? <Tag color="orange" style={{ marginInlineStart: 8 }}>SYNTHETIC</Tag> : null}</Descriptions.Item>
          <Descriptions.Item label={t('package.imp.rows')}>{m.records.rows.toLocaleString()}</Descriptions.Item>
          <Descriptions.Item label={t('package.imp.preset')}>{t(`package.anon.presets.${m.anonymisation.preset ?? 'custom'}`, { defaultValue: m.anonymisation.preset ?? '' })}</Descriptions.Item>
          <Descriptions.Item label={t('package.imp.layers')}>{m.layers.length}</Descriptions.Item>
          <Descriptions.Item label={t('package.imp.sources')} span={2}>{m.sources.map((s) => <Tag key={s.code}>{s.name} ({s.rows.toLocaleString()})</Tag>)}</Descriptions.Item>
        </Descriptions>
      )}
      {insp.ok && m && (
        <List size="small" bordered dataSource={m.files} renderItem={(f) => (
          <List.Item><CheckCircleTwoTone twoToneColor="#52c41a" /> <Typography.Text code>{f.path}</Typography.Text> <Typography.Text type="secondary" style={{ fontSize: 11 }}>{f.sha256.slice(0, 16)}…</Typography.Text></List.Item>
        )} style={{ maxHeight: 200, overflow: 'auto' }} />
      )}
    </Flex>
  );
}

/** Import a package: the folder is checked file by file first; only a package that passes can be imported. */
export function ImportPackageModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [dir, setDir] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const check = async () => {
    setPhase({ kind: 'checking' });
    try { setPhase({ kind: 'checked', insp: await api.call('package.inspect', { dir: dir.trim() }) }); } catch (error) { setPhase({ kind: 'error', error }); }
  };
  const run = async (insp: Inspection) => {
    setPhase({ kind: 'importing', insp, done: 0, total: insp.manifest?.records.rows ?? null });
    try {
      await startWatchedJob(() => api.call('package.import', { dir: insp.dir }), {
        progress: (p) => setPhase((s) => (s.kind === 'importing' ? { ...s, done: p.done, total: p.total ?? s.total } : s)),
        done: (end) => setPhase(end.job.status === 'succeeded' ? { kind: 'done', result: end.result as PackageImportResult }
          : { kind: 'error', error: end.error ? { code: end.error.code, message: end.error.message } : end.job.message, insp }),
      });
    } catch (error) { setPhase({ kind: 'error', error, insp }); }
  };
  const close = () => { setPhase({ kind: 'idle' }); onClose(); };
  const insp = phase.kind === 'checked' || phase.kind === 'importing' ? phase.insp : phase.kind === 'error' ? phase.insp : undefined;
  return (
    <Modal open={open} onCancel={close} title={t('package.imp.title')} width={760} destroyOnHidden data-testid="package-import-modal"
      footer={phase.kind === 'done' ? <Button onClick={close}>{t('package.imp.close')}</Button> : (
        <Button type="primary" data-testid="package-import-start" disabled={!(phase.kind === 'checked' && phase.insp.ok)} loading={phase.kind === 'importing'}
          onClick={() => phase.kind === 'checked' && void run(phase.insp)}>{phase.kind === 'importing' ? t('package.imp.running') : t('package.imp.start')}</Button>
      )}>
      {phase.kind === 'done' ? (
        <Result status="success" data-testid="package-import-done" title={t('package.imp.done', {
          imported: phase.result.imported, duplicates: phase.result.duplicates, batches: phase.result.batches.map((b) => `#${b.batchId}`).join(' '),
          categories: phase.result.categoriesAdded, layers: phase.result.layersAdded,
        })} />
      ) : (
        <Flex vertical gap={12}>
          <Flex gap={8}>
            <Input data-testid="package-import-path" prefix={<FolderOpenOutlined />} placeholder={t('package.imp.pathPlaceholder')} aria-label={t('package.imp.path')}
              value={dir} onChange={(e) => { setDir(e.target.value); setPhase({ kind: 'idle' }); }} onPressEnter={() => void check()} />
            <Button data-testid="package-import-check" disabled={!dir.trim()} loading={phase.kind === 'checking'} onClick={() => void check()}>{t('package.imp.check')}</Button>
          </Flex>
          {phase.kind === 'checking' && <Typography.Text type="secondary">{t('package.imp.checking')}</Typography.Text>}
          {phase.kind === 'error' && <ErrorAlert error={phase.error} template="package.imp.failed" />}
          {phase.kind === 'importing' && <Progress percent={phase.total ? Math.floor((100 * phase.done) / phase.total) : 0} status="active" />}
          {insp && <Checked insp={insp} />}
        </Flex>
      )}
    </Modal>
  );
}
