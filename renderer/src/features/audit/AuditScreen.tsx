import { useState } from 'react';
import { Card, DatePicker, Descriptions, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { useSession } from '../../state/session';
import { actionLabel, detailSummary, formatAuditTime } from './format';
import { VerifyBanner } from './VerifyBanner';

type Entry = OutputOf<'audit.list'>['entries'][number];
const PAGE = 50;

/** The project's hash-chained audit trail: its verification, and every entry, filterable. */
export function AuditScreen() {
  const { t } = useTranslation();
  const project = useSession((s) => s.project);
  const [verifyTick, setVerifyTick] = useState(0);
  const [actions, setActions] = useState<string[]>([]);
  const [q, setQ] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<number[]>([]);
  const projectKey = project ? `${project.path}|${project.fileSizeBytes}` : '';

  const verification = useAsync(() => api.call('audit.verify', {}), `${projectKey}|${verifyTick}`);
  const actionList = useAsync(() => api.call('audit.actions', {}), `${projectKey}|${verifyTick}`);
  const query = {
    actions: actions.length ? actions : undefined, q: q.trim() || undefined,
    from: range?.[0]?.startOf('day').valueOf(), to: range?.[1]?.endOf('day').valueOf(),
    offset: (page - 1) * PAGE, limit: PAGE,
  };
  const list = useAsync(() => api.call('audit.list', query), `${projectKey}|${verifyTick}|${JSON.stringify(query)}`);
  const brokenAt = verification.data && !verification.data.ok ? verification.data.brokenAt : null;

  const showEntry = (id: number) => {
    setActions([]); setQ(`#${id}`); setRange(null); setPage(1); setExpanded([id]);
  };

  return (
    <div data-testid="screen-audit">
      <ScreenHeader screen="audit" />
      <Flex vertical gap={12}>
        <VerifyBanner v={verification.data} busy={verification.loading} onVerify={() => setVerifyTick((n) => n + 1)} onShow={showEntry} />
        {(verification.error ?? list.error ?? actionList.error) ? <ErrorAlert error={verification.error ?? list.error ?? actionList.error} /> : null}
        <Card size="small">
          <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
            <Select<string[]> mode="multiple" allowClear style={{ minWidth: 280 }} placeholder={t('audit.filterActions')} data-testid="audit-actions"
              value={actions} onChange={(v) => { setActions(v); setPage(1); }}
              options={(actionList.data ?? []).map((a) => ({ value: a.action, label: `${actionLabel(a.action, t)} (${a.count})` }))} />
            <DatePicker.RangePicker value={range} onChange={(v) => { setRange(v); setPage(1); }} />
            <Input.Search allowClear style={{ width: 300 }} placeholder={t('audit.filterText')} data-testid="audit-search"
              value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} />
            <Typography.Text type="secondary">{t('audit.total', { n: list.data?.total ?? 0 })}</Typography.Text>
          </Flex>
          <Table<Entry>
            data-testid="audit-table" size="small" rowKey="id" loading={list.loading}
            dataSource={list.data?.entries ?? []}
            rowClassName={(r) => (r.id === brokenAt ? 'ms-audit-broken' : '')}
            pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
            expandable={{
              expandedRowKeys: expanded, onExpandedRowsChange: (keys) => setExpanded(keys as number[]),
              expandedRowRender: (r) => (
                <Descriptions size="small" column={1} bordered>
                  <Descriptions.Item label={t('audit.rawDetail')}><Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{r.detail}</Typography.Text></Descriptions.Item>
                  <Descriptions.Item label={t('audit.hash')}><Typography.Text code copyable>{r.hash}</Typography.Text></Descriptions.Item>
                  <Descriptions.Item label={t('audit.prevHash')}><Typography.Text code>{r.prevHash || '—'}</Typography.Text></Descriptions.Item>
                </Descriptions>
              ),
            }}
            columns={[
              { title: t('audit.col.id'), dataIndex: 'id', width: 80, render: (id: number) => (id === brokenAt ? <Tag color="error">#{id} {t('audit.broken_row')}</Tag> : `#${id}`) },
              { title: t('audit.col.at'), dataIndex: 'at', width: 180, render: (at: number) => formatAuditTime(at) },
              { title: t('audit.col.actor'), dataIndex: 'actor', width: 160 },
              { title: t('audit.col.action'), dataIndex: 'action', width: 180, render: (a: string) => <Tag>{actionLabel(a, t)}</Tag> },
              { title: t('audit.col.detail'), dataIndex: 'detail', ellipsis: true, render: (d: string, r) => detailSummary(r.action, d, t) },
            ]}
          />
        </Card>
      </Flex>
    </div>
  );
}
