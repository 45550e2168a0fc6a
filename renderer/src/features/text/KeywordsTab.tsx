import { useState } from 'react';
import { Card, Col, Empty, Flex, Row, Segmented, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { filterKey, useFilter, useFilters } from '../../state/filters';
import { TagCloud } from './TagCloud';
import { AddToReportButton } from '../reports/AddToReportButton';
import { svgElementSnapshot } from '../reports/basket';

/** Keywords of the filtered requests (TF-IDF or TextRank) as a tag cloud and a table; click a word to search it. */
export function KeywordsTab() {
  const { t } = useTranslation();
  const filter = useFilter();
  const setQuery = useFilters((s) => s.setQuery);
  const [method, setMethod] = useState<'tfidf' | 'textrank'>('tfidf');
  const res = useAsync(() => api.call('text.keywords', { filter, top: 80, method }), `${filterKey(filter)}|${method}`);
  const terms = res.data?.terms ?? [];
  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card
          title={t('text.keywords.cloud')}
          extra={<Flex gap={6} align="center"><Segmented value={method} onChange={(v) => setMethod(v as 'tfidf' | 'textrank')} options={[{ value: 'tfidf', label: 'TF-IDF' }, { value: 'textrank', label: 'TextRank' }]} />
            <AddToReportButton title={t('text.keywords.cloud')} source="text" disabled={!terms.length} testId="tag-cloud-add-report" table={{ columns: [t('text.keywords.term'), t('text.keywords.score')], rows: terms.map((x) => [x.term, x.score]) }}
              snapshot={() => svgElementSnapshot(document.querySelector<SVGSVGElement>('[data-testid="tag-cloud"]'))} /></Flex>}
          loading={res.loading && !res.data}
        >
          {res.error != null && <ErrorAlert error={res.error} />}
          {terms.length ? <TagCloud words={terms.map((x) => ({ term: x.term, weight: x.score }))} onPick={(term) => setQuery(term)} /> : <Empty />}
          <Typography.Text type="secondary">{t('text.keywords.hint', { docs: res.data?.docs ?? 0 })}</Typography.Text>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('text.keywords.table')} size="small">
          <Table
            size="small" rowKey="term" pagination={{ pageSize: 15, size: 'small' }} dataSource={terms.map((x, i) => ({ ...x, rank: i + 1 }))}
            onRow={(r) => ({ onClick: () => setQuery(r.term), style: { cursor: 'pointer' } })}
            columns={[
              { title: '#', dataIndex: 'rank', width: 44 },
              { title: t('text.keywords.term'), dataIndex: 'term' },
              { title: t('text.keywords.records'), dataIndex: 'count', render: (v: number) => (method === 'tfidf' ? v.toLocaleString() : '—') },
              { title: t('text.keywords.score'), dataIndex: 'score', render: (v: number) => v.toFixed(method === 'tfidf' ? 0 : 2) },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
