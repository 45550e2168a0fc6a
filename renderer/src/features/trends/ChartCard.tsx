import { useRef, type ReactNode } from 'react';
import { App, Button, Card, Dropdown, Empty, Flex } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ECharts, EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { EChart, chartToPng, chartToSvg, type EChartClick } from '../../components/chart/EChart';
import { AddToReportButton } from '../reports/AddToReportButton';
import { chartSnapshot } from '../reports/basket';
import { dataUrlToBlob, download, downloadCsv, downloadXlsx, fileSafe, type DataTable } from './export';

export interface ChartCardProps {
  title: string;
  option: EChartsOption | null;
  table: DataTable;
  height?: number;
  loading?: boolean;
  onClick?(e: EChartClick): void;
  /** Controls shown in the card header before the export menu. */
  controls?: ReactNode;
  /** Shown under the chart (notes on exclusions, comparison periods…). */
  footer?: ReactNode;
  testId: string;
}

/** A chart in a card with PNG / SVG / CSV / XLSX export and "add to report". */
export function ChartCard({ title, option, table, height = 300, loading, onClick, controls, footer, testId }: ChartCardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const chart = useRef<ECharts | null>(null);
  const empty = table.rows.length === 0 && !loading;
  const items = [
    { key: 'png', label: t('trends.export.png') },
    { key: 'svg', label: t('trends.export.svg') },
    { key: 'csv', label: t('trends.export.csv') },
    { key: 'xlsx', label: t('trends.export.xlsx') },
  ];
  const onExport = async (key: string) => {
    const c = chart.current;
    try {
      if (key === 'png' && c) download(`${fileSafe(title)}.png`, dataUrlToBlob(chartToPng(c)));
      else if (key === 'svg' && c) download(`${fileSafe(title)}.svg`, new Blob([chartToSvg(c)], { type: 'image/svg+xml' }));
      else if (key === 'csv') downloadCsv(title, table);
      else if (key === 'xlsx') await downloadXlsx(title, [{ name: title, table }]);
    } catch (e) {
      void message.error(t('trends.export.failed', { error: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={(
        <Flex gap={6} align="center" wrap>
          {controls}
          <Dropdown menu={{ items, onClick: ({ key }) => void onExport(key) }} trigger={['click']}>
            <Button size="small" icon={<DownloadOutlined />} aria-label={t('trends.export.menu')} data-testid={`${testId}-export`} />
          </Dropdown>
          <AddToReportButton title={title} source="trends" snapshot={() => chartSnapshot(chart.current)} table={table} disabled={empty || loading} testId={`${testId}-add`} />
        </Flex>
      )}
      styles={{ body: { padding: 8 } }}
    >
      {empty || !option
        ? <Flex align="center" justify="center" style={{ height }}><Empty description={t('trends.empty')} /></Flex>
        : <EChart option={option} height={height} loading={loading} onClick={onClick} onReady={(c) => { chart.current = c; }} testId={`${testId}-chart`} />}
      {footer}
    </Card>
  );
}
