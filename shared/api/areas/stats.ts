import { z } from 'zod';
import { FilterSchema } from '../../model/filter';
import { DIMENSIONS } from '../../domain/stats/dims';
import { GRANULARITIES } from '../../domain/stats/time';
import { arrow, json } from '../define';

export const DimensionSchema = z.enum(DIMENSIONS);
export const GranularitySchema = z.enum(GRANULARITIES);
export const CompareSchema = z.enum(['previous', 'yoy']);

/** Exclusion rules for durations and the time limits on-time rates are measured against. */
export const PerformanceRulesSchema = z.object({
  instantMinutes: z.number().min(0).max(1440).default(5),
  maxDays: z.number().min(1).max(3650).default(365),
  defaultLimitHours: z.number().positive().max(87_600).default(120),
  /** Category id (any level) → time limit in hours; the deepest category with a limit wins. */
  limitHours: z.record(z.string().regex(/^\d+$/), z.number().positive().max(87_600)).default({}),
}).strict();
export type PerformanceRules = z.infer<typeof PerformanceRulesSchema>;

const Period = z.object({ from: z.number(), to: z.number() }).nullable();

export const BreakdownRowSchema = z.object({
  key: z.string(), label: z.string(), count: z.number(), share: z.number(),
  previous: z.number().nullable(), delta: z.number().nullable(), change: z.number().nullable(),
});
export type BreakdownRow = z.infer<typeof BreakdownRowSchema>;

export const BreakdownSchema = z.object({
  by: DimensionSchema, total: z.number(), rows: z.array(BreakdownRowSchema),
  /** Groups beyond the limit, and their records. */
  otherGroups: z.number().int(), otherCount: z.number(),
  comparePeriod: Period,
});
export type Breakdown = z.infer<typeof BreakdownSchema>;

const Totals = z.object({ key: z.string(), label: z.string(), total: z.number(), previousTotal: z.number().nullable() });
export const PivotSchema = z.object({
  rowsBy: DimensionSchema, colsBy: DimensionSchema,
  rows: z.array(Totals), cols: z.array(Totals),
  counts: z.array(z.array(z.number())), previous: z.array(z.array(z.number())).nullable(),
  total: z.number(), otherRows: z.number().int(), otherCols: z.number().int(), comparePeriod: Period,
});
export type Pivot = z.infer<typeof PivotSchema>;

const Num = z.number().nullable();
export const DurationStatsSchema = z.object({
  n: z.number(), mean: Num, median: Num, p90: Num, min: Num, max: Num,
  excluded: z.object({ missing: z.number(), instant: z.number(), negative: z.number(), tooLong: z.number() }),
  histogram: z.object({ edges: z.array(z.number()), counts: z.array(z.number()), below: z.number(), above: z.number() }).nullable(),
});
export const PerformanceSummarySchema = z.object({
  n: z.number(),
  /** Hours. */
  response: DurationStatsSchema,
  close: DurationStatsSchema,
  onTime: z.object({ onTime: z.number(), late: z.number(), overdueOpen: z.number(), pending: z.number(), excluded: z.number(), rate: Num }),
  transfers: z.object({ total: z.number(), withTransfer: z.number(), mean: Num }),
  satisfaction: z.object({ rated: z.number(), satisfied: z.number(), rate: Num, mean: Num }),
  repeat: z.object({ count: z.number(), rate: Num }).nullable(),
});
export type PerformanceSummaryOut = z.infer<typeof PerformanceSummarySchema>;

export const PerformanceSchema = z.object({
  asOf: z.number(),
  rules: PerformanceRulesSchema,
  overall: PerformanceSummarySchema,
  by: DimensionSchema.nullable(),
  groups: z.array(PerformanceSummarySchema.extend({ key: z.string(), label: z.string() })),
});
export type PerformanceOut = z.infer<typeof PerformanceSchema>;

export const SourceComparisonSchema = z.array(z.object({
  code: z.string(), name: z.string(), count: z.number(), share: z.number(),
  mix: z.array(z.object({ key: z.string(), label: z.string(), share: z.number() })),
  responseMedianHours: Num, closeMedianHours: Num, onTimeRate: Num, satisfactionRate: Num, transfersMean: Num,
}));
export type SourceComparison = z.infer<typeof SourceComparisonSchema>;

export const CategoryTreeSchema = z.object({
  total: z.number(), uncategorised: z.number(),
  nodes: z.array(z.object({ id: z.number().int(), parentId: z.number().int().nullable(), level: z.number().int(), name: z.string(), count: z.number() })),
});
export type CategoryTreeOut = z.infer<typeof CategoryTreeSchema>;

const Cell = z.union([z.string().max(10_000), z.number(), z.null()]);
export const XlsxSheetSchema = z.object({
  name: z.string().min(1).max(31),
  columns: z.array(z.string().max(200)).max(500),
  rows: z.array(z.array(Cell).max(500)).max(100_000),
}).strict();

const WithFilter = { filter: FilterSchema };
const Rules = PerformanceRulesSchema.optional();

export const statsMethods = {
  /** Counts per time bucket with the previous bucket, the same bucket a year earlier and a moving average. Columns: start (epoch ms), label, count, previous, yearAgo, movingAverage. */
  'stats.series': arrow(z.object({ ...WithFilter, granularity: GranularitySchema, maWindow: z.number().int().min(1).max(366).optional() }).strict()),
  /** Hour-of-day × weekday counts: matrix[weekday 0 = Monday][hour]. */
  'stats.cycle': json(z.object(WithFilter).strict(), z.object({ matrix: z.array(z.array(z.number())), total: z.number() })),
  /** Counts by one dimension with shares and change against the previous period or the year before. */
  'stats.breakdown': json(z.object({ ...WithFilter, by: DimensionSchema, limit: z.number().int().min(1).max(5000).default(20), compare: CompareSchema.default('previous') }).strict(), BreakdownSchema),
  /** Counts of every category node (all three levels) under the filter. */
  'stats.categoryTree': json(z.object(WithFilter).strict(), CategoryTreeSchema),
  /** Cross-tab of two dimensions with totals and the comparison period. */
  'stats.pivot': json(z.object({
    ...WithFilter, rows: DimensionSchema, cols: DimensionSchema,
    maxRows: z.number().int().min(2).max(500).default(50), maxCols: z.number().int().min(2).max(200).default(40), compare: CompareSchema.default('previous'),
  }).strict(), PivotSchema),
  /** Response and closing times, on-time rate, transfers, repeats, satisfaction — overall and per group. */
  'stats.performance': json(z.object({ ...WithFilter, by: DimensionSchema.nullable().default(null), rules: Rules, limit: z.number().int().min(1).max(500).default(30), repeats: z.boolean().default(false) }).strict(), PerformanceSchema),
  /** Per bucket: received, closed, backlog and overdue at its end, median close hours, on-time and satisfaction rates. */
  'stats.backlog': arrow(z.object({ ...WithFilter, granularity: GranularitySchema, rules: Rules }).strict()),
  /** The hotlines side by side: volume, category mix, response, on-time and satisfaction. */
  'stats.sources': json(z.object({ ...WithFilter, rules: Rules }).strict(), SourceComparisonSchema),
  /** Builds an XLSX workbook from tables the dashboard shows; returns it base64-encoded. */
  'stats.xlsx': json(z.object({ sheets: z.array(XlsxSheetSchema).min(1).max(20) }).strict(), z.object({ base64: z.string(), bytes: z.number().int() })),
} as const;
