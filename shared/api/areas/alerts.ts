import { z } from 'zod';
import { FilterSchema } from '../../model/filter';
import { JobStarted, arrow, json } from '../define';

export const ALERT_STATUSES = ['new', 'confirmed', 'false_alarm', 'assigned', 'in_progress', 'resolved', 'verified', 'recurred'] as const;
export const AlertStatusSchema = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof AlertStatusSchema>;

/** The workflow: which status may follow which (verified / recurred are set by the follow-up check). */
export const ALERT_TRANSITIONS: Record<AlertStatus, readonly AlertStatus[]> = {
  new: ['confirmed', 'false_alarm'],
  confirmed: ['assigned', 'false_alarm'],
  false_alarm: ['new'],
  assigned: ['assigned', 'in_progress'],
  in_progress: ['resolved'],
  resolved: ['verified', 'recurred'],
  verified: [],
  recurred: ['confirmed'],
};

export const DetectorSchema = z.enum(['regression', 'cusum', 'ears-c1', 'ears-c2', 'ears-c3', 'scan']);
export const AreaLevelSchema = z.enum(['city', 'district', 'street', 'community']);
export const SeverityLevelSchema = z.enum(['low', 'medium', 'high']);

export const AlertConfigSchema = z.object({
  pAlarm: z.number().min(1e-12).max(0.05),
  minCount: z.number().int().min(1).max(1000),
  minRatio: z.number().min(1).max(100),
  windowDays: z.number().int().min(1).max(14),
  trainingDays: z.number().int().min(28).max(730),
  detectors: z.array(DetectorSchema.exclude(['scan'])).min(1),
  levels: z.array(z.object({ category: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]), area: AreaLevelSchema, bySource: z.boolean().optional() }).strict()).min(1).max(12),
  /** Alerts below this severity score are kept but hidden from the inbox by default. */
  minScore: z.number().min(0).max(100),
  followUpDays: z.number().int().min(3).max(120),
  /** Run detection automatically after each import. */
  autoRun: z.boolean(),
  /** Emerging terms of the text analysis monitored as series by the same detectors (0 = off). */
  terms: z.number().int().min(0).max(100),
}).strict();
export type AlertConfig = z.infer<typeof AlertConfigSchema>;

export const AlertSchema = z.object({
  id: z.number().int(),
  seriesKey: z.string(),
  /** For an emerging-term alert: the word whose records surged. */
  term: z.string().nullable(),
  detectors: z.array(DetectorSchema),
  categoryLevel: z.number().int(),
  categoryId: z.number().int().nullable(),
  categoryName: z.string().nullable(),
  categoryPath: z.array(z.string()),
  areaLevel: AreaLevelSchema,
  area: z.array(z.string()),
  sourceCode: z.string().nullable(),
  firstDay: z.string(),
  lastDay: z.string(),
  observed: z.number(),
  expected: z.number(),
  pValue: z.number().nullable(),
  recurrenceDays: z.number().nullable(),
  score: z.number(),
  severity: SeverityLevelSchema,
  groupId: z.number().int().nullable(),
  groupSize: z.number().int(),
  status: AlertStatusSchema,
  department: z.string().nullable(),
  dueAt: z.number().nullable(),
  snoozedUntil: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const AlertEventSchema = z.object({
  at: z.number(), actor: z.string(), action: z.string(), fromStatus: AlertStatusSchema.nullable(), toStatus: AlertStatusSchema.nullable(),
  note: z.string().nullable(), department: z.string().nullable(), dueAt: z.number().nullable(),
});
export const AlertCommentSchema = z.object({ at: z.number(), actor: z.string(), text: z.string() });

export const AlertDetailSchema = z.object({
  alert: AlertSchema,
  events: z.array(AlertEventSchema),
  comments: z.array(AlertCommentSchema),
  group: z.array(AlertSchema),
  /** The global filter that selects the alert's records (category, area, source, days). */
  filter: FilterSchema,
  /** The areas the alert covers as paths [district, street?, community?]: a scan cluster's member areas, else its own area. */
  areas: z.array(z.array(z.string())),
  keywords: z.array(z.object({ term: z.string(), count: z.number().int(), score: z.number() })),
  followUp: z.object({ checkedAt: z.number(), outcome: z.enum(['verified', 'recurred', 'pending']), observed: z.number(), expected: z.number(), upper: z.number() }).nullable(),
  allowed: z.array(AlertStatusSchema),
});
export type AlertDetail = z.infer<typeof AlertDetailSchema>;

const Id = z.object({ id: z.number().int() }).strict();
const Actor = z.string().min(1).max(100).optional();

export const BacktestSchema = z.object({
  events: z.array(z.object({ eventId: z.number().int(), label: z.string(), startDay: z.number(), detected: z.boolean(), delayDays: z.number().nullable(), signals: z.number().int() })),
  signals: z.number().int(), truePositives: z.number().int(), falseAlarms: z.number().int(),
  seriesWeeks: z.number(), falseAlarmsPer100SeriesWeeks: z.number(), maxDelayDays: z.number().nullable(),
  series: z.number().int(), seconds: z.number(), byDetector: z.record(z.string(), z.number()),
});
export type BacktestResult = z.infer<typeof BacktestSchema>;

export const ScanParamsSchema = z.object({
  filter: FilterSchema.default({}),
  level: AreaLevelSchema.exclude(['city']).default('community'),
  days: z.number().int().min(1).max(60).default(14),
  studyDays: z.number().int().min(14).max(1100).default(365),
  replications: z.number().int().min(9).max(9999).default(999),
  maxNeighbours: z.number().int().min(0).max(200).default(15),
  maxRadiusKm: z.number().positive().max(100).default(3),
  seed: z.number().int().default(20050101),
  /** The analysis day (default: the last day with data). */
  endDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Clusters with a Monte Carlo p-value at or below this are stored as alerts (detector "scan"). */
  alertP: z.number().min(0.0001).max(0.5).default(0.05),
  storeAlerts: z.boolean().default(true),
}).strict();
export type ScanParams = z.input<typeof ScanParamsSchema>;

export const ScanClusterSchema = z.object({
  centre: z.string(), areas: z.array(z.string()), radiusKm: z.number(), days: z.number().int(), startDay: z.string(), endDay: z.string(),
  observed: z.number(), expected: z.number(), llr: z.number(), pValue: z.number(), gumbelP: z.number(), recurrenceDays: z.number(),
  /** The inbox alert this cluster was stored as (significant clusters only). */
  alertId: z.number().int().nullable().optional(),
});
export const ScanResultSchema = z.object({
  params: z.record(z.string(), z.unknown()), totalCases: z.number().int(), areas: z.number().int(), clusters: z.array(ScanClusterSchema), seconds: z.number(),
  timing: z.object({ countsSeconds: z.number(), monteCarloSeconds: z.number(), cylinders: z.number().int() }).optional(),
});
export type ScanResultOut = z.infer<typeof ScanResultSchema>;

export const HotspotParamsSchema = z.object({
  filter: FilterSchema.default({}),
  level: AreaLevelSchema.exclude(['city']).default('street'),
  method: z.enum(['gistar', 'lisa']).default('gistar'),
  weights: z.enum(['queen', 'rook', 'distance']).default('queen'),
  bandKm: z.number().positive().max(200).optional(),
  permutations: z.number().int().min(0).max(9999).default(999),
  fdr: z.number().min(0.001).max(0.5).default(0.05),
  /** Value per area: counts, or counts per area's share of all requests smoothed by empirical Bayes. */
  value: z.enum(['count', 'rate']).default('count'),
  seed: z.number().int().default(1),
}).strict();
export type HotspotParams = z.input<typeof HotspotParamsSchema>;

export const HotspotAreaSchema = z.object({
  name: z.string(), path: z.array(z.string()), value: z.number(), count: z.number(),
  z: z.number().nullable(), p: z.number(), q: z.number(), cls: z.string(), neighbours: z.number().int(),
});
export const HotspotResultSchema = z.object({
  params: z.record(z.string(), z.unknown()),
  global: z.object({ I: z.number(), expected: z.number(), z: z.number(), p: z.number(), pseudoP: z.number() }),
  areas: z.array(HotspotAreaSchema),
  seconds: z.number(),
});
export type HotspotResult = z.infer<typeof HotspotResultSchema>;

export const EmergingParamsSchema = z.object({
  filter: FilterSchema.default({}),
  level: AreaLevelSchema.exclude(['city']).default('street'),
  periodDays: z.number().int().min(1).max(92).default(7),
  periods: z.number().int().min(3).max(104).default(12),
  /** 0 (default): classes from the normal p-values of Gi* z with FDR, as ESRI's Emerging Hot Spot Analysis; otherwise permutation pseudo p. */
  permutations: z.number().int().min(0).max(999).default(0),
}).strict();
export const EmergingResultSchema = z.object({
  params: z.record(z.string(), z.unknown()),
  /** The periods, oldest first (inclusive day ranges). */
  periods: z.array(z.object({ from: z.string(), to: z.string() })),
  areas: z.array(z.object({
    name: z.string(), path: z.array(z.string()), label: z.string(), hotPeriods: z.number().int(), trendZ: z.number(), trendP: z.number(),
    /** Gi* class per period (hot / cold / ns) and its z. */
    classes: z.array(z.string()), z: z.array(z.number().nullable()),
  })),
});
export type EmergingResult = z.infer<typeof EmergingResultSchema>;

export const GeometrySchema = z.object({
  level: AreaLevelSchema,
  features: z.array(z.object({ name: z.string(), path: z.array(z.string()), rings: z.array(z.array(z.tuple([z.number(), z.number()]))) })),
});

export const alertMethods = {
  'alerts.list': json(z.object({
    statuses: z.array(AlertStatusSchema).optional(), since: z.number().optional(), includeSnoozed: z.boolean().optional(),
    includeLow: z.boolean().optional(), limit: z.number().int().min(1).max(2000).optional(),
  }).strict(), z.object({ alerts: z.array(AlertSchema), total: z.number().int(), lastRunAt: z.number().nullable() })),
  'alerts.get': json(Id, AlertDetailSchema),
  'alerts.series': arrow(z.object({ id: z.number().int(), days: z.number().int().min(14).max(730).optional() }).strict()),
  'alerts.transition': json(z.object({
    id: z.number().int(), to: AlertStatusSchema, note: z.string().max(2000).optional(), department: z.string().max(200).optional(),
    dueAt: z.number().optional(), actor: Actor,
  }).strict(), AlertDetailSchema, true),
  'alerts.comment': json(z.object({ id: z.number().int(), text: z.string().min(1).max(4000), actor: Actor }).strict(), AlertDetailSchema, true),
  'alerts.snooze': json(z.object({ id: z.number().int(), until: z.number().nullable(), actor: Actor }).strict(), AlertDetailSchema, true),
  'alerts.config': json(z.object({}).strict(), AlertConfigSchema),
  'alerts.defaultConfig': json(z.object({}).strict(), AlertConfigSchema),
  'alerts.setConfig': json(AlertConfigSchema.partial().strict(), AlertConfigSchema, true),
  'alerts.detect': json(z.object({ filter: FilterSchema.optional(), fromDay: z.string().optional(), toDay: z.string().optional() }).strict(), JobStarted, true),
  'alerts.backtest': json(z.object({}).strict(), JobStarted, true),
  'alerts.lastBacktest': json(z.object({}).strict(), BacktestSchema.nullable()),
  'alerts.scan': json(ScanParamsSchema, JobStarted, true),
  'alerts.lastScan': json(z.object({}).strict(), ScanResultSchema.nullable()),
  'hotspots.compute': json(HotspotParamsSchema, HotspotResultSchema),
  'hotspots.emerging': json(EmergingParamsSchema, EmergingResultSchema),
  'hotspots.geometry': json(z.object({ level: AreaLevelSchema.exclude(['city']) }).strict(), GeometrySchema),
} as const;
