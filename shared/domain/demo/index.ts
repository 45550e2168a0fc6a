/**
 * Deterministic generator of a SYNTHETIC city extract for demos and tests: an invented city over
 * Nanjing's extent, a 12345-style category tree, two years of hotline records with realistic
 * rhythm, and injected events with known ground truth. Same seed → same output. Pure TypeScript.
 */
export { planDemo, validateOptions, type DemoOptions, type DemoPlan } from './plan';
export { generateRecords, generateRecordBatches, REPEAT_SHARE, type DemoRecord } from './records';
export type { DemoEvent } from './events';
export { buildCity, findCommunity, samplePoint, CITY_EXTENT, type Area, type AreaLevel, type Community, type DemoCity, type District, type Road, type RoadClass, type Street } from './geography';
export { buildTaxonomy, categoryLabel, HOTLINE_SOURCES, type Category, type HotlineSource, type Leaf, type LineCode, type Season, type Taxonomy } from './taxonomy';
export { buildDepartments, HOTLINE_DEPARTMENT, type Department, type DepartmentKind, type DeptProfile } from './departments';
export { buildDays, HOLIDAYS, localDate, localHour, localMidnight, DAY_MS, PERIOD_END, PERIOD_START, TZ_OFFSET_MS, type DayInfo, type DayKind } from './calendar';
export { CONTENT_MAX, CONTENT_MIN, type Channel, type RequestType } from './texts';
export type { RecordStatus, SatisfactionLabel } from './lifecycle';
export { pointInRing, signedArea } from './geom';
export { Rng } from './rng';

/** Labels every consumer must show next to synthetic data. */
export const SYNTHETIC_LABEL = { 'zh-CN': '合成示例数据（非真实数据）', en: 'Synthetic demo data (not real)' } as const;
