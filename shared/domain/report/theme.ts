/** Minsheng's chart palette and font stack, shared by the renderer's ECharts theme and server-side report charts. */
export const CHART_FONT = '"Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export const PALETTE = [
  '#1f6fb2', '#e0823d', '#3a9d5d', '#c23b3b', '#7b5ea7', '#8c6d46', '#d86fb0', '#6b7b8c', '#b5a227', '#2aa4b8',
] as const;

/** Sequential classes (light → dark blue) for choropleths and heat cells. */
export const SEQUENTIAL = ['#f2f7fc', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c', '#08306b'] as const;
