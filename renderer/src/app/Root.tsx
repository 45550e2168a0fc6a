import { useEffect } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/session';
import { subscribeEngineEvents } from '../features/start/demo';
import { StartPage } from '../features/start/StartPage';
import { useThemeAlgorithm } from '../features/settings/prefs';
import { DesktopHost } from './desktop/DesktopHost';
import { boot } from './boot';
import { ErrorBoundary } from './ErrorBoundary';
import { Shell } from './Shell';

const FONT = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";

function Body() {
  const { t } = useTranslation();
  const phase = useSession((s) => s.phase);
  useEffect(() => subscribeEngineEvents(), []);
  useEffect(() => { void boot(); }, []);
  if (phase === 'booting') {
    return <div className="ms-center" data-testid="booting"><Spin size="large" /><span>{t('common.loading')}</span></div>;
  }
  return phase === 'ready' ? <Shell /> : <StartPage />;
}

/** Providers (antd locale + theme, message/modal context, error boundary) around the app. */
export function Root() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { fontFamily: FONT }, algorithm: useThemeAlgorithm() }}>
      <AntApp style={{ height: '100%' }}>
        <ErrorBoundary>
          <Body />
          <DesktopHost />
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
