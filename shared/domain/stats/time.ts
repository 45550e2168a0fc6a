/**
 * Calendar buckets in Asia/Shanghai (UTC+8 all year, no DST since 1991). Every function works on
 * whole local day numbers (days since 1970-01-01 local), so bucketing a record is integer arithmetic.
 */
import { daysFromCivil } from '../ingest/zone';

export const TZ_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'year';
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Local (UTC+8) day number of an instant. */
export function dayOf(ms: number): number {
  return Math.floor((ms + TZ_OFFSET_MS) / DAY_MS);
}

/** Epoch ms of local midnight that starts day `d`. */
export function dayStartMs(d: number): number {
  return d * DAY_MS - TZ_OFFSET_MS;
}

/** Local hour 0–23 of an instant. */
export function hourOf(ms: number): number {
  return Math.floor((((ms + TZ_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS / 3600_000);
}

/** Weekday of local day `d`: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(d: number): number {
  return (((d + 3) % 7) + 7) % 7;
}

/** Civil date of local day `d` (Howard Hinnant's algorithm, proleptic Gregorian). */
export function civil(d: number): { y: number; m: number; day: number } {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, day };
}

/** Local day number of a civil date (month 1–12): the same count as days since 1970-01-01. */
export const dayFromCivil = daysFromCivil;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD` of local day `d`. */
export function dayLabel(d: number): string {
  const c = civil(d);
  return `${pad(c.y, 4)}-${pad(c.m)}-${pad(c.day)}`;
}

/** Local day number of `YYYY-MM-DD`. */
export function parseDay(s: string): number {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  if (!m) return Number.NaN;
  return dayFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The bucket a local day falls in, identified by the bucket's first day. Weeks start on Monday
 * (ISO 8601); quarters on 1 Jan / Apr / Jul / Oct.
 */
export function bucketStartDay(d: number, g: Granularity): number {
  if (g === 'day') return d;
  if (g === 'week') return d - weekdayOfDay(d);
  const c = civil(d);
  if (g === 'month') return dayFromCivil(c.y, c.m, 1);
  if (g === 'quarter') return dayFromCivil(c.y, c.m - ((c.m - 1) % 3), 1);
  return dayFromCivil(c.y, 1, 1);
}

/** First day of the bucket after the one starting on `start`. */
export function nextBucketDay(start: number, g: Granularity): number {
  if (g === 'day') return start + 1;
  if (g === 'week') return start + 7;
  const c = civil(start);
  const months = g === 'month' ? 1 : g === 'quarter' ? 3 : 12;
  const mi = c.m - 1 + months;
  return dayFromCivil(c.y + Math.floor(mi / 12), (mi % 12) + 1, 1);
}

/** First day of the bucket before the one starting on `start`. */
export function prevBucketDay(start: number, g: Granularity): number {
  if (g === 'day') return start - 1;
  if (g === 'week') return start - 7;
  const c = civil(start);
  const months = g === 'month' ? 1 : g === 'quarter' ? 3 : 12;
  const mi = c.m - 1 - months;
  return dayFromCivil(c.y + Math.floor(mi / 12), ((mi % 12) + 12) % 12 + 1, 1);
}

/**
 * The same bucket one year earlier: the same calendar day / month / quarter of the previous year;
 * for weeks the week 52 weeks earlier (same weekday alignment). 29 Feb maps to 28 Feb.
 */
export function yearAgoBucketDay(start: number, g: Granularity): number {
  if (g === 'week') return start - 364;
  const c = civil(start);
  if (g === 'day') return dayFromCivil(c.y - 1, c.m, c.m === 2 && c.day === 29 ? 28 : c.day);
  return dayFromCivil(c.y - 1, c.m, 1);
}

/** ISO 8601 week-numbering year and week of local day `d`. */
export function isoWeek(d: number): { year: number; week: number } {
  const thursday = d - weekdayOfDay(d) + 3;
  const year = civil(thursday).y;
  const week = Math.floor((thursday - dayFromCivil(year, 1, 1)) / 7) + 1;
  return { year, week };
}

/** Human label of the bucket starting on `start`: 2024-03-05, 2024-W10, 2024-03, 2024-Q1, 2024. */
export function bucketLabel(start: number, g: Granularity): string {
  if (g === 'day') return dayLabel(start);
  if (g === 'week') {
    const w = isoWeek(start);
    return `${w.year}-W${pad(w.week)}`;
  }
  const c = civil(start);
  if (g === 'month') return `${c.y}-${pad(c.m)}`;
  if (g === 'quarter') return `${c.y}-Q${Math.floor((c.m - 1) / 3) + 1}`;
  return String(c.y);
}

/** Bucket starts (local day numbers) covering days [firstDay, lastDay], in order. */
export function bucketRange(firstDay: number, lastDay: number, g: Granularity): number[] {
  const out: number[] = [];
  if (!(lastDay >= firstDay)) return out;
  for (let b = bucketStartDay(firstDay, g); b <= lastDay; b = nextBucketDay(b, g)) out.push(b);
  return out;
}

/**
 * A lookup from day offset (day − firstDay) to bucket index within `bucketRange(firstDay, lastDay)`:
 * bucketing millions of records becomes one array read each.
 */
export function dayToBucketIndex(firstDay: number, lastDay: number, g: Granularity): { starts: number[]; index: Int32Array } {
  const starts = bucketRange(firstDay, lastDay, g);
  const index = new Int32Array(Math.max(0, lastDay - firstDay + 1));
  let b = 0;
  for (let d = firstDay; d <= lastDay; d++) {
    while (b + 1 < starts.length && starts[b + 1] <= d) b++;
    index[d - firstDay] = b;
  }
  return { starts, index };
}
