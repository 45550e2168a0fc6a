import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/ScreenHeader';
import { BacktestCard } from './BacktestCard';
import { HotspotsTab } from './HotspotsTab';
import { InboxTab } from './InboxTab';

/** Alerts: the inbox of detected surges with their workflow, hot-spot analysis, and the detectors' backtest. */
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
          { key: 'backtest', label: t('alerts.tabs.backtest'), children: <BacktestCard /> },
        ]}
      />
    </div>
  );
}
