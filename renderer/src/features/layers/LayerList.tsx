import { Button, Card, Popconfirm, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LayerSummary } from '../../../../shared/api/areas/layers';

interface Props { layers: LayerSummary[]; selected: number | null; busy: boolean; onSelect: (id: number) => void; onRemove: (l: LayerSummary) => void }

/** The project's layers: kind, role in the overlay, feature and problem counts, original system. */
export function LayerList({ layers, selected, busy, onSelect, onRemove }: Props) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('layers.list.title')} data-testid="layers-list">
      <Table<LayerSummary> size="small" rowKey="id" dataSource={layers} pagination={false} locale={{ emptyText: t('layers.list.empty') }}
        rowClassName={(l) => (l.id === selected ? 'ant-table-row-selected' : '')}
        onRow={(l) => ({ onClick: () => onSelect(l.id), style: { cursor: 'pointer' }, 'data-testid': `layer-row-${l.id}` } as never)}
        columns={[
          { title: t('layers.list.name'), dataIndex: 'name', render: (v: string, l) => <>{v}{l.synthetic && <Tag style={{ marginLeft: 6 }}>{t('layers.list.synthetic')}</Tag>}</> },
          { title: t('layers.list.kind'), dataIndex: 'kind', render: (k: string) => t(`layers.kinds.${k}`, { defaultValue: k }) },
          { title: t('layers.list.role'), dataIndex: 'role', render: (r: string | null) => (r ? <Tag color="blue">{t(`layers.roles.${r}`)}</Tag> : '—') },
          { title: t('layers.list.features'), dataIndex: 'features', align: 'right' },
          { title: t('layers.list.problems'), key: 'p', align: 'right', render: (_: unknown, l) => (l.problemFeatures + l.skipped > 0 ? <Tag color="orange">{l.problemFeatures + l.skipped}</Tag> : 0) },
          { title: t('layers.list.crs'), key: 'crs', render: (_: unknown, l) => l.crsLabel ?? l.crsOriginal },
          { title: t('layers.list.actions'), key: 'a', render: (_: unknown, l) => (
            <Popconfirm title={t('layers.list.removeConfirm', { name: l.name })} onConfirm={() => onRemove(l)}>
              <Button size="small" danger disabled={busy} onClick={(e) => e.stopPropagation()}>{t('layers.list.remove')}</Button>
            </Popconfirm>
          ) },
        ]}
      />
    </Card>
  );
}
