import { useMemo } from 'react';
import type { ECharts } from 'echarts';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/chart/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { api } from '../../platform/select';
import { decodeSeries, seriesOption } from './series';

/** The alert's daily series with the baseline band and the alarm days marked. */
export function SeriesChart({ id, firstDay, lastDay, version, onReady }: { id: number; firstDay: string; lastDay: string; version: number; onReady?(c: ECharts | null): void }) {
  const { t } = useTranslation();
  const data = useAsync(async () => decodeSeries(await api.call('alerts.series', { id, days: 120 })), `${id}|${version}`);
  const option = useMemo(() => seriesOption(data.data ?? [], [firstDay, lastDay], {
    observed: t('alerts.detail.observed'), expected: t('alerts.detail.expected'), band: t('alerts.detail.band'), alarm: t('alerts.detail.alarm'),
  }), [data.data, firstDay, lastDay, t]);
  if (data.error != null) return <ErrorAlert error={data.error} />;
  return <EChart option={option} height={260} loading={data.loading} testId="alert-series-chart" onReady={onReady} />;
}
