import { useState } from 'react';
import { Alert, Button, Card, Drawer, InputNumber, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { filterKey, useFilter } from '../../state/filters';
import { Highlighted } from './Highlighted';
import { useTextJob } from './useTextJob';

const day = (ms: number | null) => (ms ? dayjs(ms).format('YYYY-MM-DD') : '—');

/** Repeat requests: clusters (same caller or near-identical text on the same street within N days) with their handling history. */
export function RepeatsTab() {
  const { t } = useTranslation();
  const filter = useFilter();
  const job = useTextJob();
  const [windowDays, setWindowDays] = useState(30);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const list = useAsync(() => api.call('text.repeats', { filter, offset: (page - 1) * 20, limit: 20 }), `${filterKey(filter)}|${page}|${job.version}`);
  const members = useAsync(() => (open === null ? Promise.resolve([]) : api.call('text.repeatCluster', { id: open })), `${open}`);
  return (
    <Card
      title={t('text.repeats.title')}
      extra={(
        <Space>
          {t('text.repeats.window')}<InputNumber min={1} max={365} value={windowDays} onChange={(v) => setWindowDays(v ?? 30)} style={{ width: 80 }} />
          <Button type="primary" loading={job.running !== null} onClick={() => void job.run('repeats', () => api.call('text.findRepeats', { windowDays, maxDistance: 3, byCaller: true }))} data-testid="find-repeats">
            {t('text.repeats.run')}
          </Button>
        </Space>
      )}
    >
      {job.running && <Alert type="info" showIcon title={job.progress || t('text.running')} style={{ marginBottom: 12 }} />}
      {list.error != null && <ErrorAlert error={list.error} />}
      {list.data && !list.data.computed && <Alert type="warning" showIcon title={t('text.repeats.notRun')} style={{ marginBottom: 12 }} />}
      <Table
        size="small" rowKey="id" loading={list.loading} dataSource={list.data?.clusters ?? []} data-testid="repeat-clusters"
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('text.repeats.size'), dataIndex: 'size', width: 80, render: (v: number, r) => <Tag color={v >= 10 ? 'red' : 'orange'}>{v}{r.inFilter < v ? ` (${r.inFilter})` : ''}</Tag> },
          { title: t('text.repeats.span'), key: 'span', width: 200, render: (_v, r) => `${day(r.firstAt)} … ${day(r.lastAt)}` },
          { title: t('text.repeats.link'), key: 'link', width: 140, render: (_v, r) => <>{r.byCaller && <Tag>{t('text.repeats.byCaller')}</Tag>}{r.byText && <Tag color="blue">{t('text.repeats.byText')}</Tag>}</> },
          { title: t('text.repeats.street'), dataIndex: 'street', width: 120 },
          { title: t('text.repeats.example'), dataIndex: 'title', render: (v: string | null, r) => <><b>{v}</b><br /><Typography.Text type="secondary"><Highlighted text={r.content} terms={[]} reveal={false} /></Typography.Text></> },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size="large" title={t('text.repeats.history')} data-testid="repeat-drawer">
        <Timeline
          items={(members.data ?? []).map((m) => ({
            color: m.status === 'closed' ? 'green' : 'blue',
            content: (
              <div>
                <Typography.Text strong>{day(m.receivedAt)} · {m.externalId}</Typography.Text>{' '}
                <Tag>{m.department ?? '—'}</Tag><Tag color={m.status === 'closed' ? 'green' : 'orange'}>{m.status ? t(`status.${m.status}`, { defaultValue: m.status }) : '—'}</Tag>
                {m.closedAt && <Tag>{t('text.repeats.closed', { date: day(m.closedAt) })}</Tag>}
                {m.satisfaction !== null && <Tag>{t('text.repeats.satisfaction', { value: Math.round(m.satisfaction * 100) })}</Tag>}
                <div><Highlighted text={m.content} terms={[]} reveal={false} /></div>
                {m.reply && <Typography.Text type="secondary">{t('text.repeats.reply')}：{m.reply}</Typography.Text>}
              </div>
            ),
          }))}
        />
      </Drawer>
    </Card>
  );
}
