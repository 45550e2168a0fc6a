import { z } from 'zod';
import { FilterSchema } from '../../model/filter';
import { METRIC_IDS } from '../../domain/evaluation/catalogue';
import { OBJECT_KINDS, SchemeSchema } from '../../domain/evaluation/scheme';
import { JobStarted, arrow, json } from '../define';

const Text = z.object({ zh: z.string(), en: z.string() });
const Num = z.number().nullable();
const Counts = z.object({ ok: z.number().int(), flag: z.number().int(), excluded: z.number().int(), na: z.number().int() });
export const ObjectKindSchema = z.enum(OBJECT_KINDS);
export const RowRoleSchema = z.enum(['ok', 'flag', 'excluded', 'na']);
export const UnavailableReasonSchema = z.enum(['alertsMissing', 'noAlerts', 'populationMissing', 'noReplies', 'noData']);
export const PeriodLabelSchema = z.string().regex(/^(all|\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?)$/, 'period: 2019, 2019-H1, 2019-Q3, 2019-07 or all');

export const SchemeProblemSchema = z.object({
  severity: z.enum(['error', 'warning']), code: z.string(), nodeId: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: Text,
});

export const SchemeSummarySchema = z.object({
  id: z.number().int(), key: z.string(), version: z.number().int(), name: Text, createdAt: z.number(), versions: z.number().int(),
});

const GroupWeightsSchema = z.object({
  method: z.enum(['manual', 'ahp', 'entropy', 'combined']), childIds: z.array(z.string()), weights: z.array(z.number()),
  ahp: z.object({ lambdaMax: z.number(), ci: z.number(), cr: Num, consistent: z.boolean() }).optional(),
  entropy: z.array(z.number()).optional(), subjective: z.array(z.number()).optional(),
});

export const EvaluatedObjectSchema = z.object({
  key: z.string(),
  records: z.number().int(),
  eligible: z.boolean(),
  score: Num,
  rank: Num,
  rankChange: Num,
  /** Scores (0–100) of every node of the scheme. */
  scores: z.record(z.string(), Num),
  /** Raw indicator values (units of the metric). */
  raw: z.record(z.string(), Num),
  /** How the object's records were counted for each indicator. */
  counts: z.record(z.string(), Counts),
  stability: z.object({ minRank: Num, maxRank: Num, maxShift: z.number(), stability: z.number() }),
});
export type EvaluatedObject = z.infer<typeof EvaluatedObjectSchema>;

export const PeriodResultSchema = z.object({
  label: z.string(), from: Num, to: Num,
  objects: z.array(EvaluatedObjectSchema),
  weights: z.record(z.string(), GroupWeightsSchema),
  globalWeights: z.record(z.string(), z.number()),
  unavailable: z.array(z.object({ id: z.string(), reason: UnavailableReasonSchema })),
  scenarios: z.array(z.object({ groupId: z.string(), childId: z.string(), change: z.number(), changedObjects: z.number().int() })),
});
export type PeriodResult = z.infer<typeof PeriodResultSchema>;

export const ProvenanceSchema = z.object({
  batches: z.array(z.object({ id: z.number().int(), sourceCode: z.string(), fileName: z.string(), sha256: z.string().nullable(), records: z.number().int(), finishedAt: Num })),
  dataHash: z.string(),
  schemeHash: z.string(),
  /** The data's last receipt time: open requests are judged overdue against it. */
  asOf: z.number(),
});

export const RunResultSchema = z.object({
  id: z.number().int(),
  createdAt: z.number(),
  seconds: z.number(),
  schemeId: z.number().int(),
  scheme: SchemeSchema,
  objectKind: ObjectKindSchema,
  filter: FilterSchema,
  sensitivityPercent: z.number(),
  provenance: ProvenanceSchema,
  periods: z.array(PeriodResultSchema),
  resultHash: z.string(),
  sourceRunId: z.number().int().nullable(),
  /** Batches changed since the run: re-running would read different data. */
  dataChanged: z.boolean(),
});
export type RunResult = z.infer<typeof RunResultSchema>;

export const RunSummarySchema = z.object({
  id: z.number().int(), createdAt: z.number(), schemeId: z.number().int(), schemeKey: z.string(), schemeVersion: z.number().int(), schemeName: Text,
  objectKind: ObjectKindSchema, periods: z.array(z.string()), resultHash: z.string(), sourceRunId: z.number().int().nullable(),
});

export const RunInputSchema = z.object({
  schemeId: z.number().int(),
  objectKind: ObjectKindSchema,
  periods: z.array(PeriodLabelSchema).min(1).max(24),
  filter: FilterSchema,
  sensitivityPercent: z.number().min(1).max(90).default(10),
}).strict();

export const RunDoneSchema = z.object({ runId: z.number().int(), resultHash: z.string(), matchesSource: z.boolean().nullable() });

export const TimelineSchema = z.object({
  id: z.number().int(), externalId: z.string(), sourceCode: z.string(), title: z.string().nullable(), content: z.string().nullable(),
  reply: z.string().nullable(), address: z.string().nullable(), district: z.string().nullable(), street: z.string().nullable(),
  department: z.string().nullable(), category: z.string().nullable(), status: z.string().nullable(), transfers: z.number().int(),
  satisfaction: Num, satisfactionLabel: z.string().nullable(), batchId: z.number().int(),
  events: z.array(z.object({ kind: z.enum(['received', 'firstResponse', 'closed', 'open']), at: z.number(), hoursFromReceipt: z.number() })),
});

/** Columns of the `evaluation.evidenceRecords` Arrow stream. */
export const EVIDENCE_COLUMNS = [
  ['id', 'int32'], ['externalId', 'utf8'], ['receivedAt', 'float64'], ['firstResponseAt', 'float64'], ['closedAt', 'float64'],
  ['responseH', 'float64'], ['closeH', 'float64'], ['status', 'utf8'], ['transfers', 'int32'], ['satisfaction', 'float64'],
  ['district', 'utf8'], ['street', 'utf8'], ['department', 'utf8'], ['title', 'utf8'], ['role', 'utf8'],
] as const;

export const evaluationMethods = {
  'evaluation.listSchemes': json(z.object({}).strict(), z.array(SchemeSummarySchema)),
  /** One saved version (the latest of `key` when no id), or the built-in default when neither is given. */
  'evaluation.getScheme': json(z.object({ id: z.number().int().optional(), key: z.string().optional() }).strict(),
    z.object({ id: z.number().int().nullable(), scheme: SchemeSchema, problems: z.array(SchemeProblemSchema) })),
  'evaluation.validateScheme': json(z.object({ scheme: SchemeSchema }).strict(), z.array(SchemeProblemSchema)),
  /** Saves a new version (version = last + 1); refused when the scheme has errors (warnings are kept and returned). */
  'evaluation.saveScheme': json(z.object({ scheme: SchemeSchema }).strict(),
    z.object({ id: z.number().int(), key: z.string(), version: z.number().int(), problems: z.array(SchemeProblemSchema) }), true),
  'evaluation.deleteScheme': json(z.object({ key: z.string() }).strict(), z.object({ deleted: z.number().int() }), true),
  'evaluation.exportScheme': json(z.object({ id: z.number().int() }).strict(), z.object({ json: z.string(), fileName: z.string() })),
  'evaluation.importScheme': json(z.object({ json: z.string().max(5_000_000) }).strict(),
    z.object({ id: z.number().int(), key: z.string(), version: z.number().int(), problems: z.array(SchemeProblemSchema) }), true),
  /** Runs a saved scheme version as a job; the result is stored with its provenance. */
  'evaluation.run': json(RunInputSchema, JobStarted, true),
  /** Runs a stored run again with the same scheme version, filter and periods; the job's result says whether the hash matches. */
  'evaluation.rerun': json(z.object({ runId: z.number().int() }).strict(), JobStarted, true),
  'evaluation.listRuns': json(z.object({}).strict(), z.array(RunSummarySchema)),
  'evaluation.result': json(z.object({ runId: z.number().int() }).strict(), RunResultSchema),
  'evaluation.deleteRun': json(z.object({ runId: z.number().int() }).strict(), z.object({ deleted: z.boolean() }), true),
  /** The records behind one indicator of one object, with the role each played (EVIDENCE_COLUMNS). */
  'evaluation.evidenceRecords': arrow(z.object({
    runId: z.number().int(), period: z.string(), object: z.string(), indicatorId: z.string(),
    roles: z.array(RowRoleSchema).max(4).optional(),
    offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000),
  }).strict()),
  'evaluation.timeline': json(z.object({ recordId: z.number().int() }).strict(), TimelineSchema),
  /** The metric library, for the scheme editor. */
  'evaluation.metrics': json(z.object({}).strict(), z.array(z.object({
    id: z.enum(METRIC_IDS), unit: z.string(), direction: z.string(), params: z.array(z.string()), needs: z.array(z.string()),
    zh: z.string(), en: z.string(), defZh: z.string(), defEn: z.string(), available: z.boolean(),
  }))),
} as const;

export const RUN_DONE = RunDoneSchema;
