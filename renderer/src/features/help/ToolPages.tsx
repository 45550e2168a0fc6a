import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import { FolderOpenOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { UpdateCheckResult } from '../../../../shared/api/areas/desktop';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { getBridge } from '../../platform/bridge';
import { api, host } from '../../platform/select';
import { shortcutRows } from './shortcuts';

/** Keyboard shortcuts of the menu (Electron) and of the page (both hosts). */
export function ShortcutsPage() {
  const { t } = useTranslation();
  const mac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
  const rows = shortcutRows(host, mac);
  return (
    <Card title={t('help.shortcuts.title')} data-testid="help-shortcuts">
      <Typography.Paragraph type="secondary">{t(host === 'electron' ? 'help.shortcuts.hintElectron' : 'help.shortcuts.hintBrowser')}</Typography.Paragraph>
      <Table
        size="small" pagination={false} rowKey="action" dataSource={rows}
        columns={[
          { title: t('help.shortcuts.keys'), dataIndex: 'keys', key: 'keys', width: 220, render: (k: string) => <Tag style={{ fontFamily: 'monospace' }}>{k}</Tag> },
          { title: t('help.shortcuts.action'), dataIndex: 'action', key: 'action', render: (a: string) => t(`help.shortcuts.actions.${a}`) },
        ]}
      />
    </Card>
  );
}

/** The application log (the user data folder's logs/minsheng.log), newest lines last. */
export function LogsPage() {
  const { t } = useTranslation();
  const [tick, setTick] = useState(0);
  const logs = useAsync(() => api.call('desktop.logs', { lines: 400 }), String(tick));
  const bridge = getBridge();
  const l = logs.data;
  return (
    <Card
      title={t('help.logs.title')}
      data-testid="help-logs"
      extra={(
        <Space>
          {bridge?.openLogsFolder && <Button icon={<FolderOpenOutlined />} onClick={() => void bridge.openLogsFolder?.()}>{t('help.logs.openFolder')}</Button>}
          <Button icon={<ReloadOutlined />} onClick={() => setTick((x) => x + 1)} loading={logs.loading}>{t('help.logs.refresh')}</Button>
        </Space>
      )}
    >
      {logs.error != null && <ErrorAlert error={logs.error} />}
      {l && <Typography.Paragraph type="secondary">{t('help.logs.where')} <Typography.Text code copyable>{l.file ?? l.dir}</Typography.Text></Typography.Paragraph>}
      {l && l.lines.length === 0 && <Empty description={t(host === 'electron' ? 'help.logs.empty' : 'help.logs.emptyBrowser')} />}
      {l && l.lines.length > 0 && (
        <>
          {l.truncated && <Typography.Paragraph type="secondary">{t('help.logs.truncated', { n: l.lines.length })}</Typography.Paragraph>}
          <pre className="ms-log" data-testid="help-log-lines">{l.lines.join('\n')}</pre>
        </>
      )}
    </Card>
  );
}

/** "Check for a newer version" from an update file on disk (minsheng-update.json beside the installers). */
export function UpdatePage() {
  const { t } = useTranslation();
  const bridge = getBridge();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<UpdateCheckResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const check = async (p: string) => {
    if (!p.trim()) return;
    setBusy(true); setError(null); setResult(null);
    try {
      setResult(await api.call('desktop.checkUpdate', { path: p.trim() }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const pick = async () => {
    const p = await bridge?.pickOpenFile({ title: t('help.update.pickTitle'), filters: [{ name: 'minsheng-update.json', extensions: ['json'] }] });
    if (p) { setPath(p); await check(p); }
  };
  const status = result?.installer?.status;
  return (
    <Card title={t('help.update.title')} data-testid="help-update">
      <Typography.Paragraph type="secondary">{t('help.update.hint')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
        <Input data-testid="help-update-path" value={path} onChange={(e) => setPath(e.target.value)} onPressEnter={() => void check(path)} placeholder={t('help.update.placeholder')} />
        {bridge && <Button icon={<FolderOpenOutlined />} onClick={() => void pick()}>{t('help.update.browse')}</Button>}
        <Button type="primary" data-testid="help-update-check" loading={busy} disabled={!path.trim()} onClick={() => void check(path)}>{t('help.update.check')}</Button>
      </Space.Compact>
      {error != null && <ErrorAlert error={error} />}
      {result && (
        <Flex vertical gap={12} data-testid="help-update-result">
          <Alert type={result.newer ? 'success' : 'info'} showIcon message={result.newer ? t('help.update.newer', { v: result.available }) : t('help.update.upToDate', { v: result.current })} />
          <Descriptions column={1} size="small" bordered items={[
            { key: 'cur', label: t('help.update.current'), children: result.current },
            { key: 'av', label: t('help.update.available'), children: `${result.available}${result.date ? ` (${result.date})` : ''}` },
            { key: 'inst', label: t('help.update.installer'), children: result.installer
              ? <span>{result.installer.name} <Tag color={status === 'verified' ? 'green' : status === 'mismatch' ? 'red' : 'default'}>{t(`help.update.status.${status}`)}</Tag></span>
              : t('help.update.noInstaller') },
          ]} />
          {result.notes && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{result.notes}</Typography.Paragraph>}
        </Flex>
      )}
    </Card>
  );
}
