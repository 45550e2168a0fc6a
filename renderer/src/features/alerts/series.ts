import { tableFromIPC } from 'apache-arrow';
import type { EChartsOption } from 'echarts';

/** One day of `alerts.series`: observed count, baseline, alarm threshold and the detectors that fired. */
export interface SeriesPoint { day: string; observed: number; expected: number | null; lower: number | null; upper: number | null; p: number | null; alarms: string[] }

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
      day: String(col('day')?.get(i) ?? ''), observed: num(col('observed')?.get(i)) ?? 0, expected: num(col('expected')?.get(i)), lower: num(col('lower')?.get(i)),
      upper: num(col('upper')?.get(i)), p: num(col('p')?.get(i)), alarms: alarms ? alarms.split(',') : [],
    });
  }
  return out;
}

export interface SeriesLabels { observed: string; expected: string; band: string; alarm: string }

const fmt1 = (v: unknown) => (typeof v === 'number' ? v.toFixed(1) : '—');

/**
 * A clean band chart: the baseline band as one filled area between its lower and upper edges (a
 * transparent lower series with the band's width stacked on it), the expected count dashed inside it,
 * the observed counts as a line, alarm days as red markers on it and the alert's own days shaded.
 */
export function seriesOption(pts: SeriesPoint[], alertDays: [string, string], l: SeriesLabels): EChartsOption {
  const days = pts.map((p) => p.day);
  const hasBand = (p: SeriesPoint) => p.lower !== null && p.upper !== null && p.expected !== null;
  const lower = pts.map((p) => (hasBand(p) ? p.lower : null));
  const width = pts.map((p) => (hasBand(p) ? Math.max(0, p.upper! - p.lower!) : null));
  const upper = pts.map((p) => (hasBand(p) ? p.upper : null));
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const i = list[0]?.dataIndex ?? 0;
        const p = pts[i];
        if (!p) return '';
        const band = hasBand(p) ? `${fmt1(p.lower)} – ${fmt1(p.upper)}` : '—';
        return [p.day, `${l.observed}: ${p.observed}`, `${l.expected}: ${fmt1(p.expected)}`, `${l.band}: ${band}`,
          ...(p.alarms.length ? [`${l.alarm}: ${p.alarms.join(', ')}`] : [])].join('<br/>');
      },
    },
    legend: { data: [l.observed, l.expected, l.band, l.alarm], top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 40 },
    xAxis: { type: 'category', data: days, boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1, min: 0 },
    dataZoom: [{ type: 'inside' }],
    series: [
      { name: 'band-lower', type: 'line', data: lower, stack: 'band', symbol: 'none', silent: true, lineStyle: { opacity: 0 }, tooltip: { show: false } },
      { name: l.band, type: 'line', data: width, stack: 'band', symbol: 'none', silent: true, lineStyle: { opacity: 0 }, itemStyle: { color: '#91caff' },
        areaStyle: { color: 'rgba(22,119,255,0.18)' } },
      { name: 'band-upper', type: 'line', data: upper, symbol: 'none', silent: true, lineStyle: { width: 1, color: 'rgba(22,119,255,0.45)' }, tooltip: { show: false } },
      { name: l.expected, type: 'line', data: pts.map((p) => p.expected), symbol: 'none', lineStyle: { type: 'dashed', width: 1.5, color: '#595959' }, itemStyle: { color: '#595959' } },
      { name: l.observed, type: 'line', data: pts.map((p) => p.observed), symbol: 'none', itemStyle: { color: '#1f1f1f' }, lineStyle: { width: 1.5, color: '#1f1f1f' }, z: 4,
        markArea: { silent: true, itemStyle: { color: 'rgba(255,77,79,0.08)' }, data: [[{ xAxis: alertDays[0] }, { xAxis: alertDays[1] }]] } },
      { name: l.alarm, type: 'scatter', data: pts.map((p) => (p.alarms.length > 0 ? p.observed : null)), symbol: 'circle', symbolSize: 8,
        itemStyle: { color: '#f5222d', borderColor: '#fff', borderWidth: 1 }, z: 5 },
    ],
  };
}
