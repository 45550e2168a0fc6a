import { useMemo, useState } from 'react';
import { Select, Segmented } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import type { Dimension } from '../../../../../shared/domain/stats/dims';
import { dayLabel, dayOf } from '../../../../../shared/domain/stats/time';
import { useFilter } from '../../../state/filters';
import { ChartCard } from '../ChartCard';
import { fmtChange, fmtInt, fmtPct, groupLabel } from '../format';
import { canLink, drillTo } from '../link';
import { useStats } from '../useStats';

export const TOP_DIMS: Dimension[] = ['district', 'street', 'community', 'department', 'source', 'category1', 'category2', 'category3', 'channel', 'requestType', 'status', 'categoryOriginal'];

/** Top-N groups of a dimension with their change against the previous period (or a year earlier). */
export function TopChart({ initial = 'district', testId = 'chart-top' }: { initial?: Dimension; testId?: string }) {
  const { t } = useTranslation();
  const filter = useFilter();
  const [by, setBy] = useState<Dimension>(initial);
  const [compare, setCompare] = useState<'previous' | 'yoy'>('previous');
  const q = useStats('stats.breakdown', { filter, by, limit: 15, compare });
  const rows = useMemo(() => (q.data?.rows ?? []).map((r) => ({ ...r, name: groupLabel(t, by, r.key, r.label) })), [q.data, by, t]);
  const option = useMemo<EChartsOption>(() => {
    const rev = [...rows].reverse();
    return {
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (ps: unknown) => {
          const p = (ps as { dataIndex: number }[])[0];
          const r = rev[p.dataIndex];
          return `${r.name}<br/>${fmtInt(r.count)} · ${fmtPct(r.share)}${r.change !== null ? `<br/>${t('trends.top.change')} ${fmtChange(r.change)}` : ''}`;
        },
      },
      grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rev.map((r) => r.name), axisLabel: { width: 120, overflow: 'truncate' } },
      series: [{
        type: 'bar', data: rev.map((r) => r.count), barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: (p: unknown) => fmtChange(rev[(p as { dataIndex: number }).dataIndex].change), color: '#666', fontSize: 11 },
        itemStyle: { color: (p: unknown) => { const c = rev[(p as { dataIndex: number }).dataIndex].change; return c === null ? '#1f6fb2' : c > 0.1 ? '#c23b3b' : c < -0.1 ? '#3a9d5d' : '#1f6fb2'; } },
      }],
    };
  }, [rows, t]);
  const table = useMemo(() => ({
    columns: [t(`trends.dim.${by}`), t('trends.volume.count'), t('trends.top.share'), t('trends.top.previous'), t('trends.top.change')],
    rows: rows.map((r) => [r.name, r.count, Number(r.share.toFixed(6)), r.previous, r.change === null ? null : Number(r.change.toFixed(6))]),
  }), [rows, by, t]);
  const period = q.data?.comparePeriod;
  return (
    <ChartCard
      title={t('trends.top.title', { dim: t(`trends.dim.${by}`) })}
      testId={testId}
      option={option}
      table={table}
      loading={q.loading}
      height={Math.max(220, rows.length * 24 + 24)}
      onClick={(e) => { const r = [...rows].reverse()[e.dataIndex]; if (r && canLink(by)) drillTo(by, r.key); }}
      controls={(
        <>
          <Select size="small" value={by} onChange={setBy} style={{ width: 120 }} options={TOP_DIMS.map((d) => ({ value: d, label: t(`trends.dim.${d}`) }))} data-testid={`${testId}-dim`} />
          <Segmented size="small" value={compare} onChange={(v) => setCompare(v as 'previous' | 'yoy')} options={[{ value: 'previous', label: t('trends.top.vsPrevious') }, { value: 'yoy', label: t('trends.top.vsYear') }]} />
        </>
      )}
      footer={<div className="ms-chart-note">{period ? t('trends.top.periodNote', { from: dayLabel(dayOf(period.from)), to: dayLabel(dayOf(period.to - 1)) }) : t('trends.top.noPeriod')}{q.data && q.data.otherGroups > 0 ? ` · ${t('trends.top.others', { groups: q.data.otherGroups, count: fmtInt(q.data.otherCount) })}` : ''}</div>}
    />
  );
}
