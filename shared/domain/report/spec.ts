/**
 * The report specification shared by the report builder UI and the engine: what a report contains
 * (sections in order, each with its parameters), templates, and the "add to report" basket items.
 * Pure zod schemas — no I/O. Changes to this file are additive only (the UI builds against it).
 */
import { z } from 'zod';
import { FilterSchema } from '../../model/filter';

export const REPORT_TEMPLATE_KINDS = ['brief', 'thematic', 'assessment', 'custom'] as const;
export const ReportTemplateKindSchema = z.enum(REPORT_TEMPLATE_KINDS);
export type ReportTemplateKind = z.infer<typeof ReportTemplateKindSchema>;

export const SECTION_KINDS = ['overview', 'trend', 'categories', 'performance', 'map', 'text', 'alerts', 'evaluation', 'commentary', 'item', 'pagebreak'] as const;
export const SectionKindSchema = z.enum(SECTION_KINDS);
export type SectionKind = z.infer<typeof SectionKindSchema>;

export const CompareToSchema = z.enum(['previous-period', 'previous-year', 'none']);
export type CompareTo = z.infer<typeof CompareToSchema>;

export const ReportGranularitySchema = z.enum(['auto', 'day', 'week', 'month', 'quarter']);
export const MapModeSchema = z.enum(['heat', 'choropleth', 'hotspots']);
export const MapLevelSchema = z.enum(['district', 'street', 'community']);
export const TextShowSchema = z.enum(['keywords', 'cloud', 'emerging', 'messages']);

/** Parameters per section kind. Every field has a default so `{}` is valid params for every kind but commentary/item. */
export const SectionParamSchemas = {
  overview: z.object({}).strict(),
  trend: z.object({
    granularity: ReportGranularitySchema.default('auto'),
    /** Split the line by hotline source (up to 6 lines) instead of one total line. */
    bySource: z.boolean().default(false),
  }).strict(),
  categories: z.object({
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
    topN: z.number().int().min(3).max(30).default(10),
  }).strict(),
  performance: z.object({
    by: z.enum(['department', 'district']).default('department'),
    topN: z.number().int().min(3).max(50).default(15),
  }).strict(),
  map: z.object({
    mode: MapModeSchema.default('choropleth'),
    /** Polygon level for choropleth / hot-spot classes and the outline drawn under heat cells. */
    level: MapLevelSchema.default('district'),
  }).strict(),
  text: z.object({
    show: z.array(TextShowSchema).min(1).max(4).default(['keywords', 'emerging', 'messages']),
    /** Number of keywords / emerging terms / messages shown. */
    n: z.number().int().min(1).max(50).default(10),
  }).strict(),
  alerts: z.object({
    /** open = new/confirmed/assigned/in_progress; handled = resolved/verified/false_alarm/recurred. */
    which: z.enum(['all', 'open', 'handled']).default('all'),
    limit: z.number().int().min(1).max(200).default(20),
  }).strict(),
  evaluation: z.object({
    runId: z.union([z.number().int(), z.literal('latest')]).default('latest'),
    topN: z.number().int().min(3).max(100).default(20),
  }).strict(),
  commentary: z.object({
    /** Plain text; blank lines separate paragraphs. */
    text: z.string().max(20_000).default(''),
  }).strict(),
  item: z.object({ itemId: z.string().min(1).max(64) }).strict(),
  pagebreak: z.object({}).strict(),
} as const satisfies Record<SectionKind, z.ZodType>;

const sectionBase = {
  id: z.string().min(1).max(64),
  /** Overrides the default title (e.g. 总体情况). */
  title: z.string().max(200).optional(),
  /** Overrides the default caption of the section's figure/table. */
  caption: z.string().max(500).optional(),
};
const sec = <K extends SectionKind>(kind: K) =>
  z.object({ ...sectionBase, kind: z.literal(kind), params: SectionParamSchemas[kind] }).strict();

export const SectionSchema = z.discriminatedUnion('kind', [
  sec('overview'), sec('trend'), sec('categories'), sec('performance'), sec('map'), sec('text'),
  sec('alerts'), sec('evaluation'), sec('commentary'), sec('item'), sec('pagebreak'),
]);
export type Section = z.infer<typeof SectionSchema>;
export type SectionInput = z.input<typeof SectionSchema>;
export type SectionOf<K extends SectionKind> = Extract<Section, { kind: K }>;
export type SectionParams<K extends SectionKind> = SectionOf<K>['params'];

export const ReportSpecSchema = z.object({
  title: z.string().trim().min(1).max(200),
  subtitle: z.string().max(300).optional(),
  organisation: z.string().max(200).optional(),
  author: z.string().max(100).optional(),
  template: ReportTemplateKindSchema,
  /** The global filter; the report period is its from/to (missing → the whole data range). */
  filter: FilterSchema,
  compareTo: CompareToSchema.default('previous-period'),
  sections: z.array(SectionSchema).min(1).max(60),
  /** Output language of generated texts (titles, captions, appendix). */
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
}).strict();
export type ReportSpec = z.infer<typeof ReportSpecSchema>;
export type ReportSpecInput = z.input<typeof ReportSpecSchema>;

/** A template: a spec without a filter. */
export const TemplateSpecSchema = ReportSpecSchema.omit({ filter: true, template: true });
export type TemplateSpec = z.infer<typeof TemplateSpecSchema>;

export const ReportTemplateSchema = z.object({
  /** 'brief' | 'thematic' | 'assessment' for built-ins; any other id for user templates. */
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(100),
  kind: ReportTemplateKindSchema,
  spec: TemplateSpecSchema,
  builtin: z.boolean(),
  /** True when a built-in was edited and saved in the project (reset restores the shipped version). */
  modified: z.boolean().default(false),
  updatedAt: z.number(),
}).strict();
export type ReportTemplate = z.infer<typeof ReportTemplateSchema>;
export type ReportTemplateInput = z.input<typeof ReportTemplateSchema>;

export const ReportItemKindSchema = z.enum(['chart', 'map', 'table']);
export const ReportTableSchema = z.object({
  columns: z.array(z.string().max(200)).min(1).max(50),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))).max(5000),
}).strict();
export type ReportTable = z.infer<typeof ReportTableSchema>;

const PngDataUrl = z.string().max(20_000_000).regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'a PNG data URL');

/** A saved "add to report" snapshot (chart, map or table from any screen). */
export const ReportItemSchema = z.object({
  id: z.string(),
  title: z.string().trim().min(1).max(200),
  kind: ReportItemKindSchema,
  /** Screen the item came from (e.g. 'trends', 'map'). */
  source: z.string().max(60),
  png: PngDataUrl,
  svg: z.string().max(20_000_000).optional(),
  table: ReportTableSchema.optional(),
  filter: FilterSchema,
  createdAt: z.number(),
}).strict();
export type ReportItem = z.infer<typeof ReportItemSchema>;

export const AddReportItemSchema = ReportItemSchema.omit({ id: true, createdAt: true });
export type AddReportItem = z.infer<typeof AddReportItemSchema>;

/** The basket listing: no bodies, a small thumbnail instead. */
export const ReportItemSummarySchema = ReportItemSchema.omit({ png: true, svg: true, table: true }).extend({
  /** A PNG data URL at most ~240 px wide when the engine could make one; else the full png is not sent. */
  thumbnail: z.string().nullable(),
  pngBytes: z.number().int(),
  hasSvg: z.boolean(),
  tableRows: z.number().int().nullable(),
});
export type ReportItemSummary = z.infer<typeof ReportItemSummarySchema>;

export const REPORT_FORMATS = ['pdf', 'docx', 'html', 'xlsx'] as const;
export const ReportFormatSchema = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

export const RenderedFileSchema = z.object({
  format: ReportFormatSchema, path: z.string(), bytes: z.number().int(), sha256: z.string(),
});
export type RenderedFile = z.infer<typeof RenderedFileSchema>;

/** Result of the report.render job. */
export const RenderResultSchema = z.object({
  files: z.array(RenderedFileSchema),
  reportHash: z.string(),
  /** PDF page count when a PDF was written. */
  pages: z.number().int().nullable(),
  warnings: z.array(z.string()),
});
export type RenderResult = z.infer<typeof RenderResultSchema>;

/** Result of the report.preview job. */
export const PreviewResultSchema = z.object({ html: z.string(), reportHash: z.string(), warnings: z.array(z.string()) });
export type PreviewResult = z.infer<typeof PreviewResultSchema>;

export const RenderHistorySchema = z.object({
  id: z.number().int(), at: z.number(), title: z.string(), template: z.string(),
  formats: z.array(ReportFormatSchema), files: z.array(RenderedFileSchema), reportHash: z.string(),
  actor: z.string().nullable(),
});
export type RenderHistory = z.infer<typeof RenderHistorySchema>;

export const PrinterStatusSchema = z.object({
  pdf: z.boolean(), how: z.enum(['electron', 'chromium', 'none']), message: z.string(),
});
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;

/** A new section of a kind with default params (ids from the caller: pure). */
export function newSection(kind: SectionKind, id: string): Section {
  const params = kind === 'item' ? { itemId: '-' } : {};
  return SectionSchema.parse({ id, kind, params });
}
