import { useState } from 'react';
import { Button, Modal, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { getBridge } from '../../platform/bridge';

/** Shown when the engine process died: the project file is intact; restarting reopens it. */
export function EngineCrash({ open, projectPath, onRestart }: { open: boolean; projectPath: string | null; onRestart: () => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const restart = async () => {
    setBusy(true);
    setError(null);
    try {
      await onRestart();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} closable={false} mask={{ closable: false }} keyboard={false} footer={null} width={560} data-testid="engine-crash">
      <Result
        status="warning"
        title={t('help.engine.crashed')}
        subTitle={t('help.engine.safe')}
        extra={(
          <Space direction="vertical" style={{ width: '100%' }}>
            {projectPath && <Typography.Text type="secondary">{t('help.engine.willReopen')} <Typography.Text code>{projectPath}</Typography.Text></Typography.Text>}
            {error != null && <ErrorAlert error={error} />}
            <Space>
              <Button type="primary" loading={busy} onClick={() => void restart()} data-testid="engine-restart">{t('help.engine.restart')}</Button>
              {getBridge()?.openLogsFolder && <Button onClick={() => void getBridge()?.openLogsFolder?.()}>{t('help.engine.viewLogs')}</Button>}
            </Space>
          </Space>
        )}
      />
    </Modal>
  );
}
