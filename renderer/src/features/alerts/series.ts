import { tableFromIPC } from 'apache-arrow';
import type { EChartsOption } from 'echarts';

/** One day of `alerts.series`: observed count, baseline, alarm threshold and the detectors that fired. */
export interface SeriesPoint { day: string; observed: number; expected: number | null; upper: number | null; p: number | null; alarms: string[] }

const num = (v: unknown): number | null => {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'bigint' ? Number(v) : Number(v);
  return Number.isFinite(n) ? n : null;
};

/** Decodes the Arrow IPC bytes of `alerts.series`. */
export function decodeSeries(bytes: Uint8Array): SeriesPoint[] {
  if (bytes.byteLength === 0) return [];
  const tb = tableFromIPC(bytes);
  const col = (n: string) => tb.getChild(n);
  const out: SeriesPoint[] = [];
  for (let i = 0; i < tb.numRows; i++) {
    const alarms = String(col('alarms')?.get(i) ?? '');
    out.push({
      day: String(col('day')?.get(i) ?? ''), observed: num(col('observed')?.get(i)) ?? 0, expected: num(col('expected')?.get(i)),
      upper: num(col('upper')?.get(i)), p: num(col('p')?.get(i)), alarms: alarms ? alarms.split(',') : [],
    });
  }
  return out;
}

export interface SeriesLabels { observed: string; expected: string; upper: string; alarm: string }

/**
 * Observed line over the baseline band (expected → threshold, stacked), alarm days as red points
 * and the alert's own days shaded.
 */
export function seriesOption(pts: SeriesPoint[], alertDays: [string, string], l: SeriesLabels): EChartsOption {
  const days = pts.map((p) => p.day);
  const band = pts.map((p) => (p.upper !== null && p.expected !== null ? Math.max(0, p.upper - p.expected) : null));
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [l.observed, l.expected, l.upper, l.alarm], top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 40 },
    xAxis: { type: 'category', data: days, boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    dataZoom: [{ type: 'inside' }],
    series: [
      { name: l.expected, type: 'line', data: pts.map((p) => p.expected), stack: 'band', symbol: 'none', lineStyle: { type: 'dashed', color: '#8c8c8c' }, itemStyle: { color: '#8c8c8c' } },
      { name: l.upper, type: 'line', data: band, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, itemStyle: { color: '#91caff' }, areaStyle: { color: 'rgba(22,119,255,0.15)' },
        tooltip: { valueFormatter: (v) => (typeof v === 'number' ? v.toFixed(1) : '—') } },
      { name: l.observed, type: 'line', data: pts.map((p) => p.observed), symbol: 'circle', symbolSize: 3, itemStyle: { color: '#1f1f1f' }, lineStyle: { width: 1.5 },
        markArea: { silent: true, itemStyle: { color: 'rgba(255,77,79,0.08)' }, data: [[{ xAxis: alertDays[0] }, { xAxis: alertDays[1] }]] } },
      { name: l.alarm, type: 'scatter', data: pts.map((p) => (p.alarms.length > 0 ? p.observed : null)), symbolSize: 9, itemStyle: { color: '#f5222d' }, z: 5 },
    ],
  };
}
