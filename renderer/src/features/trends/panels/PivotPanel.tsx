import { useMemo, useState } from 'react';
import { App, Button, Card, Flex, Segmented, Select, Table, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, type Dimension } from '../../../../../shared/domain/stats/dims';
import { colShares, rowShares } from '../../../../../shared/domain/stats/pivot';
import { relativeChange } from '../../../../../shared/domain/stats/series';
import { useFilter } from '../../../state/filters';
import { downloadCsv, downloadXlsx, type DataTable } from '../export';
import { fmtChange, fmtInt, fmtPct, groupLabel } from '../format';
import { canLink, drillTo } from '../link';
import { useStats } from '../useStats';

type Mode = 'count' | 'row' | 'col' | 'total' | 'change';
interface Row { key: string; name: string; total: number; cells: number[]; prev: (number | null)[] }

/** Cross-tab of any two dimensions: counts, shares (row / column / total) or change; sortable; XLSX and CSV export. */
export function PivotPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const filter = useFilter();
  const [rowsBy, setRowsBy] = useState<Dimension>('category1');
  const [colsBy, setColsBy] = useState<Dimension>('district');
  const [mode, setMode] = useState<Mode>('count');
  const q = useStats('stats.pivot', { filter, rows: rowsBy, cols: colsBy, maxRows: 60, maxCols: 36, compare: 'previous' });
  const p = q.data;
  const data = useMemo(() => {
    if (!p) return { rows: [] as Row[], cols: [] as string[] };
    const values = mode === 'row' ? rowShares(p.counts) : mode === 'col' ? colShares(p.counts) : p.counts;
    const rows: Row[] = p.rows.map((r, i) => ({
      key: r.key, name: groupLabel(t, rowsBy, r.key, r.label), total: r.total,
      cells: mode === 'total' ? p.counts[i].map((n) => (p.total ? n / p.total : 0)) : values[i],
      prev: p.counts[i].map((n, j) => (p.previous ? relativeChange(n, p.previous[i][j]) : null)),
    }));
    return { rows, cols: p.cols.map((c) => groupLabel(t, colsBy, c.key, c.label)) };
  }, [p, mode, rowsBy, colsBy, t]);
  const max = useMemo(() => data.rows.reduce((m, r) => Math.max(m, ...r.cells.map(Math.abs)), 0), [data]);
  /** Cells shaded by size (counts and shares), or red / green by change. */
  const shade = (r: Row, j: number): string | undefined => {
    if (mode === 'change') { const c = r.prev[j]; return c === null ? undefined : c > 0 ? `rgba(194,59,59,${Math.min(0.35, c * 0.5)})` : `rgba(58,157,93,${Math.min(0.35, -c * 0.5)})`; }
    return max > 0 ? `rgba(31,111,178,${((r.cells[j] / max) * 0.35).toFixed(3)})` : undefined;
  };
  const show = (r: Row, j: number): string => (mode === 'change' ? fmtChange(r.prev[j]) : mode === 'count' ? fmtInt(r.cells[j]) : fmtPct(r.cells[j]));
  const columns: TableColumnsType<Row> = [
    { title: t(`trends.dim.${rowsBy}`), dataIndex: 'name', fixed: 'left', width: 160, sorter: (a, b) => a.name.localeCompare(b.name),
      render: (v: string, r) => (canLink(rowsBy) ? <a onClick={() => drillTo(rowsBy, r.key)}>{v}</a> : v) },
    ...data.cols.map((c, j) => ({
      title: c, key: `c${j}`, align: 'right' as const, width: 96,
      sorter: (a: Row, b: Row) => (mode === 'change' ? (a.prev[j] ?? -Infinity) - (b.prev[j] ?? -Infinity) : a.cells[j] - b.cells[j]),
      onCell: (r: Row) => ({ style: { background: shade(r, j) } }),
      render: (_: unknown, r: Row) => show(r, j),
    })),
    { title: t('trends.pivot.total'), dataIndex: 'total', fixed: 'right', width: 96, align: 'right', defaultSortOrder: 'descend', sorter: (a, b) => a.total - b.total, render: (v: number) => fmtInt(v) },
  ];
  const table = (): DataTable => ({
    columns: [`${t(`trends.dim.${rowsBy}`)} \\ ${t(`trends.dim.${colsBy}`)}`, ...data.cols, t('trends.pivot.total')],
    rows: data.rows.map((r) => [r.name, ...r.cells.map((v, j) => (mode === 'change' ? r.prev[j] : Number(v.toFixed(6)))), r.total]),
  });
  const title = t('trends.pivot.fileTitle', { rows: t(`trends.dim.${rowsBy}`), cols: t(`trends.dim.${colsBy}`) });
  const xlsx = async () => {
    try {
      const counts: DataTable = { columns: table().columns, rows: p ? p.rows.map((r, i) => [groupLabel(t, rowsBy, r.key, r.label), ...p.counts[i], r.total]) : [] };
      await downloadXlsx(title, [{ name: t('trends.pivot.mode.count'), table: counts }, ...(mode !== 'count' ? [{ name: t(`trends.pivot.mode.${mode}`), table: table() }] : [])]);
    } catch (e) { void message.error(t('trends.export.failed', { error: e instanceof Error ? e.message : String(e) })); }
  };
  const dims = DIMENSIONS.map((d) => ({ value: d, label: t(`trends.dim.${d}`) }));
  return (
    <Card size="small" title={t('trends.pivot.title')} data-testid="pivot-panel" extra={(
      <Flex gap={8} wrap align="center">
        <Select size="small" value={rowsBy} onChange={setRowsBy} options={dims} style={{ width: 120 }} data-testid="pivot-rows" />
        <span>×</span>
        <Select size="small" value={colsBy} onChange={setColsBy} options={dims} style={{ width: 120 }} data-testid="pivot-cols" />
        <Segmented size="small" value={mode} onChange={(v) => setMode(v as Mode)} options={(['count', 'row', 'col', 'total', 'change'] as Mode[]).map((m) => ({ value: m, label: t(`trends.pivot.mode.${m}`) }))} />
        <Button size="small" icon={<DownloadOutlined />} onClick={() => void xlsx()} data-testid="pivot-xlsx">XLSX</Button>
        <Button size="small" icon={<DownloadOutlined />} onClick={() => downloadCsv(title, table())}>CSV</Button>
      </Flex>
    )}>
      <Table<Row> size="small" rowKey="key" columns={columns} dataSource={data.rows} loading={q.loading} pagination={false} scroll={{ x: 'max-content', y: 520 }} data-testid="pivot-table" />
      {p && (p.otherRows > 0 || p.otherCols > 0) && <div className="ms-chart-note">{t('trends.pivot.merged', { rows: p.otherRows, cols: p.otherCols })}</div>}
      {mode === 'change' && !p?.previous && <div className="ms-chart-note">{t('trends.top.noPeriod')}</div>}
    </Card>
  );
}
