import { useEffect, useState } from 'react';
import { App, Card, Col, Descriptions, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/errors';
import { currentLocale } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { useSession } from '../../state/session';
import { AppearanceCard, DataFolderCard, ImportDefaultsCard, PrivacyCard } from './PrefsCards';
import { usePrefs } from './prefs';
import { ProjectCard } from './ProjectCard';

/** Settings: language and theme, import defaults, privacy, data folder, the open project, application info. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession((s) => s.project);
  const [closing, setClosing] = useState(false);
  const info = useAsync(() => api.call('project.info', {}), session ? `${session.path}|${session.fileSizeBytes}` : '');
  const app = useAsync(() => api.call('app.info', {}), 'app');
  const loadPrefs = usePrefs((s) => s.load);
  const [prefsError, setPrefsError] = useState<unknown>(null);
  useEffect(() => { loadPrefs().catch(setPrefsError); }, [loadPrefs]);

  const close = async () => {
    setClosing(true);
    try {
      await api.call('project.close', {});
      message.success(t('settings.closed'));
      useSession.getState().setProject(null);
    } catch (e) {
      message.error(errorText(e, currentLocale()));
    } finally {
      setClosing(false);
    }
  };

  const hostLabel = (h: string) => (h === 'electron' ? t('settings.hostElectron') : h === 'browser' ? t('settings.hostBrowser') : t('settings.hostOther'));
  const a = app.data;
  const error = info.error ?? app.error ?? prefsError;
  return (
    <div data-testid="screen-settings">
      <ScreenHeader screen="settings" />
      {error != null && <ErrorAlert error={error} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Row gutter={[16, 16]}>
            <Col span={24}><AppearanceCard /></Col>
            <Col span={24}><ImportDefaultsCard /></Col>
            <Col span={24}><PrivacyCard /></Col>
            <Col span={24}><DataFolderCard /></Col>
          </Row>
        </Col>
        <Col xs={24} xl={12}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <ProjectCard project={info.data ?? session ?? undefined} loading={info.loading} closing={closing} onClose={() => void close()} />
            </Col>
            <Col span={24}>
              <Card title={t('settings.app')} loading={app.loading && !a} data-testid="settings-app">
                {a && (
                  <Descriptions column={1} size="small" bordered items={[
                    { key: 'name', label: t('settings.appName'), children: a.name },
                    { key: 'version', label: t('settings.version'), children: a.version },
                    { key: 'host', label: t('settings.host'), children: hostLabel(a.host) },
                    { key: 'schema', label: t('settings.schemaVersion'), children: a.schemaVersion },
                    { key: 'node', label: t('settings.node'), children: a.node },
                    { key: 'sqlite', label: t('settings.sqlite'), children: a.sqlite },
                    { key: 'dataDir', label: t('settings.dataDir'), children: <span style={{ wordBreak: 'break-all' }}>{a.dataDir}</span> },
                  ]} />
                )}
              </Card>
            </Col>
          </Row>
        </Col>
      </Row>
    </div>
  );
}
