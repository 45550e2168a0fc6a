import { Button, Progress, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { EvaluatedObject } from '../../../../../shared/api/areas/evaluation';
import type { GroupNode } from '../../../../../shared/domain/evaluation';
import { localName } from '../scheme/names';

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(1));

/** Ranking with per-dimension scores, rank change, rank stability under weight changes, and the evidence link. */
export function RankingTable({ objects, dims, selected, onSelect, onEvidence }: {
  objects: readonly EvaluatedObject[]; dims: GroupNode[]; selected: string | null; onSelect(key: string): void; onEvidence(key: string): void;
}) {
  const { t, i18n } = useTranslation();
  const rows = [...objects].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.records - a.records);
  const columns: ColumnsType<EvaluatedObject> = [
    { title: t('evaluation.results.rank'), dataIndex: 'rank', width: 64, fixed: 'left', render: (r: number | null) => r ?? <Tag>{t('evaluation.results.ineligible')}</Tag> },
    { title: t('evaluation.results.change'), dataIndex: 'rankChange', width: 70, render: (c: number | null) => (c === null ? '—'
      : <Typography.Text type={c > 0 ? 'success' : c < 0 ? 'danger' : 'secondary'}>{c > 0 ? `▲${c}` : c < 0 ? `▼${-c}` : '0'}</Typography.Text>) },
    { title: t('evaluation.results.object'), dataIndex: 'key', width: 220, fixed: 'left', ellipsis: true },
    { title: t('evaluation.results.score'), dataIndex: 'score', width: 140, sorter: (a, b) => (a.score ?? -1) - (b.score ?? -1),
      render: (s: number | null) => (s === null ? '—' : <Progress percent={Number(s.toFixed(1))} size="small" format={(p) => p?.toFixed(1)} />) },
    ...dims.map((d) => ({
      title: localName(d.name, i18n.language), key: d.id, width: 96,
      sorter: (a: EvaluatedObject, b: EvaluatedObject) => (a.scores[d.id] ?? -1) - (b.scores[d.id] ?? -1),
      render: (_: unknown, o: EvaluatedObject) => fmt(o.scores[d.id]),
    })),
    { title: t('evaluation.results.records'), dataIndex: 'records', width: 84, sorter: (a, b) => a.records - b.records },
    { title: t('evaluation.results.stability'), key: 'st', width: 110, render: (_: unknown, o) => (o.rank === null ? '—' : `${Math.round(o.stability.stability * 100)}%`) },
    { title: t('evaluation.results.range'), key: 'rg', width: 90, render: (_: unknown, o) => (o.stability.minRank === null ? '—' : `${o.stability.minRank}–${o.stability.maxRank}`) },
    { title: '', key: 'ev', width: 80, fixed: 'right', render: (_: unknown, o) => (
      <Button size="small" type="link" onClick={(e) => { e.stopPropagation(); onEvidence(o.key); }} data-testid={`evidence-${o.key}`}>{t('evaluation.results.evidence')}</Button>) },
  ];
  return (
    <Table<EvaluatedObject> size="small" rowKey="key" columns={columns} dataSource={rows} data-testid="ranking-table"
      pagination={{ pageSize: 15, showSizeChanger: false }} scroll={{ x: 1100 + dims.length * 96 }}
      rowClassName={(o) => (o.key === selected ? 'ant-table-row-selected' : '')}
      onRow={(o) => ({ onClick: () => onSelect(o.key), style: { cursor: 'pointer' } })} />
  );
}
