/**
 * The columns of a data package's records file (Arrow and CSV), in order. Names follow the standard
 * record (snake_case, as in the README); categories travel as code + name so that a receiving project
 * can rebuild the same tree; `origin_batch` is the exporting project's batch id (provenance).
 */
export type PackageColumnType = 'utf8' | 'float64' | 'int32' | 'timestamp' | 'bool';

export interface PackageColumn {
  readonly name: PackageColumnName;
  readonly type: PackageColumnType;
  readonly nullable: boolean;
}

export const PACKAGE_COLUMN_NAMES = [
  'source_code', 'external_id', 'received_at', 'first_response_at', 'closed_at', 'channel', 'request_type',
  'cat1_code', 'cat1_name', 'cat2_code', 'cat2_name', 'cat3_code', 'cat3_name', 'category_original',
  'title', 'content', 'address', 'district', 'street', 'community', 'lon', 'lat', 'crs_original', 'location_status',
  'department', 'transfers', 'status', 'status_original', 'reply', 'satisfaction', 'satisfaction_label',
  'caller_hash', 'caller_phone', 'origin_batch', 'synthetic',
] as const;
export type PackageColumnName = (typeof PACKAGE_COLUMN_NAMES)[number];

const TYPES: Partial<Record<PackageColumnName, PackageColumnType>> = {
  received_at: 'timestamp', first_response_at: 'timestamp', closed_at: 'timestamp',
  lon: 'float64', lat: 'float64', satisfaction: 'float64', transfers: 'int32', origin_batch: 'int32', synthetic: 'bool',
};
const REQUIRED = new Set<PackageColumnName>(['source_code', 'external_id', 'received_at', 'location_status', 'transfers', 'synthetic']);

export const PACKAGE_COLUMNS: readonly PackageColumn[] = PACKAGE_COLUMN_NAMES.map((name) => ({ name, type: TYPES[name] ?? 'utf8', nullable: !REQUIRED.has(name) }));

/** One exported record: every column's value (null when empty). Times are epoch ms (UTC instants). */
export type PackageRecord = { [K in PackageColumnName]: K extends 'received_at' | 'transfers' | 'synthetic' ? (K extends 'synthetic' ? boolean : number)
  : K extends 'first_response_at' | 'closed_at' | 'lon' | 'lat' | 'satisfaction' | 'origin_batch' ? number | null
  : K extends 'source_code' | 'external_id' | 'location_status' ? string : string | null };
