import { Alert, Button, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ahpWeights, type GroupNode } from '../../../../../shared/domain/evaluation';
import { equalMatrix } from '../tree-ops';
import { localName } from './names';

/** Saaty's scale as choices: 1/9 … 1 … 9. */
const SCALE = [...[9, 8, 7, 6, 5, 4, 3, 2].map((d) => ({ value: 1 / d, label: `1/${d}` })), ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => ({ value: v, label: String(v) }))];
const nearest = (x: number) => SCALE.reduce((a, b) => (Math.abs(Math.log(b.value) - Math.log(x)) < Math.abs(Math.log(a.value) - Math.log(x)) ? b : a)).value;

/** The pairwise comparison matrix of a group: upper triangle editable, reciprocals filled in, weights and CR live. */
export function AhpMatrix({ node, onChange }: { node: GroupNode; onChange(matrix: number[][]): void }) {
  const { t, i18n } = useTranslation();
  const n = node.children.length;
  const m = node.weighting.matrix?.length === n ? node.weighting.matrix : equalMatrix(n);
  const r = ahpWeights(m);
  const set = (i: number, j: number, v: number) => onChange(m.map((row, a) => row.map((x, b) => (a === i && b === j ? v : a === j && b === i ? 1 / v : x))));
  const names = node.children.map((c) => localName(c.name, i18n.language));
  const columns = [
    { title: '', dataIndex: 'name', key: 'name', width: 140, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    ...names.map((name, j) => ({
      title: name, key: `c${j}`, width: 96,
      render: (_: unknown, row: { i: number }) => (row.i < j
        ? <Select size="small" virtual={false} style={{ width: 80 }} value={nearest(m[row.i][j])} options={SCALE} onChange={(v) => set(row.i, j, v)} data-testid={`ahp-${row.i}-${j}`} />
        : <Typography.Text type="secondary">{row.i === j ? '1' : SCALE.find((s) => s.value === nearest(m[row.i][j]))?.label}</Typography.Text>),
    })),
    { title: t('evaluation.ahp.weights'), key: 'w', width: 90, render: (_: unknown, row: { i: number }) => r.weights[row.i].toFixed(3) },
  ];
  return (
    <div data-testid="ahp-matrix">
      <Typography.Text type="secondary">{t('evaluation.ahp.title')}</Typography.Text>
      <Table size="small" rowKey="i" pagination={false} columns={columns} dataSource={names.map((name, i) => ({ i, name }))} scroll={{ x: true }} style={{ marginTop: 8 }} />
      <Flex gap={8} align="center" wrap style={{ marginTop: 8 }}>
        <Tag>{t('evaluation.ahp.lambda', { value: r.lambdaMax.toFixed(3) })}</Tag>
        <Tag color={r.consistent ? 'green' : 'red'} data-testid="ahp-cr">{r.cr === null ? t('evaluation.ahp.crNa') : t('evaluation.ahp.cr', { value: r.cr.toFixed(3) })}</Tag>
        <Space><Button size="small" onClick={() => onChange(equalMatrix(n))}>{t('evaluation.ahp.reset')}</Button></Space>
      </Flex>
      <Alert style={{ marginTop: 8 }} type={r.consistent ? 'success' : 'error'} showIcon data-testid={r.consistent ? 'ahp-ok' : 'ahp-flag'}
        title={r.consistent ? t('evaluation.ahp.consistent') : t('evaluation.ahp.inconsistent')} />
    </div>
  );
}
