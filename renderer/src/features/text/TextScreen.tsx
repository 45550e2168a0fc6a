import { Alert, Button, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { ClassifyTab } from './ClassifyTab';
import { FlowTab } from './FlowTab';
import { KeywordsTab } from './KeywordsTab';
import { PiiCard } from './PiiCard';
import { RepeatsTab } from './RepeatsTab';
import { SearchTab } from './SearchTab';
import { TopicsTab } from './TopicsTab';
import { WordsTab } from './WordsTab';
import { useTextJob } from './useTextJob';

/** Text: keywords and tag cloud, topic flow and emerging terms, search, repeats, topics, auto-classification, PII. */
export function TextScreen() {
  const { t } = useTranslation();
  const job = useTextJob();
  const status = useAsync(() => api.call('text.status', {}), `${job.version}`);
  return (
    <div data-testid="screen-text">
      <ScreenHeader screen="text" />
      {status.data?.stale && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('text.stale')}
          action={<Button size="small" loading={job.running !== null} onClick={() => void job.run('reindex', () => api.call('text.reindex', {}))}>{t('text.reindex')}</Button>} />
      )}
      <Tabs
        destroyOnHidden
        items={[
          { key: 'keywords', label: t('text.tabs.keywords'), children: <KeywordsTab /> },
          { key: 'flow', label: t('text.tabs.flow'), children: <FlowTab /> },
          { key: 'search', label: t('text.tabs.search'), children: <SearchTab /> },
          { key: 'repeats', label: t('text.tabs.repeats'), children: <RepeatsTab /> },
          { key: 'topics', label: t('text.tabs.topics'), children: <TopicsTab /> },
          { key: 'classify', label: t('text.tabs.classify'), children: <ClassifyTab /> },
          { key: 'pii', label: t('text.tabs.pii'), children: <PiiCard /> },
          { key: 'words', label: t('text.tabs.words'), children: <WordsTab /> },
        ]}
      />
    </div>
  );
}
