import { z } from 'zod';

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);
const LonLatSchema = z.tuple([Lon, Lat]);

/** An ad-hoc area drawn on the map (WGS-84); see shared/domain/geo/area.ts for its exact tests. */
export const FilterAreaSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bbox'), bbox: z.tuple([Lon, Lat, Lon, Lat]) }).strict()
    .refine((a) => a.bbox[0] <= a.bbox[2] && a.bbox[1] <= a.bbox[3], { message: 'bbox must be [minLon, minLat, maxLon, maxLat]' }),
  z.object({ type: z.literal('polygon'), ring: z.array(LonLatSchema).min(3).max(5000) }).strict(),
  z.object({ type: z.literal('circle'), center: LonLatSchema, radiusM: z.number().positive().max(500_000) }).strict(),
]);
export type FilterAreaInput = z.infer<typeof FilterAreaSchema>;

const names = (max: number) => z.array(z.string().min(1)).max(max).optional();

/** The global filter every view shares. Times are epoch milliseconds (UTC instants). */
export const FilterSchema = z.object({
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  sources: names(200),
  categories: z.array(z.number().int()).max(2000).optional(),
  districts: names(500),
  streets: names(2000),
  communities: names(5000),
  departments: names(2000),
  statuses: names(50),
  requestTypes: names(20),
  channels: names(20),
  /** Only records located inside this area (records without coordinates drop out). */
  area: FilterAreaSchema.optional(),
  q: z.string().max(200).optional(),
}).strict();
export type Filter = z.infer<typeof FilterSchema>;

export const EMPTY_FILTER: Filter = {};

export function isFilterEmpty(f: Filter): boolean {
  return Object.values(f).every((v) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0));
}
