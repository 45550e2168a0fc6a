import { z } from 'zod';

export const PROJECT_EXTENSION = '.minsheng';

export const TableCountSchema = z.object({ table: z.string(), rows: z.number().int().nonnegative() });

export const ProjectInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  fileSizeBytes: z.number().int().nonnegative(),
  synthetic: z.boolean(),
  createdAt: z.string(),
  counts: z.array(TableCountSchema),
  /** Derived data (full-text index, alert detection) still being brought up to date after a large import. */
  derivedPending: z.boolean().optional(),
});
export type ProjectInfo = z.infer<typeof ProjectInfoSchema>;

export const RecentProjectSchema = z.object({ path: z.string(), name: z.string(), openedAt: z.string(), exists: z.boolean() });
export type RecentProject = z.infer<typeof RecentProjectSchema>;

export const JobStatusSchema = z.enum(['running', 'succeeded', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const JobInfoSchema = z.object({
  jobId: z.string(),
  kind: z.string(),
  status: JobStatusSchema,
  done: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  message: z.string().nullable(),
});
export type JobInfo = z.infer<typeof JobInfoSchema>;
