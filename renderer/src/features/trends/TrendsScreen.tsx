import { Card, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { filterKey, useFilter } from '../../state/filters';
import { RecordsTable } from '../records/RecordsTable';

/** Trends: for now the count under the global filter and the matching requests. */
export function TrendsScreen() {
  const { t } = useTranslation();
  const filter = useFilter();
  const count = useAsync(() => api.call('records.count', { filter }), filterKey(filter));
  return (
    <div data-testid="screen-trends">
      <ScreenHeader screen="trends" />
      {count.error != null && <ErrorAlert error={count.error} />}
      <Card style={{ marginBottom: 16 }}>
        <Statistic
          title={t('trends.total')}
          value={count.data?.count ?? 0}
          loading={count.loading && count.data === undefined}
          data-testid="records-count"
        />
      </Card>
      <Card title={t('trends.recordsTitle')}>
        <RecordsTable filter={filter} total={count.data?.count} />
      </Card>
    </div>
  );
}
