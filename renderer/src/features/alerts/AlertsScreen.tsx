import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/ScreenHeader';
import { BacktestCard } from './BacktestCard';
import { EmergingTab } from './EmergingTab';
import { HotspotsTab } from './HotspotsTab';
import { InboxTab } from './InboxTab';
import { ScanTab } from './ScanTab';
import { SettingsTab } from './SettingsTab';

/** Alerts: the inbox with its workflow, hot spots, emerging hot spots, the space-time scan, the backtest and the settings. */
export function AlertsScreen() {
  const { t } = useTranslation();
  return (
    <div data-testid="screen-alerts">
      <ScreenHeader screen="alerts" />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'inbox', label: t('alerts.tabs.inbox'), children: <InboxTab /> },
          { key: 'hotspots', label: t('alerts.tabs.hotspots'), children: <HotspotsTab /> },
          { key: 'emerging', label: t('alerts.tabs.emerging'), children: <EmergingTab /> },
          { key: 'scan', label: t('alerts.tabs.scan'), children: <ScanTab /> },
          { key: 'backtest', label: t('alerts.tabs.backtest'), children: <BacktestCard /> },
          { key: 'settings', label: t('alerts.tabs.settings'), children: <SettingsTab /> },
        ]}
      />
    </div>
  );
}
