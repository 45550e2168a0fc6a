import { z } from 'zod';
import { FilterSchema } from '../../model/filter';
import { Empty, JobStarted, Path, arrow, json } from '../define';

export const LayerKindSchema = z.enum(['district', 'street', 'community', 'road', 'poi', 'custom']);
export type LayerKindName = z.infer<typeof LayerKindSchema>;
export const GeoRoleSchema = z.enum(['district', 'street', 'community', 'road']);
export type GeoRoleName = z.infer<typeof GeoRoleSchema>;

const Field = z.string().min(1).max(200);

/** How to read a layer file: the table of a GeoPackage / zip, the DBF encoding, the CSV geometry columns. */
export const LayerReadOptionsSchema = z.object({
  table: z.string().max(200).optional(),
  encoding: z.string().max(40).optional(),
  wktColumn: Field.optional(),
  lonColumn: Field.optional(),
  latColumn: Field.optional(),
}).strict();

export const FieldSummarySchema = z.object({ name: z.string(), numeric: z.boolean(), distinct: z.number().int(), filled: z.number().int(), sample: z.array(z.string()) });
const CrsRef = z.object({ code: z.string(), label: z.string() });

export const LayerPreviewSchema = z.object({
  path: z.string(), fileName: z.string(), format: z.string(), features: z.number().int(),
  geometryTypes: z.record(z.string(), z.number().int()), fields: z.array(FieldSummarySchema),
  suggestions: z.object({ nameField: z.string().nullable(), codeField: z.string().nullable(), populationField: z.string().nullable(), householdsField: z.string().nullable() }),
  crs: CrsRef.nullable(), crsSource: z.string(), unreadableCrs: z.string().nullable(), assumedWgs84: z.boolean(), projectedWithoutCrs: z.boolean(),
  encoding: z.string().nullable(), tables: z.array(z.string()), table: z.string().nullable(),
  crsChoices: z.array(CrsRef),
});

export const GeometryProblemSchema = z.object({ code: z.string(), severity: z.string(), detail: z.string().optional() });

export const LayerSummarySchema = z.object({
  id: z.number().int(), name: z.string(), kind: z.string(), geometryType: z.string(), source: z.string(), fileName: z.string().nullable(), format: z.string().nullable(),
  crsOriginal: z.string(), crsLabel: z.string().nullable(), synthetic: z.boolean(), createdAt: z.number(),
  nameField: z.string().nullable(), codeField: z.string().nullable(), populationField: z.string().nullable(), householdsField: z.string().nullable(),
  features: z.number().int(), problemFeatures: z.number().int(), skipped: z.number().int(),
  role: GeoRoleSchema.nullable(),
});
export type LayerSummary = z.infer<typeof LayerSummarySchema>;

const Disagreement = z.object({ total: z.number().int(), compared: z.number().int(), top: z.array(z.object({ text: z.string(), place: z.string(), count: z.number().int() })) });
const RoleCounts = z.object({ district: z.number().int(), street: z.number().int(), community: z.number().int(), road: z.number().int() });

export const OverlayResultSchema = z.object({
  records: z.number().int(), assigned: RoleCounts, unmatched: z.number().int(), thresholdM: z.number(), seconds: z.number(),
  roles: z.object({ district: z.number().int().nullable(), street: z.number().int().nullable(), community: z.number().int().nullable(), road: z.number().int().nullable() }),
  disagreements: z.object({ district: Disagreement, street: Disagreement, community: Disagreement }).optional(),
  at: z.number().optional(),
});

export const GeocodeResultSchema = z.object({
  candidates: z.number().int(), matched: z.number().int(), matchRate: z.number().nullable(), byMethod: z.record(z.string(), z.number().int()),
  holdout: z.object({ sampled: z.number().int(), matched: z.number().int(), matchRate: z.number().nullable(), medianM: z.number().nullable(), p90M: z.number().nullable() }),
  places: z.number().int(), seconds: z.number(), at: z.number().optional(),
  /** The administrative gazetteer's part (absent in results of older versions). */
  gazetteer: z.object({
    region: z.string().nullable(), regionName: z.string().nullable(), regionSource: z.enum(['chosen', 'guessed']).nullable(),
    recognisable: z.number().int(), recognised: z.number().int(), filled: z.number().int(),
  }).optional(),
});
export type GeocodeResultOut = z.infer<typeof GeocodeResultSchema>;

export const GeoStateSchema = z.object({
  layers: z.array(LayerSummarySchema),
  roles: z.object({ district: z.number().int().nullable(), street: z.number().int().nullable(), community: z.number().int().nullable(), road: z.number().int().nullable() }),
  roadThresholdM: z.number(), autoGeocode: z.boolean(),
  assigned: z.object({ located: z.number().int(), byRole: RoleCounts, unmatched: z.number().int(), geocoded: z.number().int() }),
  overlay: OverlayResultSchema.nullable(), geocode: GeocodeResultSchema.nullable(),
});
export type GeoState = z.infer<typeof GeoStateSchema>;

export const LayerDetailSchema = z.object({
  layer: LayerSummarySchema, fields: z.array(FieldSummarySchema).nullable(),
  crs: z.object({ code: z.string(), label: z.string(), source: z.string(), assumed: z.boolean() }).nullable(),
  encoding: z.unknown(), problemCounts: z.record(z.string(), z.number().int()),
  skippedFeatures: z.array(z.object({ index: z.number().int(), name: z.string().nullable(), problems: z.array(GeometryProblemSchema) })),
});

const LayerId = z.number().int().positive();
const StatsFormat = z.enum(['csv', 'geojson', 'gpkg']);

export const layersMethods = {
  /** Reads a layer file without storing it: fields, suggested name field, declared coordinate system, geometry types. */
  'layers.preview': json(z.object({ path: Path, options: LayerReadOptionsSchema.optional() }).strict(), LayerPreviewSchema),
  /** Imports a layer (job): reprojects to WGS-84, checks every geometry, overlays records when it plays a role. */
  'layers.add': json(z.object({
    path: Path, kind: LayerKindSchema, name: z.string().max(100).optional(), nameField: Field.optional(), codeField: Field.optional(),
    populationField: Field.optional(), householdsField: Field.optional(), crs: z.string().max(40).optional(), options: LayerReadOptionsSchema.optional(),
  }).strict(), JobStarted, true),
  /** Layers, the role each plays, assignment counts and the last overlay / geocoding results. */
  'layers.list': json(Empty, GeoStateSchema),
  'layers.get': json(z.object({ layerId: LayerId }).strict(), LayerDetailSchema),
  'layers.remove': json(z.object({ layerId: LayerId }).strict(), JobStarted, true),
  /** Attribute table: id, name, code, problems (codes joined), problemDetail, then one Utf8 column per attribute named "a:<field>". */
  'layers.features': arrow(z.object({ layerId: LayerId }).strict()),
  /** Sets roles / the road threshold and overlays every located record (job). */
  'layers.overlay': json(z.object({
    roles: z.object({ district: LayerId.nullable().optional(), street: LayerId.nullable().optional(), community: LayerId.nullable().optional(), road: LayerId.nullable().optional() }).strict().optional(),
    roadThresholdM: z.number().min(1).max(5000).optional(),
  }).strict(), JobStarted, true),
  /** Geocodes address-only records against the layers' place names and measures the error on located records (job). */
  'layers.geocode': json(Empty, JobStarted, true),
  /**
   * Per-feature statistics under the filter: featureId, name, code, count, prevCount, change, per1000,
   * per1000Households, medianCloseHours, topCategory, topCategoryCount.
   */
  'layers.stats': arrow(z.object({ layerId: LayerId, filter: FilterSchema, bufferM: z.number().min(1).max(5000).optional() }).strict()),
  /** Records per feature and category of a level (role layers): featureId, categoryId, category, count. */
  'layers.statsByCategory': arrow(z.object({ layerId: LayerId, filter: FilterSchema, level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }).strict()),
  'layers.exportStats': json(z.object({ layerId: LayerId, filter: FilterSchema, format: StatsFormat, path: Path, bufferM: z.number().min(1).max(5000).optional() }).strict(),
    z.object({ path: z.string(), features: z.number().int() })),
  /** The records under the filter with external id and assigned district / street / community / road, one CSV. */
  'layers.exportRecords': json(z.object({ filter: FilterSchema, path: Path }).strict(), z.object({ path: z.string(), rows: z.number().int() })),
} as const;
