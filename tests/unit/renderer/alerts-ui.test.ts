import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { rowsToArrowIPC } from '../../../electron/engine/services/arrow';
import { classColor, projectShapes, scanMapAreas } from '../../../renderer/src/features/alerts/choropleth';
import { evidenceText, fmtP, seriesLabel } from '../../../renderer/src/features/alerts/format';
import { decodeSeries, seriesOption } from '../../../renderer/src/features/alerts/series';

import type { Alert } from '../../../shared/api/areas/alerts';

const t = ((k: string, o?: Record<string, unknown>) => (o ? `${k}:${JSON.stringify(o)}` : k)) as unknown as TFunction;

describe('alerts screen: SVG choropleth projection', () => {
  const square = (x0: number, y0: number, s: number): [number, number][] => [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]];

  it('fits all shapes inside the box, north up, one path per shape', () => {
    const paths = projectShapes([{ key: 'a', rings: [square(118, 32, 0.1)] }, { key: 'b', rings: [square(118.1, 32.1, 0.1)] }], 200, 100, 4);
    expect(paths.map((p) => p.key)).toEqual(['a', 'b']);
    const pts = paths.flatMap((p) => [...p.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]));
    for (const [x, y] of pts) {
      expect(x).toBeGreaterThanOrEqual(3.9); expect(x).toBeLessThanOrEqual(196.1);
      expect(y).toBeGreaterThanOrEqual(3.9); expect(y).toBeLessThanOrEqual(96.1);
    }
    // b lies north-east of a: further right and higher up (smaller y) on screen.
    const first = (d: string) => d.slice(1).split('L')[0].split(',').map(Number);
    const [ax, ay] = first(paths[0].d);
    const [bx, by] = first(paths[1].d);
    expect(bx).toBeGreaterThan(ax);
    expect(by).toBeLessThan(ay);
  });

  it('keeps the aspect ratio (a square stays square) and skips degenerate rings', () => {
    const [p] = projectShapes([{ key: 'sq', rings: [square(0, 0, 1), [[5, 5], [6, 6]]] }], 300, 100, 0);
    expect(p.d.match(/M/g)).toHaveLength(1);
    const xs = [...p.d.matchAll(/([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const w = Math.max(...xs.map((q) => q[0])) - Math.min(...xs.map((q) => q[0]));
    const h = Math.max(...xs.map((q) => q[1])) - Math.min(...xs.map((q) => q[1]));
    expect(w / h).toBeCloseTo(1, 2);
    expect(projectShapes([], 10, 10)).toEqual([]);
  });

  it('colours hot and cold spots differently and unknown classes as not significant', () => {
    expect(classColor('hot')).not.toBe(classColor('cold'));
    expect(classColor('HH')).not.toBe(classColor('ns'));
    expect(classColor('whatever')).toBe(classColor('ns'));
    expect(classColor(undefined)).toBe(classColor('ns'));
  });
});

describe('alerts screen: series decoding and chart option', () => {
  const bytes = rowsToArrowIPC([
    { day: '2024-07-01', observed: 2, expected: 1.5, lower: 0, upper: 4, p: 0.3, alarms: '' },
    { day: '2024-07-02', observed: 9, expected: 1.5, lower: 0.5, upper: 4.5, p: 1e-6, alarms: 'regression,cusum' },
    { day: '2024-07-03', observed: 1, expected: null, lower: null, upper: null, p: null, alarms: '' },
  ], [['day', 'utf8'], ['observed', 'float64'], ['expected', 'float64'], ['lower', 'float64'], ['upper', 'float64'], ['p', 'float64'], ['alarms', 'utf8']]);

  it('decodes the Arrow rows of alerts.series', () => {
    const pts = decodeSeries(bytes);
    expect(pts.map((p) => p.day)).toEqual(['2024-07-01', '2024-07-02', '2024-07-03']);
    expect(pts[1]).toMatchObject({ observed: 9, expected: 1.5, lower: 0.5, upper: 4.5, alarms: ['regression', 'cusum'] });
    expect(pts[2]).toMatchObject({ expected: null, upper: null, alarms: [] });
    expect(decodeSeries(new Uint8Array())).toEqual([]);
  });

  it('fills the band between its lower and upper edges (width stacked on the lower edge) and marks only alarm days', () => {
    const opt = seriesOption(decodeSeries(bytes), ['2024-07-02', '2024-07-02'], { observed: 'o', expected: 'e', band: 'b', alarm: 'a' });
    const series = opt.series as { name: string; data: (number | null)[]; stack?: string; areaStyle?: unknown }[];
    const by = (n: string) => series.find((s) => s.name === n)!;
    expect(by('e').data).toEqual([1.5, 1.5, null]);
    expect(by('band-lower').data).toEqual([0, 0.5, null]);
    expect(by('b').data).toEqual([4, 4, null]);
    expect(by('b').stack).toBe(by('band-lower').stack);
    expect(by('b').areaStyle).toBeDefined();
    expect(by('band-lower').areaStyle).toBeUndefined();
    expect(by('a').data).toEqual([null, 9, null]);
  });
});

describe('alerts screen: scan clusters on the map', () => {
  const cluster = (centre: string, areas: string[], pValue: number) => ({
    centre, areas, radiusKm: 1, days: 3, startDay: '2024-09-06', endDay: '2024-09-08', observed: 20, expected: 4, llr: 12, pValue, gumbelP: pValue, recurrenceDays: 1 / pValue, alertId: null,
  });
  it('draws the most likely significant cluster, the other significant ones and the rest in three classes, each area once', () => {
    const r = { params: {}, totalCases: 100, areas: 5, seconds: 1, clusters: [cluster('a/b/c1', ['a/b/c1', 'a/b/c2'], 0.001), cluster('a/d/c3', ['a/d/c3', 'a/b/c2'], 0.01), cluster('a/d/c4', ['a/d/c4'], 0.3)] };
    const m = new Map(scanMapAreas(r, 0.05).map((a) => [a.path.join('/'), a.cls]));
    expect(Object.fromEntries(m)).toEqual({ 'a/b/c1': 'primary', 'a/b/c2': 'primary', 'a/d/c3': 'secondary', 'a/d/c4': 'nsig' });
    expect(scanMapAreas(r, 0.0001).every((a) => a.cls === 'nsig')).toBe(true);
    expect(scanMapAreas(null, 0.05)).toEqual([]);
  });
});

describe('alerts screen: labels', () => {
  const alert = {
    categoryPath: ['生态环境', '大气污染'], area: ['长干区', '桂岭街道'], sourceCode: null, pValue: 2e-9, recurrenceDays: 5e9,
  } as unknown as Alert;

  it('names the series by category path and area path, or the whole city', () => {
    expect(seriesLabel(alert, t)).toBe('生态环境 / 大气污染 · 长干区 桂岭街道');
    expect(seriesLabel({ ...alert, categoryPath: [], area: [], sourceCode: '12345' }, t)).toBe('alerts.allCategories · alerts.wholeCity (12345)');
  });

  it('shows the p-value, and the recurrence interval only when it adds something', () => {
    expect(evidenceText(alert, t)).toBe('p = 2.0e-9');
    expect(evidenceText({ ...alert, recurrenceDays: 817 }, t)).toContain('"days":"817"');
    expect(evidenceText({ ...alert, pValue: null, recurrenceDays: 5e9 }, t)).toContain('alerts.recurrence');
    expect(evidenceText({ ...alert, pValue: null, recurrenceDays: null }, t)).toBe('—');
    expect(fmtP(0.0123)).toBe('0.012');
    expect(fmtP(null)).toBe('—');
  });
});
