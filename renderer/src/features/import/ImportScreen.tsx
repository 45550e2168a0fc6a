import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/ScreenHeader';
import { HistoryTab } from './history/HistoryTab';
import { useImportWizard, type ImportTab } from './import-store';
import { TaxonomyTab } from './taxonomy/TaxonomyTab';
import { TemplatesTab } from './templates/TemplatesTab';
import { NewImport } from './wizard/NewImport';
import { LayersTab } from '../layers/LayersTab';

/** 数据导入: new import (stepper), import history (batches), taxonomy & crosswalk, mapping templates. */
export function ImportScreen() {
  const { t } = useTranslation();
  const tab = useImportWizard((s) => s.tab);
  const setTab = useImportWizard((s) => s.setTab);
  return (
    <div data-testid="screen-import">
      <ScreenHeader screen="import" />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as ImportTab)}
        destroyOnHidden
        items={[
          { key: 'new', label: <span data-testid="import-tab-new">{t('import.tabs.new')}</span>, children: <NewImport /> },
          { key: 'history', label: <span data-testid="import-tab-history">{t('import.tabs.history')}</span>, children: <HistoryTab /> },
          { key: 'taxonomy', label: <span data-testid="import-tab-taxonomy">{t('import.tabs.taxonomy')}</span>, children: <TaxonomyTab /> },
          { key: 'templates', label: <span data-testid="import-tab-templates">{t('import.tabs.templates')}</span>, children: <TemplatesTab /> },
          { key: 'layers', label: <span data-testid="import-tab-layers">{t('layers.tab')}</span>, children: <LayersTab /> },
        ]}
      />
    </div>
  );
}
