import { useEffect, useRef, type CSSProperties } from 'react';
import * as echarts from 'echarts';
import type { ECharts, EChartsOption } from 'echarts';
import { MINSHENG_THEME, THEME_NAME } from './theme';

echarts.registerTheme(THEME_NAME, MINSHENG_THEME);

export interface EChartClick {
  componentType: string;
  seriesName?: string;
  seriesIndex?: number;
  name: string;
  dataIndex: number;
  value: unknown;
  data: unknown;
}

export interface EChartProps {
  option: EChartsOption;
  style?: CSSProperties;
  /** Height in px when no style height is given. */
  height?: number;
  onClick?(e: EChartClick): void;
  /** Gives the parent the instance (for exports); called with null on unmount. */
  onReady?(chart: ECharts | null): void;
  loading?: boolean;
  testId?: string;
}

/** One ECharts instance bound to a div: themed, resized with its box, disposed on unmount. */
export function EChart({ option, style, height = 320, onClick, onReady, loading, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  useEffect(() => { clickRef.current = onClick; }, [onClick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const chart = echarts.init(el, THEME_NAME, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (p) => clickRef.current?.(p as unknown as EChartClick));
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    onReady?.(chart);
    return () => {
      ro.disconnect();
      onReady?.(null);
      chart.dispose();
      chartRef.current = null;
    };
    // the instance lives as long as the element; onReady is read once
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  useEffect(() => {
    const c = chartRef.current;
    if (!c) return;
    if (loading) c.showLoading('default', { text: '', color: '#c23531', maskColor: 'rgba(255,255,255,0.6)' });
    else c.hideLoading();
  }, [loading]);

  return <div ref={ref} data-testid={testId} data-loading={loading ? 1 : 0} style={{ width: '100%', height, ...style }} />;
}

/** PNG data URL of a chart at 2× pixel ratio on a white background. */
export function chartToPng(chart: ECharts): string {
  return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
}

/** The same chart rendered again as an SVG document (vector, for reports). */
export function chartToSvg(chart: ECharts): string {
  const opt = chart.getOption() as EChartsOption;
  const svgChart = echarts.init(null, THEME_NAME, { renderer: 'svg', ssr: true, width: chart.getWidth(), height: chart.getHeight() });
  try {
    svgChart.setOption({ ...opt, animation: false });
    return svgChart.renderToSVGString();
  } finally {
    svgChart.dispose();
  }
}
