import { useState } from 'react';
import { Button, Descriptions, Drawer, List, Modal, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { tableFromIPC } from 'apache-arrow';
import type { Filter } from '../../../../shared/model/filter';
import { api } from '../../platform/select';
import { useAsync } from '../../hooks/useAsync';
import { filterKey } from '../../state/filters';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ymd } from './time-frames';

/** Width of the statistics drawer (px); the map keeps a selected area beside it (selection-outline.ts). */
export const INFO_DRAWER_WIDTH = 440;

export interface Selection { title: string; filter: Filter; area?: NonNullable<Filter['area']> }

interface RecordItem { id: number; externalId: string; receivedAt: number; status: string; category: string; title: string; content: string; address: string; community: string; department: string }

async function loadRecords(filter: Filter): Promise<{ rows: RecordItem[]; total: number }> {
  const t = tableFromIPC(await api.call('map.records', { filter, limit: 50 }));
  const rows: RecordItem[] = [];
  for (let i = 0; i < t.numRows; i++) {
    const r = t.get(i)!.toJSON() as Record<string, unknown>;
    rows.push({ ...(r as unknown as RecordItem), id: Number(r.id), receivedAt: Number(r.receivedAt) });
  }
  return { rows, total: Number(JSON.parse(t.schema.metadata.get('total') ?? '0')) };
}

function Bars({ items, total }: { items: { name: string; count: number }[]; total: number }) {
  return (
    <div>
      {items.map((c) => (
        <div key={c.name} className="ms-map-bar"><span title={c.name}>{c.name}</span><Progress percent={total ? (c.count / total) * 100 : 0} showInfo={false} size="small" /><span className="ms-map-bar-count">{c.count.toLocaleString()}</span></div>
      ))}
    </div>
  );
}

/** Statistics and the latest records of a clicked point, cell, polygon or drawn area; each record opens in full. */
export function InfoDrawer({ selection, onClose, onApplyArea }: { selection: Selection | null; onClose: () => void; onApplyArea: (a: NonNullable<Filter['area']>) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<RecordItem | null>(null);
  const key = selection ? filterKey(selection.filter) : 'none';
  const stats = useAsync(async () => (selection ? api.call('map.stats', { filter: selection.filter }) : null), key);
  const records = useAsync(async () => (selection ? loadRecords(selection.filter) : null), key);
  const s = stats.data;
  return (
    <Drawer open={selection !== null} onClose={onClose} width={INFO_DRAWER_WIDTH} mask={false} title={selection?.title ?? t('map.info.title')} data-testid="map-info">
      {stats.error != null && <ErrorAlert error={stats.error} template="map.loadFailed" />}
      {s && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Title level={4} data-testid="map-info-count" style={{ margin: 0 }}>{t('map.info.count', { count: s.count.toLocaleString() })}</Typography.Title>
          {selection?.area && <Button type="primary" onClick={() => onApplyArea(selection.area!)} data-testid="apply-area">{t('map.draw.apply')}</Button>}
          <Typography.Text strong>{t('map.info.categories')}</Typography.Text>
          <Bars items={s.categories.slice(0, 6)} total={s.count} />
          <Typography.Text strong>{t('map.info.statuses')}</Typography.Text>
          <Bars items={s.statuses.map((x) => ({ ...x, name: t(`status.${x.name}`, { defaultValue: x.name }) }))} total={s.count} />
          {s.communities.length > 1 && <><Typography.Text strong>{t('map.info.communities')}</Typography.Text><Bars items={s.communities.slice(0, 5)} total={s.count} /></>}
        </Space>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('map.info.records')}</Typography.Title>
      {records.data && <Typography.Text type="secondary">{t('map.info.more', { total: records.data.total.toLocaleString(), shown: records.data.rows.length })}</Typography.Text>}
      <List size="small" loading={records.loading} dataSource={records.data?.rows ?? []} locale={{ emptyText: t('map.info.noRecords') }} data-testid="map-info-records"
        renderItem={(r) => (
          <List.Item actions={[<Button key="o" size="small" type="link" onClick={() => setOpen(r)}>{t('map.info.open')}</Button>]}>
            <List.Item.Meta title={<span>{ymd(r.receivedAt)} · {t(`status.${r.status}`, { defaultValue: r.status ?? '' })} · {r.category}</span>}
              description={<Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{r.content || r.title}</Typography.Paragraph>} />
          </List.Item>
        )} />
      <Modal open={open !== null} onCancel={() => setOpen(null)} footer={null} title={t('map.info.record')} width={640}>
        {open && (
          <Descriptions column={1} size="small" bordered items={(['externalId', 'receivedAt', 'status', 'category', 'title', 'content', 'address', 'community', 'department'] as const).map((k) => ({
            key: k, label: t(`map.record.${k}`),
            children: k === 'receivedAt' ? new Date(open.receivedAt).toLocaleString() : k === 'status' ? t(`status.${open.status}`, { defaultValue: open.status ?? '' }) : String(open[k] ?? '—'),
          }))} />
        )}
      </Modal>
    </Drawer>
  );
}
