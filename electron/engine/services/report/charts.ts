/**
 * Charts rendered server-side: ECharts' SSR mode (no DOM) writes each figure's option object to an
 * SVG string with the app's palette and the Chinese font stack. Vector output for HTML and PDF.
 */
import * as echarts from 'echarts';
import type { ChartSpec, ReportDocument } from '../../../../shared/domain/report/document';
import { CHART_FONT, PALETTE } from '../../../../shared/domain/report/theme';

export function chartToSvg(c: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: c.width, height: c.height });
  try {
    chart.setOption({ color: [...PALETTE], backgroundColor: '#ffffff', textStyle: { fontFamily: CHART_FONT }, ...c.option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The document with every chart figure's SVG filled in. */
export function renderCharts(doc: ReportDocument): ReportDocument {
  return { ...doc, blocks: doc.blocks.map((b) => (b.type === 'figure' && b.chart && !b.svg ? { ...b, svg: chartToSvg(b.chart) } : b)) };
}
