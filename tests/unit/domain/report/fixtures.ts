/** Small hand-made section data for the report composer tests. */
import type { SectionDataMap } from '../../../../shared/domain/report/data';
import type { Provenance } from '../../../../shared/domain/report/provenance';

const square = (x: number, y: number, d: number): [number, number][] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];

export function fakeData(): { [K in keyof SectionDataMap]: SectionDataMap[K] } {
  return {
    overview: {
      total: 125, previous: 100, compareLabel: '较上期', closed: 120, medianCloseHours: 30, onTimeRate: 0.9, satisfactionRate: 0.8,
      prevMedianCloseHours: 40, prevOnTimeRate: 0.85, prevSatisfactionRate: 0.8, topCategory: { label: '城乡建设', count: 40 }, topDistrict: { label: '玄湖区', count: 50 }, sources: 2,
    },
    trend: { granularity: 'month', labels: ['2024-01', '2024-02', '2024-03'], counts: [30, 55, 40], previous: [null, 30, 55], bySource: null },
    categories: { level: 1, total: 125, otherCount: 5, rows: [
      { label: '城乡建设', count: 40, share: 0.32, previous: 30, change: 1 / 3 }, { label: '交通运输', count: 30, share: 0.24, previous: 30, change: 0 },
      { label: '<环境>', count: 20, share: 0.16, previous: null, change: null },
    ] },
    performance: { by: 'department', overall: { label: '', n: 125, medianResponseHours: 2, medianCloseHours: 30, onTimeRate: 0.9, satisfactionRate: 0.8 },
      groups: [{ label: '市住建局', n: 60, medianResponseHours: 1.5, medianCloseHours: 20, onTimeRate: 0.95, satisfactionRate: 0.85 }] },
    map: { mode: 'choropleth', level: 'district', areas: [
      { name: '玄湖区', path: ['玄湖区'], rings: [square(118.7, 32, 0.1)] }, { name: '钟山区', path: ['钟山区'], rings: [square(118.8, 32, 0.1)] },
    ], districts: [], counts: [80, 45], classes: null, cells: [], cellDeg: 0.01, located: 110, total: 125 },
    text: { docs: 125, keywords: [{ term: '噪音', count: 20, score: 3 }, { term: '停车', count: 15, score: 2 }], emerging: [{ term: '电梯', count: 9, refCount: 1, logRatio: Math.log(4) }],
      messages: [{ at: Date.UTC(2024, 1, 3), place: '玄湖区', category: '城乡建设', text: '楼下施工噪音，联系 138****5678' }] },
    alerts: { total: 0, alerts: [], byStatus: {} },
    evaluation: { run: null, rows: [] },
    item: { item: null },
    commentary: null,
    pagebreak: null,
  };
}

export const provenance = (over: Partial<Provenance> = {}): Provenance => ({
  appVersion: '0.9.0', schemaVersion: 9, project: 'demo.minsheng', synthetic: true,
  batches: [{ id: 1, source: '12345', fileName: '宁川市12345.csv', sha256: 'a'.repeat(64), rows: 125, importedAt: Date.UTC(2024, 3, 1) }],
  filter: { from: Date.UTC(2024, 0, 1) - 8 * 3_600_000, to: Date.UTC(2024, 3, 1) - 8 * 3_600_000, districts: ['玄湖区'] },
  compareTo: 'previous-period', sections: [{ id: 'overview', kind: 'overview', params: {} }], generatedAt: Date.UTC(2024, 3, 2),
  ...over,
});
