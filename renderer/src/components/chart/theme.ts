import { CHART_FONT, PALETTE } from '../../../../shared/domain/report/theme';
/** Minsheng's chart theme: a restrained palette readable in print, Chinese-capable font stack. */
export const THEME_NAME = 'minsheng';

export { CHART_FONT, PALETTE };

export const MINSHENG_THEME = {
  color: PALETTE,
  backgroundColor: 'transparent',
  textStyle: { fontFamily: CHART_FONT, color: '#333' },
  title: { textStyle: { fontSize: 14, fontWeight: 600, color: '#222' }, subtextStyle: { color: '#777' } },
  legend: { textStyle: { color: '#444' } },
  tooltip: { confine: true },
  categoryAxis: { axisLine: { lineStyle: { color: '#aaa' } }, axisTick: { lineStyle: { color: '#aaa' } }, axisLabel: { color: '#555' } },
  valueAxis: { splitLine: { lineStyle: { color: '#eee' } }, axisLabel: { color: '#555' } },
  timeAxis: { axisLine: { lineStyle: { color: '#aaa' } }, splitLine: { show: false }, axisLabel: { color: '#555' } },
  visualMap: { inRange: { color: ['#f2f7fc', '#9ecae1', '#3182bd', '#08306b'] } },
} as const;
