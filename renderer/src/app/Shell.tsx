import { useEffect } from 'react';
import { Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFacets } from '../state/facets';
import { useSession } from '../state/session';
import { HelpButton } from '../features/help/HelpButton';
import { ErrorBoundary } from './ErrorBoundary';
import { FilterBar } from './filter-bar/FilterBar';
import { HeaderBar } from './HeaderBar';
import { NAV_ICONS } from './nav';
import { navigate, SCREENS, useScreen, type ScreenName } from './routes';
import { SCREEN_COMPONENTS } from './screens';

/** The workbench: header, loop navigation on the left, global filter bar, current screen. */
export function Shell() {
  const { t } = useTranslation();
  const screen = useScreen();
  const project = useSession((s) => s.project);
  const loadFacets = useFacets((s) => s.load);
  useEffect(() => { void loadFacets(project); }, [project, loadFacets]);

  const Screen = SCREEN_COMPONENTS[screen];
  const items = SCREENS.map((name) => ({
    key: name,
    icon: NAV_ICONS[name],
    label: <span data-testid={`nav-${name}`}>{t(`nav.${name}`)}</span>,
  }));
  return (
    <Layout style={{ height: '100%' }}>
      <HeaderBar />
      <Layout>
        <Layout.Sider width={180} className="ms-sider">
          <Menu mode="inline" selectedKeys={[screen]} items={items} onClick={(e) => navigate(e.key as ScreenName)} />
          <HelpButton screen={screen} />
          <div className="ms-loop-hint">{t('nav.loop')}</div>
        </Layout.Sider>
        <Layout style={{ minWidth: 0 }}>
          {screen !== 'help' && screen !== 'settings' && <FilterBar />}
          <Layout.Content className="ms-content">
            <ErrorBoundary key={screen}>
              <Screen />
            </ErrorBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </Layout>
  );
}
