import { z } from 'zod';
import { Empty, json } from '../define';

export const AuditEntrySchema = z.object({
  id: z.number().int(), at: z.number(), actor: z.string(), action: z.string(),
  /** The entry's details as the JSON text that was hashed. */
  detail: z.string(),
  hash: z.string(), prevHash: z.string(),
});
export type AuditEntryOut = z.infer<typeof AuditEntrySchema>;

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** Id of the first entry that fails, or null when the whole chain holds. */
  brokenAt: z.number().int().nullable(),
  /** 'link': the entry does not follow the one before it (an entry deleted or inserted); 'content': the entry was edited. */
  reason: z.enum(['link', 'content']).nullable(),
  /** The last entry that still verifies before the break. */
  afterId: z.number().int().nullable(),
  lastHash: z.string().nullable().optional(),
  checkedAt: z.number(),
});

export const auditMethods = {
  /** Entries of the project's audit trail, newest first unless `order: 'asc'`, filtered by action, time and text. */
  'audit.list': json(z.object({
    actions: z.array(z.string().min(1).max(80)).max(100).optional(),
    from: z.number().int().optional(), to: z.number().int().optional(),
    q: z.string().max(200).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    order: z.enum(['asc', 'desc']).default('desc'),
  }).strict(), z.object({ total: z.number().int(), entries: z.array(AuditEntrySchema) })),
  /** The distinct actions in the trail with their counts (for the filter). */
  'audit.actions': json(Empty, z.array(z.object({ action: z.string(), count: z.number().int() }))),
  /** Recomputes the hash chain from the first entry and reports the first broken link. */
  'audit.verify': json(Empty, AuditVerificationSchema),
} as const;
