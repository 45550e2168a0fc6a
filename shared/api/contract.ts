import { z } from 'zod';
import { FilterSchema } from '../model/filter';
import { JobInfoSchema, ProjectInfoSchema, RecentProjectSchema } from '../model/project';

import { Empty, JobStarted, Path, arrow, json, type MethodDef } from './define';
import { importMethods } from './areas/import';
import { gazetteerMethods } from './areas/gazetteer';
import { reportMethods } from './areas/report';
import { packageMethods } from './areas/package';
import { textMethods } from './areas/text';
import { evaluationMethods } from './areas/evaluation';
import { alertMethods } from './areas/alerts';
import { statsMethods } from './areas/stats';
import { layersMethods } from './areas/layers';
import { mapMethods } from './areas/map';
import { auditMethods } from './areas/audit';
import { LocaleSchema, settingsMethods } from './areas/settings';
import { desktopMethods } from './areas/desktop';

export { ArrowBytesSchema, type MethodDef, type MethodKind } from './define';

export { LocaleSchema };

export const FacetsSchema = z.object({
  sources: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
  categories: z.array(z.object({ id: z.number().int(), parentId: z.number().int().nullable(), level: z.number().int(), name: z.string(), count: z.number().int() })),
  districts: z.array(z.object({ name: z.string(), count: z.number().int() })),
  departments: z.array(z.object({ name: z.string(), count: z.number().int() })),
  statuses: z.array(z.object({ name: z.string(), count: z.number().int() })),
  timeRange: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
  total: z.number().int(),
});
export type Facets = z.infer<typeof FacetsSchema>;

export const RecordSortSchema = z.object({
  field: z.enum(['receivedAt', 'closedAt', 'district', 'department', 'status', 'satisfaction']),
  dir: z.enum(['asc', 'desc']),
});

/**
 * The one contract: every method the renderer, the CLI and the tests can call.
 * Names are `area.verb`.
 */
export const contract = {
  'app.ping': json(Empty, z.object({ ok: z.literal(true), serverTime: z.number() })),
  'app.info': json(Empty, z.object({
    name: z.string(), version: z.string(), host: z.enum(['electron', 'browser', 'cli', 'test']),
    schemaVersion: z.number().int(), node: z.string(), sqlite: z.string(), dataDir: z.string(),
  })),
  ...settingsMethods,

  'project.current': json(Empty, ProjectInfoSchema.nullable()),
  'project.create': json(z.object({ path: Path }).strict(), ProjectInfoSchema, true),
  'project.open': json(z.object({ path: Path }).strict(), ProjectInfoSchema, true),
  'project.openDemo': json(z.object({ records: z.number().int().min(100).max(5_000_000).optional() }).strict(),
    z.object({ project: ProjectInfoSchema.nullable(), jobId: z.string().nullable() }), true),
  'project.close': json(Empty, z.object({ closed: z.boolean() })),
  'project.info': json(Empty, ProjectInfoSchema),
  'project.recent': json(Empty, z.array(RecentProjectSchema)),
  'project.forgetRecent': json(z.object({ path: Path }).strict(), z.array(RecentProjectSchema)),

  'jobs.list': json(Empty, z.array(JobInfoSchema)),
  'jobs.get': json(z.object({ jobId: z.string() }).strict(), JobInfoSchema),
  'jobs.cancel': json(z.object({ jobId: z.string() }).strict(), JobInfoSchema),

  'demo.generate': json(z.object({ records: z.number().int().min(100).max(5_000_000), seed: z.number().int().optional() }).strict(), JobStarted, true),

  'records.facets': json(z.object({ filter: FilterSchema }).strict(), FacetsSchema),
  'records.count': json(z.object({ filter: FilterSchema }).strict(), z.object({ count: z.number().int() })),
  'records.page': arrow(z.object({
    filter: FilterSchema,
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(5000),
    sort: RecordSortSchema.optional(),
  }).strict()),
  ...importMethods,
  ...gazetteerMethods,
  ...reportMethods,
  ...packageMethods,
  ...textMethods,
  ...evaluationMethods,
  ...alertMethods,
  ...statsMethods,
  ...layersMethods,
  ...mapMethods,
  ...auditMethods,
  ...desktopMethods,
} as const satisfies Record<string, MethodDef>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
