/**
 * Anonymisation settings of a data package: what happens to each personal or identifying field, how
 * far places and times are coarsened, and which quasi-identifiers the k-anonymity check groups by.
 * Defaults are the "standard" preset; "none" keeps everything but the raw phone number.
 */
import { z } from 'zod';
import { PII_KINDS } from '../text/pii';

/** keep as is · mask (PII partly starred, 138****5678) · redact (PII replaced by its kind, [手机号]) · drop the column. */
export const TEXT_ACTIONS = ['keep', 'mask', 'redact', 'drop'] as const;
export const TEXT_FIELDS = ['title', 'content', 'reply', 'address'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const LOCATION_MODES = ['keep', 'grid', 'community', 'donut', 'drop'] as const;
export type LocationMode = (typeof LOCATION_MODES)[number];

export const TIME_UNITS = ['keep', 'hour', 'day', 'week', 'month'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/** Columns that may be left out of a package (beyond the text fields, whose action can be 'drop'). */
export const DROPPABLE_COLUMNS = ['street', 'community', 'department', 'category_original', 'status_original', 'satisfaction_label'] as const;

export const QUASI_IDENTIFIERS = [
  'district', 'street', 'community', 'location', 'receivedAt', 'category1', 'category2', 'category3',
  'requestType', 'channel', 'source', 'department',
] as const;
export type QuasiIdentifier = (typeof QUASI_IDENTIFIERS)[number];

const TextAction = z.enum(TEXT_ACTIONS);

export const AnonymiseSettingsSchema = z.object({
  /** What happens to personal information found in each free-text field. */
  text: z.object({ title: TextAction, content: TextAction, reply: TextAction, address: TextAction }).strict(),
  /** Which kinds of personal information the text rules look for. */
  piiKinds: z.array(z.enum(PII_KINDS)).max(PII_KINDS.length),
  /** Mask house, building and room numbers in addresses too (…路**号*栋***室). */
  addressNumbers: z.boolean(),
  /** The source's ticket number: kept, or replaced by a package-specific HMAC (still unique, not linkable). */
  externalId: z.enum(['keep', 'rehash']),
  /** Caller hashes (repeat callers): kept, replaced by package-specific ones (repeats still visible inside the package), or dropped. */
  callerHash: z.enum(['keep', 'rehash', 'drop']),
  /** The raw phone number, stored only when the project opted in. */
  callerPhone: z.enum(['keep', 'mask', 'drop']),
  dropColumns: z.array(z.enum(DROPPABLE_COLUMNS)).max(DROPPABLE_COLUMNS.length),
  location: z.object({
    mode: z.enum(LOCATION_MODES),
    /** Grid cell size, metres. */
    gridM: z.number().min(50).max(50_000),
    /** Donut geomasking: every point moves between min and max metres in a random direction. */
    donutMinM: z.number().min(0).max(50_000),
    donutMaxM: z.number().min(1).max(50_000),
  }).strict().refine((l) => l.donutMaxM > l.donutMinM, { message: 'donutMaxM must exceed donutMinM' }),
  /** Received, first-response and closing times are truncated to the start of this unit (Asia/Shanghai). */
  time: z.enum(TIME_UNITS),
  /** k of the k-anonymity check, and the smallest count an aggregate cell may show. */
  k: z.number().int().min(2).max(1000),
  quasiIdentifiers: z.array(z.enum(QUASI_IDENTIFIERS)).max(QUASI_IDENTIFIERS.length),
  /** Write aggregates.csv (counts by district × category × month) with cells below k suppressed. */
  aggregates: z.boolean(),
}).strict();
export type AnonymiseSettings = z.infer<typeof AnonymiseSettingsSchema>;

export const PRESET_NAMES = ['none', 'standard', 'strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

const ALL_KINDS = [...PII_KINDS];

export const PRESETS: Record<PresetName, AnonymiseSettings> = {
  none: {
    text: { title: 'keep', content: 'keep', reply: 'keep', address: 'keep' }, piiKinds: ALL_KINDS, addressNumbers: false,
    externalId: 'keep', callerHash: 'keep', callerPhone: 'drop', dropColumns: [],
    location: { mode: 'keep', gridM: 500, donutMinM: 100, donutMaxM: 500 }, time: 'keep',
    k: 5, quasiIdentifiers: ['district', 'street', 'receivedAt'], aggregates: false,
  },
  standard: {
    text: { title: 'mask', content: 'mask', reply: 'mask', address: 'mask' }, piiKinds: ALL_KINDS, addressNumbers: true,
    externalId: 'keep', callerHash: 'rehash', callerPhone: 'drop', dropColumns: [],
    location: { mode: 'grid', gridM: 500, donutMinM: 100, donutMaxM: 500 }, time: 'day',
    k: 5, quasiIdentifiers: ['district', 'street', 'receivedAt'], aggregates: true,
  },
  strict: {
    text: { title: 'redact', content: 'drop', reply: 'drop', address: 'drop' }, piiKinds: ALL_KINDS, addressNumbers: true,
    externalId: 'rehash', callerHash: 'drop', callerPhone: 'drop', dropColumns: ['community', 'status_original', 'satisfaction_label'],
    location: { mode: 'community', gridM: 1000, donutMinM: 200, donutMaxM: 1000 }, time: 'week',
    k: 10, quasiIdentifiers: ['district', 'street', 'receivedAt'], aggregates: true,
  },
};

export const DEFAULT_SETTINGS: AnonymiseSettings = PRESETS.standard;

/** The preset these settings equal, or null when they were edited. */
export function presetOf(s: AnonymiseSettings): PresetName | null {
  const key = stableJson(s);
  return PRESET_NAMES.find((p) => stableJson(PRESETS[p]) === key) ?? null;
}

/** JSON with object keys sorted and arrays of strings sorted (settings compare by content). */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).sort().join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
