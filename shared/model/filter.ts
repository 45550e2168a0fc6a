import { z } from 'zod';

/** The global filter every view shares. Times are epoch milliseconds (UTC instants). */
export const FilterSchema = z.object({
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  sources: z.array(z.string().min(1)).max(200).optional(),
  categories: z.array(z.number().int()).max(2000).optional(),
  districts: z.array(z.string().min(1)).max(500).optional(),
  departments: z.array(z.string().min(1)).max(2000).optional(),
  statuses: z.array(z.string().min(1)).max(50).optional(),
  q: z.string().max(200).optional(),
}).strict();
export type Filter = z.infer<typeof FilterSchema>;

export const EMPTY_FILTER: Filter = {};

export function isFilterEmpty(f: Filter): boolean {
  return Object.values(f).every((v) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0));
}
