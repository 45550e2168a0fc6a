import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useEval, type EvalTab } from './eval-store';
import { ResultsTab } from './results/ResultsTab';
import { SchemeTab } from './scheme/SchemeTab';

/** Third-party evaluation: build a scheme, run it, read rankings and the evidence behind every score. */
export function EvaluationScreen() {
  const { t } = useTranslation();
  const { tab, setTab } = useEval();
  return (
    <div data-testid="screen-evaluation">
      <ScreenHeader screen="evaluation" />
      <Tabs activeKey={tab} onChange={(k) => setTab(k as EvalTab)} destroyOnHidden items={[
        { key: 'scheme', label: <span data-testid="tab-scheme">{t('evaluation.tabs.scheme')}</span>, children: <SchemeTab /> },
        { key: 'results', label: <span data-testid="tab-results">{t('evaluation.tabs.results')}</span>, children: <ResultsTab /> },
      ]} />
    </div>
  );
}
