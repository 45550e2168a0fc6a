import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Progress, Row, Segmented, Slider, Space, Statistic, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { Highlighted } from './Highlighted';
import { useTextJob } from './useTextJob';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Auto-classification: train, see held-out accuracy / macro-F1, accept or reject suggestions in bulk. */
export function ClassifyTab() {
  const { t } = useTranslation();
  const job = useTextJob();
  const [level, setLevel] = useState<1 | 2>(2);
  const [minConfidence, setMin] = useState(0);
  const [selected, setSelected] = useState<number[]>([]);
  const [page, setPage] = useState(1);
  const model = useAsync(() => api.call('text.model', {}), `${job.version}`);
  const list = useAsync(() => api.call('text.suggestions', { status: 'pending', minConfidence, offset: (page - 1) * 20, limit: 20 }), `${job.version}|${minConfidence}|${page}`);
  const decide = (decision: 'accept' | 'reject', ids?: number[]) =>
    void job.run(decision, () => api.call('text.decide', ids ? { decision, recordIds: ids } : { decision, minConfidence })).then(() => setSelected([]));
  const m = model.data;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={8}>
        <Card title={t('text.classify.model')} extra={(
          <Space>
            <Segmented value={level} onChange={(v) => setLevel(v as 1 | 2)} options={[{ value: 1, label: t('text.classify.level1') }, { value: 2, label: t('text.classify.level2') }]} />
            <Button type="primary" loading={job.running === 'train'} onClick={() => void job.run('train', () => api.call('text.train', { level, maxTrain: 10_000 }))} data-testid="train">{t('text.classify.train')}</Button>
          </Space>
        )}>
          {job.running && <Alert type="info" showIcon title={job.progress || t('text.running')} style={{ marginBottom: 12 }} />}
          {model.error != null && <ErrorAlert error={model.error} />}
          {m ? (
            <>
              <Row gutter={16}>
                <Col span={12}><Statistic title={t('text.classify.macroF1')} value={pct(m.macroF1)} /></Col>
                <Col span={12}><Statistic title={t('text.classify.accuracy')} value={pct(m.accuracy)} /></Col>
              </Row>
              <Descriptions size="small" column={1} style={{ marginTop: 12 }} items={[
                { label: t('text.classify.level'), children: m.level },
                { label: t('text.classify.split'), children: t('text.classify.splitText', { trained: m.trained, tested: m.tested, classes: m.classes }) },
                { label: t('text.classify.when'), children: dayjs(m.createdAt).format('YYYY-MM-DD HH:mm') },
              ]} />
              <Table size="small" rowKey="categoryId" pagination={{ pageSize: 8, size: 'small' }} dataSource={m.perClass.filter((c) => c.support > 0)} columns={[
                { title: t('text.classify.category'), dataIndex: 'name' },
                { title: 'F1', dataIndex: 'f1', render: (v: number) => <Progress percent={Math.round(v * 100)} size="small" /> },
                { title: t('text.classify.support'), dataIndex: 'support' },
              ]} />
            </>
          ) : <Alert type="info" showIcon title={t('text.classify.noModel')} />}
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card title={t('text.classify.suggestions', { count: list.data?.total ?? 0 })} extra={(
          <Space>
            {t('text.classify.minConfidence')}<Slider min={0} max={1} step={0.05} value={minConfidence} onChange={(v) => { setPage(1); setMin(v); }} style={{ width: 120 }} />
            <Button disabled={!selected.length} onClick={() => decide('accept', selected)}>{t('text.classify.acceptSelected', { count: selected.length })}</Button>
            <Button type="primary" disabled={!list.data?.total} onClick={() => decide('accept')} data-testid="accept-all">{t('text.classify.acceptAll')}</Button>
            <Button danger disabled={!list.data?.total} onClick={() => decide('reject', selected.length ? selected : undefined)}>{t('text.classify.reject')}</Button>
          </Space>
        )}>
          {list.error != null && <ErrorAlert error={list.error} />}
          <Table
            size="small" rowKey="recordId" loading={list.loading} dataSource={list.data?.rows ?? []} data-testid="suggestions"
            rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as number[]) }}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: t('text.classify.text'), key: 'text', render: (_v, r) => <><b>{r.title}</b><br /><Highlighted text={r.content} terms={[]} reveal={false} /></> },
              { title: t('text.classify.current'), dataIndex: 'current', width: 120, render: (v: string | null) => v ?? <Tag>{t('text.classify.none')}</Tag> },
              { title: t('text.classify.suggested'), key: 's', width: 170, render: (_v, r) => <Tag color="blue">{r.parent ? `${r.parent} / ` : ''}{r.category}</Tag> },
              { title: t('text.classify.confidence'), dataIndex: 'confidence', width: 110, render: (v: number) => <Progress percent={Math.round(v * 100)} size="small" /> },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
