/** Minsheng's chart theme: a restrained palette readable in print, Chinese-capable font stack. */
export const THEME_NAME = 'minsheng';

export const CHART_FONT = '"Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export const PALETTE = [
  '#1f6fb2', '#e0823d', '#3a9d5d', '#c23b3b', '#7b5ea7', '#8c6d46', '#d86fb0', '#6b7b8c', '#b5a227', '#2aa4b8',
];

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
