import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/ScreenHeader';
import { BuilderTab } from './builder/BuilderTab';
import { PackageTab } from './package/PackageTab';

/** 报告: the report builder (first) and anonymised data packages. */
export function ReportsScreen() {
  const { t } = useTranslation();
  return (
    <div data-testid="screen-reports">
      <ScreenHeader screen="reports" />
      <Tabs
        defaultActiveKey="reports"
        items={[
          { key: 'reports', label: <span data-testid="reports-tab-reports">{t('package.tabs.reports')}</span>, children: <BuilderTab /> },
          { key: 'package', label: <span data-testid="reports-tab-package">{t('package.tabs.package')}</span>, children: <PackageTab /> },
        ]}
      />
    </div>
  );
}
