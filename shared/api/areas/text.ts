import { z } from 'zod';
import { FilterSchema } from '../../model/filter';
import { Empty, JobStarted, arrow, json } from '../define';

const Top = z.number().int().min(1).max(500);
const Unit = z.enum(['week', 'month']);
const Term = z.object({ term: z.string(), count: z.number().int(), score: z.number() });
const KeyTerm = Term.extend({ refCount: z.number().int(), logRatio: z.number() });
const Word = z.string().trim().min(1).max(30).regex(/^\S+$/u, 'one word, no spaces');

export const TextStatusSchema = z.object({
  records: z.number().int(), indexed: z.number().int(), vocabulary: z.number().int(), stale: z.boolean(),
  ftsBytes: z.number(), termBytes: z.number(),
});

export const RepeatClusterSchema = z.object({
  id: z.number().int(), size: z.number().int(), inFilter: z.number().int(), firstAt: z.number(), lastAt: z.number(),
  byCaller: z.boolean(), byText: z.boolean(), title: z.string().nullable(), content: z.string().nullable(), street: z.string().nullable(),
});

export const ModelMetricsSchema = z.object({
  id: z.number().int(), level: z.number().int(), createdAt: z.number(), accuracy: z.number(), macroF1: z.number(),
  trained: z.number().int(), tested: z.number().int(), classes: z.number().int(),
  perClass: z.array(z.object({ categoryId: z.number().int(), name: z.string().nullable(), precision: z.number(), recall: z.number(), f1: z.number(), support: z.number() })),
});

export const SuggestionSchema = z.object({
  recordId: z.number().int(), externalId: z.string(), title: z.string().nullable(), content: z.string().nullable(), current: z.string().nullable(),
  categoryId: z.number().int(), category: z.string(), parent: z.string().nullable(), confidence: z.number(), status: z.string(),
});

export const TopicSchema = z.object({
  id: z.number().int(), name: z.string(), terms: z.array(z.string()), size: z.number().int(),
  examples: z.array(z.object({ id: z.number().int(), title: z.string().nullable(), content: z.string().nullable() })),
});

export const textMethods = {
  /** Index state: records, indexed records, vocabulary size, whether a re-index is needed, index sizes. */
  'text.status': json(Empty, TextStatusSchema),
  /** Rebuilds the whole text index (after dictionary changes or for projects from older versions). */
  'text.reindex': json(Empty, JobStarted, true),
  /** Keywords of the filtered records: TF-IDF against the project's corpus, or TextRank on a sample. */
  'text.keywords': json(z.object({ filter: FilterSchema, top: Top.default(50), method: z.enum(['tfidf', 'textrank']).default('tfidf') }).strict(),
    z.object({ docs: z.number().int(), terms: z.array(Term) })),
  /** Distinctive terms of the target selection against a reference (null: everything else), by log-likelihood. */
  'text.compare': json(z.object({ target: FilterSchema, reference: FilterSchema.nullable(), top: Top.default(30) }).strict(),
    z.object({ targetDocs: z.number().int(), refDocs: z.number().int(), terms: z.array(KeyTerm) })),
  /** Topic flow: top terms counted per week or month. */
  'text.flow': json(z.object({ filter: FilterSchema, unit: Unit.default('month'), top: z.number().int().min(1).max(30).default(10) }).strict(), z.object({
    unit: Unit, buckets: z.array(z.object({ start: z.number(), label: z.string(), docs: z.number().int() })),
    series: z.array(z.object({ term: z.string(), counts: z.array(z.number().int()) })),
  })),
  /** Emerging terms: rising fastest in the last `recent` weeks/months against the `baseline` before, with first-seen dates. */
  'text.emerging': json(z.object({ filter: FilterSchema, unit: Unit.default('week'), recent: z.number().int().min(1).max(52).default(4), baseline: z.number().int().min(1).max(104).default(12), top: Top.default(20) }).strict(), z.object({
    unit: Unit, recentFrom: z.number().nullable(), baselineFrom: z.number().nullable(), until: z.number().nullable(),
    terms: z.array(KeyTerm.extend({ firstSeen: z.number() })),
  })),
  /** Matching records with texts (columns id, externalId, receivedAt, title, content, address, district, status, cat1, cat2); highlight and mask in the UI. */
  'text.search': arrow(z.object({ filter: FilterSchema, offset: z.number().int().min(0), limit: z.number().int().min(1).max(500) }).strict()),
  /** The analyst's dictionary and stopword changes, with the defaults. */
  'text.words': json(Empty, z.object({ dict: z.array(z.string()), stopAdded: z.array(z.string()), stopRemoved: z.array(z.string()), defaultStopwords: z.array(z.string()), lexicon: z.array(z.string()), places: z.number().int() })),
  /** Replaces one word list; dictionary changes mark the index for re-indexing. */
  'text.setWords': json(z.object({ kind: z.enum(['dict', 'stop', 'unstop']), words: z.array(Word).max(20_000) }).strict(), z.object({ words: z.number().int(), stale: z.boolean() }), true),
  /** Segments a sample text with the current dictionary (lexicon, place names, the analyst's words): the effect of a change, before re-indexing. */
  'text.segment': json(z.object({ text: z.string().max(2000) }).strict(), z.object({ tokens: z.array(z.string()) })),
  /** Personal information found in each import batch. */
  'text.pii': json(Empty, z.array(z.object({ batchId: z.number().int(), fileName: z.string(), kind: z.string(), records: z.number().int(), hits: z.number().int() }))),
  /** Starts repeat detection: same caller or near-identical text on the same street within N days. */
  'text.findRepeats': json(z.object({ windowDays: z.number().int().min(1).max(365).default(30), maxDistance: z.number().int().min(0).max(10).default(3), byCaller: z.boolean().default(true) }).strict(), JobStarted, true),
  'text.repeats': json(z.object({ filter: FilterSchema, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(20) }).strict(),
    z.object({ total: z.number().int(), computed: z.string().nullable(), clusters: z.array(RepeatClusterSchema) })),
  /** One cluster's requests in time order with their handling (department, status, closing, satisfaction, reply). */
  'text.repeatCluster': json(z.object({ id: z.number().int() }).strict(), z.array(z.object({
    id: z.number().int(), externalId: z.string(), receivedAt: z.number(), closedAt: z.number().nullable(), title: z.string().nullable(), content: z.string().nullable(),
    address: z.string().nullable(), district: z.string().nullable(), street: z.string().nullable(), department: z.string().nullable(), status: z.string().nullable(),
    satisfaction: z.number().nullable(), reply: z.string().nullable(),
  }))),
  /** Trains the category suggester (level 1 or 2) and suggests categories for unlabelled / catch-all records. */
  'text.train': json(z.object({ level: z.union([z.literal(1), z.literal(2)]).default(1), maxTrain: z.number().int().min(50).max(200_000).default(30_000) }).strict(), JobStarted, true),
  'text.model': json(Empty, ModelMetricsSchema.nullable()),
  'text.suggestions': json(z.object({ status: z.enum(['pending', 'accepted', 'rejected']).default('pending'), minConfidence: z.number().min(0).max(1).default(0), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    z.object({ total: z.number().int(), rows: z.array(SuggestionSchema) })),
  /** Accepts or rejects suggestions: the listed records, or every pending one at or above a confidence. */
  'text.decide': json(z.object({ decision: z.enum(['accept', 'reject']), recordIds: z.array(z.number().int()).max(100_000).optional(), minConfidence: z.number().min(0).max(1).optional() }).strict()
    .refine((v) => v.recordIds !== undefined || v.minConfidence !== undefined, { message: 'recordIds or minConfidence is required' }), JobStarted, true),
  /** Groups a sample of the filtered texts into k topics (NMF on TF-IDF). */
  'text.groupTopics': json(z.object({ filter: FilterSchema, k: z.number().int().min(2).max(20).default(8), sample: z.number().int().min(100).max(20_000).default(4000) }).strict(), JobStarted, true),
  'text.topics': json(Empty, z.array(TopicSchema)),
  'text.renameTopic': json(z.object({ id: z.number().int(), name: z.string().trim().min(1).max(60) }).strict(), z.object({ ok: z.boolean() }), true),
  'text.mergeTopics': json(z.object({ ids: z.array(z.number().int()).min(2).max(20) }).strict(), z.object({ ok: z.boolean() }), true),
} as const;
