import { useState } from 'react';
import { Card, Empty, Flex, Input, List, Pagination, Space, Switch, Tag, Typography } from 'antd';
import { tableFromIPC } from 'apache-arrow';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { queryTerms } from '../../../../shared/domain/text/fts-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { filterKey, useFilter, useFilters } from '../../state/filters';
import { Highlighted } from './Highlighted';

interface Hit { id: number; externalId: string; receivedAt: number; title: string | null; content: string | null; address: string | null; district: string | null; status: string | null; cat1: string | null; cat2: string | null }

const PAGE = 20;

/** Full-text search: the global filter's text query, matches highlighted, personal information masked by default. */
export function SearchTab() {
  const { t } = useTranslation();
  const filter = useFilter();
  const setQuery = useFilters((s) => s.setQuery);
  const [page, setPage] = useState(1);
  const [reveal, setReveal] = useState(false);
  const key = `${filterKey(filter)}|${page}`;
  const res = useAsync(async () => {
    const t0 = performance.now();
    const [count, bytes] = await Promise.all([api.call('records.count', { filter }), api.call('text.search', { filter, offset: (page - 1) * PAGE, limit: PAGE })]);
    const rows = tableFromIPC(bytes).toArray().map((r) => r.toJSON() as unknown as Hit);
    return { count: count.count, rows, ms: Math.round(performance.now() - t0) };
  }, key);
  const terms = queryTerms(filter.q ?? '');
  return (
    <Card>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear defaultValue={filter.q} key={filter.q ?? ''} placeholder={t('text.search.placeholder')} style={{ maxWidth: 420 }}
          onSearch={(v) => { setPage(1); setQuery(v); }} data-testid="text-search-input" enterButton={t('text.search.go')}
        />
        <Space><Switch checked={reveal} onChange={setReveal} data-testid="reveal-pii" />{t('text.search.reveal')}</Space>
        {res.data && <Typography.Text type="secondary" data-testid="search-count">{t('text.search.count', { count: res.data.count, ms: res.data.ms })}</Typography.Text>}
      </Flex>
      <Typography.Paragraph type="secondary">{t('text.search.hint')}</Typography.Paragraph>
      {res.error != null && <ErrorAlert error={res.error} />}
      {res.data && res.data.rows.length === 0 ? <Empty /> : (
        <List
          loading={res.loading} dataSource={res.data?.rows ?? []} data-testid="search-results"
          renderItem={(r) => (
            <List.Item key={r.id} style={{ display: 'block' }}>
              <Space wrap style={{ marginBottom: 4 }}>
                <Typography.Text strong><Highlighted text={r.title} terms={terms} reveal={reveal} /></Typography.Text>
                <Tag>{r.externalId}</Tag>{r.cat1 && <Tag color="blue">{r.cat2 ?? r.cat1}</Tag>}
                <Typography.Text type="secondary">{`${dayjs(r.receivedAt).format('YYYY-MM-DD HH:mm')} · ${r.district ?? ''} · ${r.status ? t(`status.${r.status}`, { defaultValue: r.status }) : ''}`}</Typography.Text>
              </Space>
              <div><Highlighted text={r.content} terms={terms} reveal={reveal} /></div>
              {r.address && <Typography.Text type="secondary"><Highlighted text={r.address} terms={terms} reveal={reveal} /></Typography.Text>}
            </List.Item>
          )}
        />
      )}
      <Pagination current={page} pageSize={PAGE} total={res.data?.count ?? 0} onChange={setPage} showSizeChanger={false} size="small" style={{ marginTop: 12 }} />
    </Card>
  );
}
