import { Card, Col, Empty, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { useSession } from '../../state/session';

const TABLES = [['batches', 'import.batches'], ['records', 'import.records'], ['sources', 'import.sources'], ['rejected_rows', 'import.rejected']] as const;

/** Import: not built yet; shows honestly what the project already holds. */
export function ImportScreen() {
  const { t } = useTranslation();
  const sessionProject = useSession((s) => s.project);
  const info = useAsync(() => api.call('project.info', {}), sessionProject?.path ?? '');
  const counts = (info.data ?? sessionProject)?.counts ?? [];
  const rows = (table: string) => counts.find((c) => c.table === table)?.rows;
  return (
    <div data-testid="screen-import">
      <ScreenHeader screen="import" />
      {info.error != null && <ErrorAlert error={info.error} />}
      <Card title={t('import.countsTitle')} style={{ marginBottom: 16 }} loading={info.loading && !counts.length}>
        <Row gutter={16}>
          {TABLES.map(([table, label]) => (
            <Col key={table} xs={12} md={6} data-testid={`import-count-${table}`}>
              <Statistic title={t(label)} value={rows(table) ?? t('common.none')} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('import.empty')} />
      </Card>
    </div>
  );
}
