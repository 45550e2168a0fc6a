/** The data each section composer needs, gathered by the engine (no I/O in the composers). */
import type { ReportItem } from './spec';

export interface Ring2 { name: string; path: string[]; rings: [number, number][][] }

export interface OverviewData {
  total: number; previous: number | null; compareLabel: string | null;
  closed: number; medianCloseHours: number | null; onTimeRate: number | null; satisfactionRate: number | null;
  prevMedianCloseHours: number | null; prevOnTimeRate: number | null; prevSatisfactionRate: number | null;
  topCategory: { label: string; count: number } | null; topDistrict: { label: string; count: number } | null;
  sources: number;
}
export interface TrendData {
  granularity: 'day' | 'week' | 'month' | 'quarter';
  labels: string[]; counts: number[];
  /** The same bucket a year earlier (null where unknown). */
  previous: (number | null)[];
  bySource: { name: string; counts: number[] }[] | null;
}
export interface RankRow { label: string; count: number; share: number; previous: number | null; change: number | null }
export interface CategoriesData { level: 1 | 2 | 3; total: number; rows: RankRow[]; otherCount: number }
export interface PerfGroup { label: string; n: number; medianResponseHours: number | null; medianCloseHours: number | null; onTimeRate: number | null; satisfactionRate: number | null }
export interface PerformanceData { by: 'department' | 'district'; overall: PerfGroup; groups: PerfGroup[] }
export interface MapData {
  mode: 'heat' | 'choropleth' | 'hotspots'; level: 'district' | 'street' | 'community';
  /** Polygons of the level (outline for heat, classes for choropleth / hot spots). */
  areas: Ring2[];
  /** District outlines drawn over finer levels. */
  districts: Ring2[];
  /** Per area (same order as `areas`): count, and hot-spot class ('hot-99', 'cold-95', 'ns' …). */
  counts: number[]; classes: string[] | null;
  /** Heat cells: centre lon/lat and count over a regular grid of `cellDeg`. */
  cells: { lon: number; lat: number; count: number }[]; cellDeg: number;
  located: number; total: number;
}
export interface TextData {
  docs: number;
  keywords: { term: string; count: number; score: number }[];
  emerging: { term: string; count: number; refCount: number; logRatio: number }[];
  messages: { at: number; place: string; category: string; text: string }[];
}
export interface AlertsData {
  total: number;
  alerts: { id: number; firstDay: string; lastDay: string; area: string; category: string; observed: number; expected: number; severity: string; status: string; department: string | null }[];
  byStatus: Record<string, number>;
}
export interface EvaluationData {
  run: { id: number; scheme: string; objectKind: string; period: string; createdAt: number; resultHash: string; dataChanged: boolean } | null;
  rows: { rank: number | null; object: string; score: number | null; records: number; rankChange: number | null }[];
}
export interface ItemData { item: ReportItem | null }

export interface SectionDataMap {
  overview: OverviewData; trend: TrendData; categories: CategoriesData; performance: PerformanceData; map: MapData;
  text: TextData; alerts: AlertsData; evaluation: EvaluationData; item: ItemData; commentary: null; pagebreak: null;
}
export type SectionData = SectionDataMap[keyof SectionDataMap];
