import { useState } from 'react';
import { App, Button, Input, Modal, Space, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { getBridge } from '../../../platform/bridge';
import { api } from '../../../platform/select';
import { useSession } from '../../../state/session';
import { defaultRejectedPath } from '../progress';

interface Props {
  open: boolean;
  batchId: number;
  reason?: string;
  onClose: () => void;
}

/** Asks where to write the rejected rows as CSV (a path on the engine's machine; native dialog in Electron). */
export function ExportRejectedModal({ open, batchId, reason, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const projectPath = useSession((s) => s.project?.path ?? null);
  const [path, setPath] = useState<string | null>(null); // null: the default next to the project file
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const bridge = getBridge();
  const target = path ?? defaultRejectedPath(projectPath, batchId, reason);

  const close = () => {
    setPath(null);
    setError(null);
    onClose();
  };
  const pick = async () => {
    const p = await bridge?.pickSaveFile?.({ defaultPath: target, filters: [{ name: 'CSV', extensions: ['csv'] }] });
    if (p) setPath(p);
  };
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.call('import.exportRejected', { batchId, path: target.trim(), ...(reason ? { reason } : {}) });
      message.success(t('import.export.done', { rows: res.rows.toLocaleString(), path: res.path }));
      close();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('import.export.title', { id: batchId })}
      onCancel={close}
      onOk={() => void run()}
      okText={t('import.export.ok')}
      okButtonProps={{ loading: busy, disabled: !target.trim(), 'data-testid': 'export-rejected-ok' } as never}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(reason ? 'import.export.hintReason' : 'import.export.hint')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input data-testid="export-rejected-path" aria-label={t('import.export.path')} value={target} onChange={(e) => setPath(e.target.value)} onPressEnter={() => void run()} />
        {bridge && <Button icon={<FolderOpenOutlined />} onClick={() => void pick()}>{t('import.export.choose')}</Button>}
      </Space.Compact>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 6 }}>{t('import.export.pathHint')}</Typography.Text>
      {error != null && <div style={{ marginTop: 12 }}><ErrorAlert error={error} template="import.export.failed" /></div>}
    </Modal>
  );
}
