/**
 * Ingest: the standard record, the mapping from source columns to it, and what a row becomes.
 * Pure types; implementations live beside this file (no Node, no DOM).
 */

/** Every field of the standard record a source column can map to. */
export const STANDARD_FIELDS = [
  'externalId', 'receivedAt', 'firstResponseAt', 'closedAt', 'channel', 'requestType',
  'cat1', 'cat2', 'cat3', 'categoryOriginal', 'title', 'content', 'address', 'district', 'street', 'community',
  'lon', 'lat', 'department', 'transfers', 'status', 'reply', 'satisfaction', 'callerPhone',
] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];

export type Crs = 'wgs84' | 'gcj02' | 'bd09';
export type Channel = 'phone' | 'web' | 'app' | 'wechat' | 'weibo' | 'email' | 'sms' | 'walk_in' | 'other';
export type RequestType = 'complaint' | 'consultation' | 'suggestion' | 'report' | 'help' | 'praise' | 'other';
export type Status = 'open' | 'in_progress' | 'closed' | 'returned' | 'other';
export type LocationStatus = 'coordinates' | 'placeholder' | 'invalid' | 'none';

/** A cell as readers deliver it: text from CSV/JSON, typed values from XLSX (numbers, dates as Excel serials or Date). */
export type Cell = string | number | boolean | Date | null;

/** How one source column is read. `column` is the index into the row's cells. */
export interface ColumnMapping {
  column: number;
  header: string;
  field: StandardField;
  /** Per-column override of the date format (e.g. 'YYYY/M/D H:mm:ss', 'MM/DD/YYYY hh:mm:ss A', 'excel', 'epoch-ms', 'epoch-s'); auto when absent. */
  dateFormat?: string;
}

export interface MappingSpec {
  columns: ColumnMapping[];
  /** IANA time zone of local times without an offset. Default Asia/Shanghai. */
  timezone: string;
  /** Coordinate system of the source's lon/lat. Stored as WGS-84. */
  crs: Crs;
  /** Extra label → value maps the user chose (override the built-in ones). Keys are matched after trimming, case-insensitive. */
  satisfactionLabels?: Record<string, number>;
  statusLabels?: Record<string, Status>;
  /** Store the raw phone number too (opt-in). The salted hash is always stored when a phone column is mapped. */
  keepPhone?: boolean;
}

/** A row in the standard schema, before category unification (that uses the crosswalk, in the engine). */
export interface StandardRow {
  externalId: string;
  receivedAt: number;             // epoch ms (UTC instant)
  firstResponseAt: number | null;
  closedAt: number | null;
  channel: Channel | null;
  requestType: RequestType | null;
  /** Source category labels per level as given (unified later through the crosswalk). */
  catLabels: [string | null, string | null, string | null];
  categoryOriginal: string | null; // the source's own category text, levels joined with ' / '
  title: string | null;
  content: string | null;
  address: string | null;
  district: string | null;
  street: string | null;
  community: string | null;
  lon: number | null;              // WGS-84
  lat: number | null;
  crsOriginal: Crs | null;
  locationStatus: LocationStatus;
  department: string | null;
  transfers: number;
  status: Status | null;
  statusOriginal: string | null;
  reply: string | null;
  satisfaction: number | null;     // 0..1
  satisfactionLabel: string | null;
  callerPhone: string | null;      // normalised digits; hashed by the engine, stored raw only on opt-in
}

/** Closed set of reasons a row is rejected. Messages in zh-CN and en live in reasons.ts. */
export type RejectCode =
  | 'MISSING_RECEIVED_AT' | 'BAD_DATE' | 'BAD_NUMBER' | 'FIELD_TOO_LONG' | 'RAGGED_ROW' | 'MISSING_ID' | 'FUTURE_DATE' | 'PARSE_ERROR';

export interface Rejection { code: RejectCode; params: Record<string, string | number> }

/** Quality observations that do not reject a row (counted per batch). */
export type QualityFlag =
  | 'closed_before_received' | 'negative_response' | 'future_date' | 'instant_closure'
  | 'coords_swapped' | 'coords_out_of_range' | 'missing_coords' | 'unknown_category' | 'unparsed_satisfaction' | 'unparsed_status';

export type RowResult =
  | { ok: true; row: StandardRow; flags: QualityFlag[] }
  | { ok: false; rejection: Rejection };
