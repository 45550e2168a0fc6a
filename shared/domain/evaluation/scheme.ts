/** The evaluation scheme: a tree of dimensions (groups) and indicators bound to library metrics. */
import { z } from 'zod';
import { METRIC_IDS, type MetricId } from './catalogue';
import type { Direction, MissingRule, Normalisation } from './normalise';

export const SCHEME_FORMAT = 'minsheng-evaluation-scheme';
export const OBJECT_KINDS = ['department', 'district', 'street', 'source'] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

export interface LocalText { zh: string; en: string }
export type WeightMethod = 'manual' | 'ahp' | 'entropy' | 'combined';
export interface Weighting {
  method: WeightMethod;
  /** AHP pairwise comparison matrix over the children, in their order. */
  matrix?: number[][];
  /** combined: share of the subjective weights (manual or AHP); the rest is entropy. */
  alpha?: number;
  subjective?: 'manual' | 'ahp';
}
export interface IndicatorParams { limitHours?: number; topN?: number; windowDays?: number }
export interface IndicatorNode {
  kind: 'indicator';
  id: string;
  name: LocalText;
  metric: MetricId;
  params: IndicatorParams;
  direction: Direction;
  normalisation: Normalisation;
  target?: number | null;
  missing: MissingRule;
  /** Manual weight (relative to its siblings). */
  weight: number;
}
export interface GroupNode {
  kind: 'group';
  id: string;
  name: LocalText;
  weight: number;
  weighting: Weighting;
  children: SchemeNode[];
}
export type SchemeNode = IndicatorNode | GroupNode;

export interface Scheme {
  format: typeof SCHEME_FORMAT;
  formatVersion: 1;
  /** Stable identity across versions (letters, digits, - and _). */
  key: string;
  /** Set by the project when saved; each save is a new version. */
  version: number;
  name: LocalText;
  description?: LocalText;
  aggregation: 'weightedSum' | 'topsis';
  /** Objects with fewer records in a period are listed but not scored. */
  minRecords: number;
  /** Instant closures and impossible durations set aside (and counted) in time metrics. */
  exclusions: { instantMinutes: number; maxDays: number };
  /** Default limits (hours) for the on-time metrics. */
  timeLimitHours: number;
  responseLimitHours: number;
  root: GroupNode;
}

const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');
const Text = z.object({ zh: z.string().min(1).max(200), en: z.string().max(200) }).strict();
const Weight = z.number().min(0).max(1000);

export const IndicatorSchema = z.object({
  kind: z.literal('indicator'),
  id: Id,
  name: Text,
  metric: z.enum(METRIC_IDS),
  params: z.object({
    limitHours: z.number().positive().max(8760).optional(),
    topN: z.number().int().min(1).max(50).optional(),
    windowDays: z.number().int().min(1).max(365).optional(),
  }).strict(),
  direction: z.enum(['higher', 'lower', 'nominal']),
  normalisation: z.enum(['minmax', 'zscore', 'target']),
  target: z.number().nullable().optional(),
  missing: z.enum(['exclude', 'worst', 'mean']),
  weight: Weight,
}).strict();

export const WeightingSchema = z.object({
  method: z.enum(['manual', 'ahp', 'entropy', 'combined']),
  matrix: z.array(z.array(z.number().positive().max(9))).max(30).optional(),
  alpha: z.number().min(0).max(1).optional(),
  subjective: z.enum(['manual', 'ahp']).optional(),
}).strict();

export const GroupSchema: z.ZodType<GroupNode> = z.object({
  kind: z.literal('group'),
  id: Id,
  name: Text,
  weight: Weight,
  weighting: WeightingSchema,
  get children(): z.ZodArray<z.ZodType<SchemeNode>> {
    return z.array(z.union([IndicatorSchema, GroupSchema])).min(1).max(60);
  },
}).strict();

export const SchemeSchema: z.ZodType<Scheme> = z.object({
  format: z.literal(SCHEME_FORMAT),
  formatVersion: z.literal(1),
  key: Id,
  version: z.number().int().min(0),
  name: Text,
  description: Text.optional(),
  aggregation: z.enum(['weightedSum', 'topsis']),
  minRecords: z.number().int().min(1).max(1_000_000),
  exclusions: z.object({ instantMinutes: z.number().min(0).max(1440), maxDays: z.number().positive().max(3650) }).strict(),
  timeLimitHours: z.number().positive().max(8760),
  responseLimitHours: z.number().positive().max(8760),
  root: GroupSchema,
}).strict();

/** Depth-first list of every node with its parent. */
export function walkScheme(root: GroupNode): { node: SchemeNode; parent: GroupNode | null; depth: number }[] {
  const out: { node: SchemeNode; parent: GroupNode | null; depth: number }[] = [];
  const visit = (node: SchemeNode, parent: GroupNode | null, depth: number) => {
    out.push({ node, parent, depth });
    if (node.kind === 'group') for (const c of node.children) visit(c, node, depth + 1);
  };
  visit(root, null, 0);
  return out;
}

export const indicatorsOf = (root: GroupNode): IndicatorNode[] =>
  walkScheme(root).map((w) => w.node).filter((n): n is IndicatorNode => n.kind === 'indicator');

export function findNode(root: GroupNode, id: string): SchemeNode | null {
  return walkScheme(root).find((w) => w.node.id === id)?.node ?? null;
}
