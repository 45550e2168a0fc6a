import { describe, expect, it } from 'vitest';
import { classOf, HOTSPOT_COLORS, labelPoint, niceKm, quantileBreaks, renderMapSvg } from '../../../../shared/domain/report/map-svg';
import { renderReportHtml } from '../../../../shared/domain/report/html';
import { numberBlocks, type ReportDocument } from '../../../../shared/domain/report/document';
import { reportStrings } from '../../../../shared/domain/report/strings';
import { SEQUENTIAL } from '../../../../shared/domain/report/theme';
import { allowPrintUrl, parsePrintRequest, pdfOptions } from '../../../../shared/domain/report/print-protocol';
import { fakeData } from './fixtures';

const zh = reportStrings('zh-CN');
const pathsOf = (svg: string) => [...svg.matchAll(/<path d="M([^"]+)Z" fill="([^"]+)"/g)].map((m) => ({ d: m[1], fill: m[2] }));
const xy = (d: string) => d.split(/[LM]/).filter(Boolean).map((p) => p.split(',').map(Number));

describe('map SVG', () => {
  it('projects equirectangular at the central latitude: a 1°×1° cell at 60°N is half as wide as tall', () => {
    const d = { ...fakeData().map, areas: [{ name: 'A', path: ['A'], rings: [[[10, 59.5], [11, 59.5], [11, 60.5], [10, 60.5], [10, 59.5]] as [number, number][]] }], counts: [5] };
    const pts = xy(pathsOf(renderMapSvg(d, zh, { width: 800, height: 600 }))[0].d);
    const w = Math.max(...pts.map((p) => p[0])) - Math.min(...pts.map((p) => p[0]));
    const h = Math.max(...pts.map((p) => p[1])) - Math.min(...pts.map((p) => p[1]));
    expect(w / h).toBeCloseTo(Math.cos((60 * Math.PI) / 180), 2);
    // north is up: the northern edge has the smaller y
    expect(pts[2][1]).toBeLessThan(pts[0][1]);
  });

  it('choropleth: the busier area gets the darker class; legend, scale bar, north arrow and Chinese labels are drawn', () => {
    const svg = renderMapSvg(fakeData().map, zh, { width: 640, height: 440 });
    const fills = pathsOf(svg).map((p) => p.fill);
    expect(SEQUENTIAL.indexOf(fills[0] as never)).toBeGreaterThan(SEQUENTIAL.indexOf(fills[1] as never));
    expect(svg).toContain('>玄湖区</text>');
    expect(svg).toContain('>图例</text>');
    expect(svg).toMatch(/>\d+ km<\/text>/);
    expect(svg).toContain('>北</text>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('hot spots: classes coloured hot / cold / not significant, counted in the legend', () => {
    const svg = renderMapSvg({ ...fakeData().map, mode: 'hotspots', classes: ['hot', 'ns'] }, zh, { width: 640, height: 440 });
    expect(pathsOf(svg).map((p) => p.fill).slice(0, 2)).toEqual([HOTSPOT_COLORS.hot, HOTSPOT_COLORS.ns]);
    expect(svg).toContain('热点 (1)');
    expect(svg).toContain('冷点 (0)');
  });

  it('heat: one rectangle per cell; names are escaped; no layer → a message, not an empty frame', () => {
    const cells = [{ lon: 118.72, lat: 32.02, count: 9 }, { lon: 118.82, lat: 32.05, count: 1 }];
    const svg = renderMapSvg({ ...fakeData().map, mode: 'heat', cells, cellDeg: 0.02, areas: [{ name: 'A&<B>', path: ['x'], rings: fakeData().map.areas[0].rings }] }, zh, { width: 640, height: 440 });
    expect(svg.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#[0-9a-f]+" fill-opacity/g)).toHaveLength(2);
    expect(svg).toContain('A&amp;&lt;B&gt;');
    const empty = renderMapSvg({ ...fakeData().map, areas: [], cells: [] }, zh, { width: 640, height: 440 });
    expect(empty).toContain(zh.noLayer);
  });

  it('class breaks, label points and scale lengths', () => {
    expect(quantileBreaks([0, 1, 2, 3, 4, 100], 5)).toEqual([1, 2, 3, 4, 100]);
    expect(classOf(0, [1, 2])).toBe(-1);
    expect(classOf(2, [1, 2])).toBe(1);
    expect(labelPoint([[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]])).toEqual([1, 1]);
    expect(niceKm(60)).toBe(10);
    expect(niceKm(7)).toBe(1);
  });
});

describe('report HTML', () => {
  const doc: ReportDocument = {
    title: '宁川市 <专报>', subtitle: null, organisation: '市政务服务中心', author: null, period: '2024年1月1日 — 2024年3月31日', locale: 'zh-CN',
    generatedAt: Date.UTC(2024, 3, 2), synthetic: true,
    blocks: numberBlocks([{ type: 'toc' }, { type: 'heading', level: 1, text: '总体情况' }, { type: 'paragraph', text: 'a < b' },
      { type: 'figure', caption: '走势', svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', width: 10, height: 10 },
      { type: 'table', caption: '类别', columns: ['名称', '件数'], rows: [['城乡建设', 1234]] }]),
  };

  it('is one standalone file: no http(s) or absolute src references, the font CSS inlined, captions numbered', () => {
    const html = renderReportHtml(doc, { fontCss: '@font-face{font-family:X;src:url(data:font/woff2;base64,AAAA)}', print: false });
    expect(html).not.toMatch(/(?:src|href)="(?:https?:|\/)/);
    expect(html).not.toMatch(/url\((?!data:)/);
    expect(html).toContain('@font-face{font-family:X');
    expect(html).toContain('图1&#8194;走势');
    expect(html).toContain('表1&#8194;类别');
    expect(html).toContain('宁川市 &lt;专报&gt;');
    expect(html).toContain('<td class="r n">1,234</td>');
    expect(html).toContain('href="#h1"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('合成数据');
  });

  it('the print version carries the pagination script and page-number slots in the TOC', () => {
    const html = renderReportHtml(doc, { fontCss: '', print: true });
    expect(html).toContain('<script>');
    expect(html).toContain('data-page-of="h1"');
    expect(html).toContain('size: A4');
  });
});

describe('Electron print protocol', () => {
  it('accepts well-formed requests, answers bad ones with an error and ignores other messages', () => {
    expect(parsePrintRequest({ type: 'result', id: 1 })).toBeNull();
    expect(parsePrintRequest({ type: 'report.print', id: 3, op: 'pdf', html: '<!DOCTYPE html><p>x', footerTemplate: 'f' })).toMatchObject({ op: 'pdf', id: 3 });
    expect(parsePrintRequest({ type: 'report.print', id: 3, op: 'pdf', html: 'not html' })).toEqual({ id: 3, error: expect.any(String) });
    expect(parsePrintRequest({ type: 'report.print', op: 'pdf' })).toEqual({ id: -1, error: expect.any(String) });
    expect(parsePrintRequest({ type: 'report.print', id: 4, op: 'png', items: [{ svg: '<svg/>', width: 10, height: 10 }], scale: 9 })).toMatchObject({ scale: 2 });
    expect(parsePrintRequest({ type: 'report.print', id: 4, op: 'png', items: [{ svg: '<svg/>', width: -1, height: 10 }] })).toEqual({ id: 4, error: 'bad raster items' });
    expect(parsePrintRequest({ type: 'report.print', id: 5, op: 'rm -rf' })).toEqual({ id: 5, error: expect.stringContaining('unknown') });
  });

  it('prints A4 from CSS with the footer and an outline; the print window loads nothing from the network', () => {
    expect(pdfOptions('<div>f</div>')).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, displayHeaderFooter: true, footerTemplate: '<div>f</div>', generateDocumentOutline: true });
    expect(allowPrintUrl('file:///tmp/r.html')).toBe(true);
    expect(allowPrintUrl('data:font/woff2;base64,AA')).toBe(true);
    expect(allowPrintUrl('https://example.com/x.js')).toBe(false);
    expect(allowPrintUrl('http://127.0.0.1/')).toBe(false);
  });
});

describe('map section table', () => {
  it('lists hot spots first, then cold spots, then the busiest areas', async () => {
    const { composeSection } = await import('../../../../shared/domain/report/compose');
    const { newSection } = await import('../../../../shared/domain/report/spec');
    const base = fakeData().map;
    const areas = ['甲', '乙', '丙'].map((n, i) => ({ name: n, path: [n], rings: [[[i, 0], [i + 1, 0], [i + 1, 1], [i, 1], [i, 0]] as [number, number][]] }));
    const d = { ...base, mode: 'hotspots' as const, areas, counts: [100, 5, 50], classes: ['ns', 'hot', 'cold'] };
    const blocks = composeSection({ ...newSection('map', 'm'), params: { mode: 'hotspots', level: 'street' } } as never, d, zh);
    const table = blocks.find((b) => b.type === 'table') as { rows: unknown[][] };
    expect(table.rows.map((r) => [r[1], r[3]])).toEqual([['乙', '热点'], ['丙', '冷点'], ['甲', '不显著']]);
  });
});
