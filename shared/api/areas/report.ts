/**
 * The report builder: templates, the "add to report" basket, preview and rendering to PDF/DOCX/HTML/XLSX.
 * Schemas live in shared/domain/report/spec.ts (shared with the UI); this file names the methods.
 */
import { z } from 'zod';
import {
  AddReportItemSchema, PrinterStatusSchema, RenderHistorySchema, ReportFormatSchema, ReportItemSchema,
  ReportItemSummarySchema, ReportSpecSchema, ReportTemplateSchema,
} from '../../domain/report/spec';
import { Empty, JobStarted, Path, json } from '../define';

const Id = z.object({ id: z.string().min(1).max(64) }).strict();

export const reportMethods = {
  /** Built-ins (the project's edited version when there is one) followed by user templates. */
  'report.templates': json(Empty, z.array(ReportTemplateSchema)),
  /** Create or replace (by id); saving a built-in id stores the project's version of it. */
  'report.saveTemplate': json(z.object({ template: ReportTemplateSchema.omit({ builtin: true, modified: true, updatedAt: true }) }).strict(), ReportTemplateSchema, true),
  'report.deleteTemplate': json(Id, z.object({ deleted: z.boolean() }), true),
  /** Restores a built-in to the shipped version. */
  'report.resetTemplate': json(Id, ReportTemplateSchema, true),

  'report.items': json(Empty, z.array(ReportItemSummarySchema)),
  'report.item': json(Id, ReportItemSchema),
  'report.addItem': json(AddReportItemSchema, z.object({ id: z.string() }), true),
  'report.removeItem': json(Id, z.object({ removed: z.boolean() }), true),

  /** Job; result PreviewResult { html, reportHash, warnings } (standalone HTML for an iframe srcdoc). */
  'report.preview': json(z.object({ spec: ReportSpecSchema }).strict(), JobStarted),
  /** Job; result RenderResult { files, reportHash, pages, warnings }. Files are `<outDir>/<baseName>.<ext>`. */
  'report.render': json(z.object({
    spec: ReportSpecSchema,
    formats: z.array(ReportFormatSchema).min(1).max(4),
    outDir: Path,
    baseName: z.string().trim().min(1).max(120).regex(/^[^/\\:*?"<>|]+$/, 'a file name without path characters'),
    overwrite: z.boolean().default(true),
  }).strict(), JobStarted, true),
  'report.history': json(z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(), z.array(RenderHistorySchema)),
  'report.printerStatus': json(Empty, PrinterStatusSchema),
} as const;
