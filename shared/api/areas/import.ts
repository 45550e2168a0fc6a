import { z } from 'zod';
import { STANDARD_FIELDS } from '../../domain/ingest/types';
import { Empty, JobStarted, Path, arrow, json } from '../define';

export const SourceFormatSchema = z.enum(['csv', 'xlsx', 'json', 'jsonl']);
export const TextEncodingSchema = z.enum(['utf8', 'gb18030', 'utf16le', 'utf16be']);

export const ReadOptionsSchema = z.object({
  format: SourceFormatSchema,
  encoding: TextEncodingSchema.optional(),
  delimiter: z.enum([',', '\t', '|', ';']).optional(),
  quote: z.enum(['"', "'", '']).optional(),
  sheet: z.string().max(200).optional(),
  headerRow: z.number().int().min(1).max(1000).optional(),
}).strict();
export type ReadOptionsInput = z.infer<typeof ReadOptionsSchema>;

export const CrsSchema = z.enum(['wgs84', 'gcj02', 'bd09']);
export const StatusSchema = z.enum(['open', 'in_progress', 'closed', 'returned', 'other']);

export const ColumnMappingSchema = z.object({
  column: z.number().int().min(0).max(5000),
  header: z.string().max(500),
  field: z.enum(STANDARD_FIELDS),
  dateFormat: z.string().max(60).optional(),
}).strict();

export const MappingSpecSchema = z.object({
  columns: z.array(ColumnMappingSchema).max(200)
    .refine((cols) => new Set(cols.map((c) => c.field)).size === cols.length, { message: 'each standard field may be mapped once' }),
  timezone: z.string().min(1).max(64).default('Asia/Shanghai'),
  crs: CrsSchema.default('wgs84'),
  satisfactionLabels: z.record(z.string(), z.number().min(0).max(1)).optional(),
  statusLabels: z.record(z.string(), StatusSchema).optional(),
  keepPhone: z.boolean().optional(),
}).strict();
export type MappingSpecInput = z.infer<typeof MappingSpecSchema>;

export const SourceCodeSchema = z.string().min(1).max(64).regex(/^[\p{L}\p{N}_.-]+$/u, 'letters, digits, _ . - only');

export const SniffedSchema = z.object({
  format: SourceFormatSchema,
  encoding: TextEncodingSchema.nullable(),
  encodingConfidence: z.number(),
  delimiter: z.string().nullable(),
  quote: z.string().nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  fileSize: z.number(),
});

export const TemplateSchema = z.object({
  id: z.number().int(),
  sourceCode: z.string(),
  name: z.string(),
  headerSignature: z.string(),
  readOptions: ReadOptionsSchema.partial(),
  mapping: MappingSpecSchema,
  updatedAt: z.number(),
});
export type Template = z.infer<typeof TemplateSchema>;

export const ImportResultSchema = z.object({
  batchId: z.number().int(),
  rowsRead: z.number().int(),
  blankRows: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  seconds: z.number(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const BatchSchema = z.object({
  id: z.number().int(), sourceCode: z.string(), sourceName: z.string().nullable(), fileName: z.string(), sha256: z.string().nullable(),
  fileSize: z.number().nullable(), status: z.string(),
  rowsRead: z.number().int(), blankRows: z.number().int(), imported: z.number().int(), updated: z.number().int(),
  duplicates: z.number().int(), rejected: z.number().int(), records: z.number().int(),
  startedAt: z.number(), finishedAt: z.number().nullable(), removedAt: z.number().nullable(), seconds: z.number().nullable(), synthetic: z.boolean(),
});
export type Batch = z.infer<typeof BatchSchema>;

export const QualityReportSchema = z.object({
  /** Rows accepted and rows rejected, by reason. */
  rows: z.number().int(),
  rejected: z.number().int(),
  rejections: z.record(z.string(), z.number().int()),
  /** Counts of each quality flag (closed_before_received, instant_closure, coords_swapped, unknown_category…). */
  flags: z.record(z.string(), z.number().int()),
  /** Empty values per mapped field. */
  missing: z.record(z.string(), z.number().int()),
  locations: z.record(z.string(), z.number().int()),
  receivedAt: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
  placeholderPoints: z.array(z.object({ lon: z.number(), lat: z.number(), count: z.number().int() })),
});
export type QualityReportOut = z.infer<typeof QualityReportSchema>;

const BatchId = z.object({ batchId: z.number().int().positive() }).strict();

export const importMethods = {
  /** Sniffs a file: format, encoding (with confidence), delimiter, sheets, headers; suggests a mapping or finds a saved template. */
  'import.preview': json(z.object({ path: Path, options: ReadOptionsSchema.partial().optional() }).strict(), z.object({
    path: z.string(), fileName: z.string(), sniffed: SniffedSchema,
    suggestions: z.array(z.object({ column: z.number().int(), header: z.string(), field: z.enum(STANDARD_FIELDS), score: z.number() })),
    template: TemplateSchema.nullable(),
  })),
  /** The first rows as text, one Utf8 column per source column (c0, c1, …) plus rowNumber. */
  'import.previewRows': arrow(z.object({ path: Path, options: ReadOptionsSchema.partial().optional(), limit: z.number().int().min(1).max(200).optional() }).strict()),
  /** The distinct values of one source column with their counts (most frequent first), scanning up to `maxRows` data rows. */
  'import.distinctValues': json(z.object({
    path: Path, options: ReadOptionsSchema.partial().optional(), column: z.number().int().min(0).max(5000),
    maxRows: z.number().int().min(1).max(1_000_000).optional(), top: z.number().int().min(1).max(1000).optional(),
  }).strict(), z.object({
    values: z.array(z.object({ value: z.string(), count: z.number().int() })),
    rowsScanned: z.number().int(), blank: z.number().int(), distinct: z.number().int(), complete: z.boolean(),
  })),
  'import.start': json(z.object({
    path: Path, sourceCode: SourceCodeSchema, sourceName: z.string().max(100).optional(),
    options: ReadOptionsSchema, mapping: MappingSpecSchema,
    onDuplicate: z.enum(['skip', 'update']).default('skip'),
    saveTemplate: z.object({ name: z.string().min(1).max(100) }).optional(),
  }).strict(), JobStarted, true),
  'import.batches': json(Empty, z.array(BatchSchema)),
  'import.batch': json(BatchId, z.object({
    batch: BatchSchema, mapping: z.unknown(), readOptions: z.unknown(), quality: QualityReportSchema.nullable(),
    rejectReasons: z.array(z.object({ code: z.string(), count: z.number().int(), message: z.string() })),
  })),
  /** Rejected rows: rowNumber, reasonCode, reason (in the user's language), raw. */
  'import.rejected': arrow(z.object({ batchId: z.number().int().positive(), reason: z.string().max(40).optional(), offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000) }).strict()),
  'import.exportRejected': json(z.object({ batchId: z.number().int().positive(), reason: z.string().max(40).optional(), path: Path }).strict(), z.object({ path: z.string(), rows: z.number().int() }), true),
  'import.removeBatch': json(BatchId, JobStarted, true),

  'sources.list': json(Empty, z.array(z.object({ code: z.string(), name: z.string(), kind: z.string(), records: z.number().int() }))),

  'templates.list': json(z.object({ sourceCode: z.string().optional() }).strict(), z.array(TemplateSchema)),
  'templates.save': json(z.object({ sourceCode: SourceCodeSchema, name: z.string().min(1).max(100), headers: z.array(z.string()), readOptions: ReadOptionsSchema.partial(), mapping: MappingSpecSchema }).strict(), TemplateSchema, true),
  'templates.delete': json(z.object({ id: z.number().int() }).strict(), z.object({ deleted: z.boolean() }), true),
  'templates.export': json(z.object({ ids: z.array(z.number().int()).optional() }).strict(), z.object({ json: z.string() })),
  'templates.import': json(z.object({ json: z.string().max(5_000_000) }).strict(), z.object({ imported: z.number().int() }), true),

  'taxonomy.tree': json(Empty, z.array(z.object({ id: z.number().int(), parentId: z.number().int().nullable(), level: z.number().int(), code: z.string(), name: z.string(), records: z.number().int() }))),
  /** Imports a unified tree from CSV/XLSX with level columns (一级分类/二级分类/三级分类 or Level 1/2/3), merging by path. */
  'taxonomy.import': json(z.object({ path: Path, options: ReadOptionsSchema.partial().optional() }).strict(), JobStarted, true),
  /** Builds tree nodes for every unmapped source label (levels split), maps them and re-standardises. */
  'taxonomy.fromData': json(z.object({ sourceCode: z.string().optional() }).strict(), JobStarted, true),

  'crosswalk.list': json(z.object({ sourceCode: z.string() }).strict(), z.array(z.object({
    label: z.string(), records: z.number().int(), categoryId: z.number().int().nullable(), method: z.string().nullable(),
    suggestions: z.array(z.object({ id: z.number().int(), score: z.number(), method: z.string() })),
  }))),
  'crosswalk.set': json(z.object({ sourceCode: z.string(), entries: z.array(z.object({ label: z.string(), categoryId: z.number().int().nullable() })).max(100_000) }).strict(), z.object({ updated: z.number().int() }), true),
  /** Re-applies the crosswalk to existing records (no re-import). */
  'crosswalk.apply': json(z.object({ sourceCode: z.string().optional() }).strict(), JobStarted, true),
} as const;
