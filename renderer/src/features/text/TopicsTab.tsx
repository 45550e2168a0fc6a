import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, InputNumber, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { useFilter } from '../../state/filters';
import { Highlighted } from './Highlighted';
import { useTextJob } from './useTextJob';

/** Topic grouping (NMF on a sample of the filtered texts); rename and merge topics. */
export function TopicsTab() {
  const { t } = useTranslation();
  const filter = useFilter();
  const job = useTextJob();
  const [k, setK] = useState(8);
  const [merge, setMerge] = useState<number[]>([]);
  const [edits, setEdits] = useState(0);
  const topics = useAsync(() => api.call('text.topics', {}), `${job.version}|${edits}`);
  const rename = async (id: number, name: string) => { await api.call('text.renameTopic', { id, name }); setEdits((e) => e + 1); };
  const doMerge = async () => { await api.call('text.mergeTopics', { ids: merge }); setMerge([]); setEdits((e) => e + 1); };
  return (
    <Card title={t('text.topics.title')} extra={(
      <Space>
        {t('text.topics.k')}<InputNumber min={2} max={20} value={k} onChange={(v) => setK(v ?? 8)} style={{ width: 70 }} />
        <Button type="primary" loading={job.running !== null} onClick={() => void job.run('topics', () => api.call('text.groupTopics', { filter, k, sample: 4000 }))}>{t('text.topics.run')}</Button>
        <Button disabled={merge.length < 2} onClick={() => void doMerge()}>{t('text.topics.merge', { count: merge.length })}</Button>
      </Space>
    )}>
      {job.running && <Alert type="info" showIcon title={job.progress || t('text.running')} style={{ marginBottom: 12 }} />}
      {topics.error != null && <ErrorAlert error={topics.error} />}
      {topics.data?.length === 0 && <Empty description={t('text.topics.none')} />}
      <Row gutter={[16, 16]}>
        {(topics.data ?? []).map((tp) => (
          <Col xs={24} lg={12} xxl={8} key={tp.id}>
            <Card size="small" style={{ borderColor: merge.includes(tp.id) ? '#c23531' : undefined }}
              title={<Typography.Text editable={{ onChange: (v) => { if (v.trim()) void rename(tp.id, v.trim()); } }}>{tp.name}</Typography.Text>}
              extra={<Space><Tag>{t('text.topics.size', { count: tp.size })}</Tag>
                <Button size="small" onClick={() => setMerge((m) => (m.includes(tp.id) ? m.filter((x) => x !== tp.id) : [...m, tp.id]))}>{merge.includes(tp.id) ? t('text.topics.unpick') : t('text.topics.pick')}</Button></Space>}>
              <div style={{ marginBottom: 8 }}>{tp.terms.map((w) => <Tag key={w} color="blue">{w}</Tag>)}</div>
              <List size="small" dataSource={tp.examples} renderItem={(e) => <List.Item><Typography.Text type="secondary"><Highlighted text={e.content} terms={tp.terms.slice(0, 3)} reveal={false} /></Typography.Text></List.Item>} />
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
