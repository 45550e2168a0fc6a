import { z } from 'zod';
import { Empty, Path, json } from '../define';

/** The administrative gazetteer (GB/T 2260) of offline geocoding: the project's region and the user's own division list. */
const RegionGuessSchema = z.object({ code: z.string(), name: z.string(), share: z.number(), names: z.array(z.string()) });

export const GazetteerStateSchema = z.object({
  /** Region in use (province / city / county code) with its path (广东省 › 深圳市), and whether chosen or guessed. */
  region: z.string().nullable(), regionName: z.string().nullable(), regionSource: z.enum(['chosen', 'guessed']).nullable(),
  chosen: z.string().nullable(), guess: RegionGuessSchema.nullable(),
  /** Counties and townships geocoding recognises; rows of the shipped list. */
  recognisable: z.number().int(), shipped: z.number().int(),
  userList: z.object({ mode: z.enum(['extend', 'replace']), fileName: z.string(), importedAt: z.number(), count: z.number().int() }).nullable(),
});
export type GazetteerStateOut = z.infer<typeof GazetteerStateSchema>;

export const AdminDivisionSchema = z.object({ code: z.string(), name: z.string(), parent: z.string().nullable(), level: z.enum(['province', 'city', 'county', 'township']) });

const DivisionCode = z.string().min(1).max(40);

export const gazetteerMethods = {
  'gazetteer.get': json(Empty, GazetteerStateSchema),
  /** Provinces and prefecture cities of the gazetteer in use (the region choices). */
  'gazetteer.regions': json(Empty, z.array(AdminDivisionSchema)),
  /** Chooses the region (null: guess it from the records' district names) and/or drops the user's list. Takes effect at the next geocoding. */
  'gazetteer.set': json(z.object({ region: DivisionCode.nullable().optional(), clearUserList: z.boolean().optional() }).strict(), GazetteerStateSchema, true),
  /** Imports a user's division list (CSV code,name[,parent[,level]], UTF-8 or GBK) that extends or replaces the shipped one. */
  'gazetteer.importList': json(z.object({ path: Path, mode: z.enum(['extend', 'replace']) }).strict(), z.object({
    state: GazetteerStateSchema, imported: z.number().int(), rows: z.number().int(),
    problems: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  }), true),
} as const;
