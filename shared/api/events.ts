import { z } from 'zod';
import { JobInfoSchema } from '../model/project';
import { ProjectInfoSchema } from '../model/project';

/** Push events, engine → UI, over whichever transport is in use. */
export const eventSchemas = {
  'job.progress': z.object({
    jobId: z.string(), kind: z.string(), done: z.number(), total: z.number().nullable(),
    ratePerSecond: z.number().nullable(), etaSeconds: z.number().nullable(), message: z.string().nullable(),
  }),
  'job.done': z.object({ job: JobInfoSchema, result: z.unknown().optional(), error: z.object({ code: z.string(), message: z.string() }).optional() }),
  'project.changed': z.object({ project: ProjectInfoSchema.nullable() }),
  'menu.command': z.object({ command: z.string() }),
  'alert.raised': z.object({ alertId: z.string(), title: z.string(), severity: z.enum(['low', 'medium', 'high']) }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export interface ApiEvent<E extends EventName = EventName> { event: E; data: EventPayload<E> }
export const EVENT_NAMES = Object.keys(eventSchemas) as EventName[];
