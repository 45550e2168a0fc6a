import { Card, Empty, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/ScreenHeader';
import { PackageTab } from './package/PackageTab';

/** 报告: data packages (anonymised sharing) today; the report builder comes with its own issue. */
export function ReportsScreen() {
  const { t } = useTranslation();
  return (
    <div data-testid="screen-reports">
      <ScreenHeader screen="reports" />
      <Tabs
        defaultActiveKey="package"
        items={[
          { key: 'package', label: <span data-testid="reports-tab-package">{t('package.tabs.package')}</span>, children: <PackageTab /> },
          {
            key: 'reports', label: <span data-testid="reports-tab-reports">{t('package.tabs.reports')}</span>,
            children: <Card><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('comingSoon.reports')} /></Card>,
          },
        ]}
      />
    </div>
  );
}
