/** Calendar buckets (Asia/Shanghai, UTC+8 without DST) for topic flow and emerging terms. */
export type BucketUnit = 'day' | 'week' | 'month';

const OFFSET = 8 * 3600_000;
const DAY = 86_400_000;
/** 1970-01-05 was a Monday: weeks start on Mondays. */
const MONDAY = 4 * DAY;

/** Bucket index of an instant. */
export function bucketOf(t: number, unit: BucketUnit): number {
  const local = t + OFFSET;
  if (unit === 'day') return Math.floor(local / DAY);
  if (unit === 'week') return Math.floor((local - MONDAY) / (7 * DAY));
  const d = new Date(local);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Epoch ms of the bucket's first instant. */
export function bucketStart(index: number, unit: BucketUnit): number {
  if (unit === 'day') return index * DAY - OFFSET;
  if (unit === 'week') return index * 7 * DAY + MONDAY - OFFSET;
  return Date.UTC(Math.floor(index / 12), index % 12, 1) - OFFSET;
}

/** `YYYY-MM-DD` (day, week start) or `YYYY-MM` label of a bucket. */
export function bucketLabel(index: number, unit: BucketUnit): string {
  const iso = new Date(bucketStart(index, unit) + OFFSET).toISOString();
  return unit === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
}
