/**
 * Per-batch data-quality counts: missing values per mapped field, each quality flag, rejections per code,
 * location statuses and the receivedAt range. JSON-serialisable report; reports of several batches merge.
 */
import type { LocationStatus, MappingSpec, QualityFlag, Rejection, RejectCode, StandardField, StandardRow } from './types';

const QUALITY_FLAGS: readonly QualityFlag[] = [
  'closed_before_received', 'negative_response', 'future_date', 'instant_closure',
  'coords_swapped', 'coords_out_of_range', 'missing_coords', 'unknown_category', 'unparsed_satisfaction', 'unparsed_status',
];

export interface QualityReport {
  /** Rows accepted (passed to add). */
  rows: number;
  /** Rows rejected (passed to addRejection). */
  rejected: number;
  rejections: Partial<Record<RejectCode, number>>;
  flags: Record<QualityFlag, number>;
  /** Empty values per mapped field (id and receivedAt are never empty in accepted rows; transfers is 0 when empty). */
  missing: Partial<Record<StandardField, number>>;
  locations: Record<LocationStatus, number>;
  receivedAt: { min: number | null; max: number | null };
}

/** Whether a field's value is empty in a standard row. */
const IS_MISSING: Partial<Record<StandardField, (r: StandardRow) => boolean>> = {
  firstResponseAt: (r) => r.firstResponseAt === null,
  closedAt: (r) => r.closedAt === null,
  channel: (r) => r.channel === null,
  requestType: (r) => r.requestType === null,
  cat1: (r) => r.catLabels[0] === null,
  cat2: (r) => r.catLabels[1] === null,
  cat3: (r) => r.catLabels[2] === null,
  categoryOriginal: (r) => r.categoryOriginal === null,
  title: (r) => r.title === null,
  content: (r) => r.content === null,
  address: (r) => r.address === null,
  district: (r) => r.district === null,
  street: (r) => r.street === null,
  community: (r) => r.community === null,
  lon: (r) => r.lon === null,
  lat: (r) => r.lat === null,
  department: (r) => r.department === null,
  status: (r) => r.statusOriginal === null,
  reply: (r) => r.reply === null,
  satisfaction: (r) => r.satisfactionLabel === null,
  callerPhone: (r) => r.callerPhone === null,
};

export class QualityAccumulator {
  private readonly fields: StandardField[];
  private readonly checks: ((r: StandardRow) => boolean)[];
  private readonly missing: number[];
  private readonly flags: Record<QualityFlag, number>;
  private readonly rejections: Partial<Record<RejectCode, number>> = {};
  private readonly locations: Record<LocationStatus, number> = { coordinates: 0, placeholder: 0, invalid: 0, none: 0 };
  private rows = 0;
  private rejected = 0;
  private min = Infinity;
  private max = -Infinity;

  /** Counts missing values for the fields `spec` maps (each once). */
  constructor(spec: Pick<MappingSpec, 'columns'>) {
    this.fields = [...new Set(spec.columns.map((c) => c.field))];
    this.checks = this.fields.map((f) => IS_MISSING[f] ?? (() => false));
    this.missing = this.fields.map(() => 0);
    this.flags = Object.fromEntries(QUALITY_FLAGS.map((f) => [f, 0])) as Record<QualityFlag, number>;
  }

  /** Count an accepted row and its flags. */
  add(row: StandardRow, flags: readonly QualityFlag[]): void {
    this.rows++;
    for (let i = 0; i < this.checks.length; i++) if (this.checks[i](row)) this.missing[i]++;
    for (const f of flags) this.flags[f] = (this.flags[f] ?? 0) + 1;
    this.locations[row.locationStatus]++;
    if (row.receivedAt < this.min) this.min = row.receivedAt;
    if (row.receivedAt > this.max) this.max = row.receivedAt;
  }

  /** Count a rejected row. */
  addRejection(rejection: Rejection): void {
    this.rejected++;
    this.rejections[rejection.code] = (this.rejections[rejection.code] ?? 0) + 1;
  }

  /** Fold in a report of another batch (e.g. from a worker). */
  merge(r: QualityReport): void {
    this.rows += r.rows;
    this.rejected += r.rejected;
    for (const [code, n] of Object.entries(r.rejections) as [RejectCode, number][]) this.rejections[code] = (this.rejections[code] ?? 0) + n;
    for (const [f, n] of Object.entries(r.flags) as [QualityFlag, number][]) this.flags[f] = (this.flags[f] ?? 0) + n;
    for (const [s, n] of Object.entries(r.locations) as [LocationStatus, number][]) this.locations[s] += n;
    for (const [f, n] of Object.entries(r.missing) as [StandardField, number][]) {
      const i = this.fields.indexOf(f);
      if (i >= 0) this.missing[i] += n;
    }
    if (r.receivedAt.min !== null && r.receivedAt.min < this.min) this.min = r.receivedAt.min;
    if (r.receivedAt.max !== null && r.receivedAt.max > this.max) this.max = r.receivedAt.max;
  }

  toReport(): QualityReport {
    const missing: Partial<Record<StandardField, number>> = {};
    this.fields.forEach((f, i) => { missing[f] = this.missing[i]; });
    return {
      rows: this.rows,
      rejected: this.rejected,
      rejections: { ...this.rejections },
      flags: { ...this.flags },
      missing,
      locations: { ...this.locations },
      receivedAt: { min: this.rows ? this.min : null, max: this.rows ? this.max : null },
    };
  }
}
