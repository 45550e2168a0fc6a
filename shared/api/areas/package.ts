/**
 * Data packages: a filtered, optionally anonymised selection of records with their taxonomy and
 * layers, written as Arrow IPC file + CSV + GeoJSON + JSON with a manifest of SHA-256 hashes, and
 * imported into another project only after every hash checks out.
 */
import { z } from 'zod';
import { FilterSchema } from '../../model/filter';
import { AnonymiseSettingsSchema } from '../../domain/anonymise/settings';
import { JobStarted, Path, json } from '../define';

export const PACKAGE_FORMAT = 'minsheng-package';
export const PACKAGE_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A path inside the package: relative, forward slashes, no way out of the folder. */
const RelPath = z.string().min(1).max(300).regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[\w\-./\u4e00-\u9fff]+$/u, 'a relative path inside the package');

export const PackageFileSchema = z.object({
  path: RelPath,
  role: z.enum(['records', 'records-csv', 'records-geojson', 'records-gpkg', 'taxonomy', 'layer', 'aggregates', 'readme']),
  format: z.string().max(60),
  bytes: z.number().int().nonnegative(),
  sha256: Sha256,
  rows: z.number().int().nonnegative().optional(),
});
export type PackageFile = z.infer<typeof PackageFileSchema>;

export const KAnonymitySchema = z.object({
  k: z.number().int(), records: z.number().int(), groups: z.number().int(),
  smallest: z.object({ size: z.number().int(), values: z.record(z.string(), z.string().nullable()) }).nullable(),
  recordsBelowK: z.number().int(), groupsBelowK: z.number().int(),
});

export const AnonymiseStatsSchema = z.object({
  records: z.number().int(),
  piiByKind: z.record(z.string(), z.number().int()),
  piiByField: z.record(z.string(), z.number().int()),
  recordsWithPii: z.number().int(), piiRemoved: z.number().int(),
  locationsMoved: z.number().int(), locationsRemoved: z.number().int(),
  callerHashesReplaced: z.number().int(), externalIdsReplaced: z.number().int(), timesCoarsened: z.number().int(),
});

export const SourceBatchSchema = z.object({
  id: z.number().int(), sourceCode: z.string(), fileName: z.string(), sha256: z.string().nullable(), fileSize: z.number().nullable(),
  startedAt: z.number(), finishedAt: z.number().nullable(), synthetic: z.boolean(),
  /** Records of this batch in the package. */
  rows: z.number().int(),
  /** Provenance the batch itself carried (a batch that came from an earlier package). */
  package: z.unknown().optional(),
});

/** A layer in the package (its full description travels in the GeoJSON file's `minsheng` member). */
export const PackageLayerSchema = z.object({
  file: RelPath, name: z.string(), kind: z.string(), geometryType: z.string(), features: z.number().int(), synthetic: z.boolean(),
});

export const ManifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  createdAt: z.number(),
  minsheng: z.object({ version: z.string(), schemaVersion: z.number().int() }),
  project: z.object({ name: z.string(), synthetic: z.boolean() }),
  /** The global filter the selection was made with (as the exporting version wrote it). */
  filter: z.record(z.string(), z.unknown()),
  anonymisation: z.object({
    preset: z.string().nullable(),
    settings: AnonymiseSettingsSchema,
    stats: AnonymiseStatsSchema,
    kAnonymity: KAnonymitySchema.nullable(),
    quasiIdentifiers: z.array(z.string()),
    aggregates: z.object({ cells: z.number().int(), suppressedCells: z.number().int(), suppressedRecords: z.number().int() }).nullable(),
  }),
  records: z.object({
    rows: z.number().int().nonnegative(),
    columns: z.array(z.object({ name: z.string(), type: z.enum(['utf8', 'float64', 'int32', 'timestamp', 'bool']), nullable: z.boolean() })),
    /** How times are written: Arrow timestamp[ms, UTC]; CSV ISO 8601 with the +08:00 offset. */
    times: z.string(),
  }),
  sources: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string(), rows: z.number().int() })),
  sourceBatches: z.array(SourceBatchSchema),
  layers: z.array(PackageLayerSchema),
  taxonomy: z.object({ file: RelPath, categories: z.number().int(), crosswalk: z.number().int() }).nullable(),
  files: z.array(PackageFileSchema).min(1),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** Arrow and CSV carry the records for re-import; GeoJSON and GeoPackage put them on a map in a GIS (points at lon/lat). */
export const PackageFormatSchema = z.enum(['arrow', 'csv', 'geojson', 'gpkg']);

export const PackageExportInputSchema = z.object({
  filter: FilterSchema,
  settings: AnonymiseSettingsSchema,
  formats: z.array(PackageFormatSchema).min(1).max(4),
  /** The package folder: created when missing, must be empty when it exists. */
  outDir: Path,
  layers: z.boolean().default(true),
  taxonomy: z.boolean().default(true),
}).strict();
export type PackageExportInput = z.infer<typeof PackageExportInputSchema>;

export const PackageExportResultSchema = z.object({
  dir: z.string(), rows: z.number().int(), seconds: z.number(), manifestSha256: Sha256,
  files: z.array(PackageFileSchema), kAnonymity: KAnonymitySchema.nullable(), stats: AnonymiseStatsSchema,
});
export type PackageExportResult = z.infer<typeof PackageExportResultSchema>;

export const PackageImportResultSchema = z.object({
  dir: z.string(), manifestSha256: Sha256, rows: z.number().int(), imported: z.number().int(), duplicates: z.number().int(),
  batches: z.array(z.object({ batchId: z.number().int(), sourceCode: z.string(), imported: z.number().int(), duplicates: z.number().int() })),
  categoriesAdded: z.number().int(), crosswalkAdded: z.number().int(), layersAdded: z.number().int(), layersSkipped: z.number().int(), seconds: z.number(),
});
export type PackageImportResult = z.infer<typeof PackageImportResultSchema>;

/** One problem found while checking a package folder against its manifest. */
export const PackageProblemSchema = z.object({
  code: z.enum(['manifest_missing', 'manifest_invalid', 'file_missing', 'size_mismatch', 'hash_mismatch']),
  file: z.string(),
  detail: z.string().optional(),
});
export type PackageProblem = z.infer<typeof PackageProblemSchema>;

const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const PreviewRowSchema = z.record(z.string(), CellValue);

export const PackagePreviewSchema = z.object({
  total: z.number().int(),
  columns: z.object({ kept: z.array(z.string()), dropped: z.array(z.string()) }),
  /** A few records before and after anonymisation (those holding personal information first). */
  sample: z.array(z.object({ before: PreviewRowSchema, after: PreviewRowSchema })),
  /** Records scanned for the sample and the statistics (personal information found, places moved…). */
  scanned: z.number().int(),
  stats: AnonymiseStatsSchema,
  /** Over the whole selection, or null when it is larger than the preview checks (the export always checks). */
  kAnonymity: KAnonymitySchema.nullable(),
  kLimit: z.number().int(),
});
export type PackagePreview = z.infer<typeof PackagePreviewSchema>;

export const packageMethods = {
  /** What the settings do to the selection: sample rows before/after, PII found, the k-anonymity check. */
  'package.preview': json(z.object({ filter: FilterSchema, settings: AnonymiseSettingsSchema, sample: z.number().int().min(1).max(20).optional() }).strict(), PackagePreviewSchema),
  /** Writes a package folder (a job). */
  'package.export': json(PackageExportInputSchema, JobStarted, true),
  /** Reads a package folder's manifest and checks every file's size and SHA-256 (nothing is written). */
  'package.inspect': json(z.object({ dir: Path }).strict(), z.object({
    dir: z.string(), ok: z.boolean(), manifest: ManifestSchema.nullable(), manifestSha256: z.string().nullable(), problems: z.array(PackageProblemSchema),
  })),
  /** Imports a package into the open project (a job); refused with nothing written when any check fails. */
  'package.import': json(z.object({ dir: Path }).strict(), JobStarted, true),
} as const;
