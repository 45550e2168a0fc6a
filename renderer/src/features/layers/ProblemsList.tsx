import { Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import type { Row } from './layers-data';

type Detail = OutputOf<'layers.get'>;

/** Geometry problems per feature: those not loaded (with their position in the file) and those loaded after repair. */
export function ProblemsList({ detail, features }: { detail: Detail; features: Row[] }) {
  const { t } = useTranslation();
  const loaded = features.filter((f) => f.problems);
  const tags = (codes: string[]) => codes.map((c, i) => <Tag key={`${c}${i}`} color={c === 'self_intersection' || c.startsWith('unclosed') || c === 'parts_dropped' ? 'orange' : 'red'}>{t(`layers.problems.${c}`, { defaultValue: c })}</Tag>);
  if (!loaded.length && !detail.skippedFeatures.length) return <Empty description={t('layers.detail.noProblems')} />;
  return (
    <div data-testid="layers-problems">
      <Typography.Title level={5}>{t('layers.detail.skipped', { count: detail.skippedFeatures.length })}</Typography.Title>
      <Table size="small" rowKey="index" pagination={{ pageSize: 20 }} dataSource={detail.skippedFeatures} columns={[
        { title: t('layers.detail.index'), dataIndex: 'index', width: 110, render: (i: number) => i + 1 },
        { title: t('layers.list.name'), dataIndex: 'name' },
        { title: t('layers.detail.code'), key: 'p', render: (_: unknown, s) => tags(s.problems.map((p) => p.code)) },
      ]} />
      <Typography.Title level={5}>{t('layers.detail.loadedWithProblems', { count: loaded.length })}</Typography.Title>
      <Table<Row> size="small" rowKey="id" pagination={{ pageSize: 20 }} dataSource={loaded} columns={[
        { title: 'id', dataIndex: 'id', width: 80 },
        { title: t('layers.list.name'), dataIndex: 'name' },
        { title: t('layers.detail.code'), key: 'p', render: (_: unknown, f) => <>{tags(String(f.problems).split(' '))}<Typography.Text type="secondary" style={{ fontSize: 11 }}>{String(f.problemDetail ?? '')}</Typography.Text></> },
      ]} />
    </div>
  );
}
