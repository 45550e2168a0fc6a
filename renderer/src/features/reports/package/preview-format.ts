/** How preview cells are shown: times in Beijing time, places as "lon, lat", the rest as text. */
import type { PackagePreview } from '../../../../../shared/api/areas/package';

type Row = PackagePreview['sample'][number]['before'];

/** Fields a preview compares, in display order (lon and lat shown together as `place`). */
export const PREVIEW_FIELDS = [
  'title', 'content', 'reply', 'address', 'place', 'received_at', 'closed_at', 'external_id', 'caller_hash', 'caller_phone',
  'street', 'community', 'department', 'category_original', 'status_original', 'satisfaction_label',
] as const;
export type PreviewField = (typeof PREVIEW_FIELDS)[number];

const shanghai = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

export function cellOf(row: Row, field: PreviewField): string | null {
  if (field === 'place') {
    return typeof row.lon === 'number' && typeof row.lat === 'number' ? `${row.lon.toFixed(5)}, ${row.lat.toFixed(5)}` : null;
  }
  const v = row[field];
  if (v === null || v === undefined || v === '') return null;
  if ((field === 'received_at' || field === 'closed_at') && typeof v === 'number') return shanghai(v);
  return String(v);
}

/** The fields whose shown value differs before and after. */
export function changedFields(before: Row, after: Row): PreviewField[] {
  return PREVIEW_FIELDS.filter((f) => cellOf(before, f) !== cellOf(after, f));
}

/** Splits `after` into the part shared with `before` at each end and the changed middle (to highlight only that). */
export function changedSpan(before: string | null, after: string): [string, string, string] {
  if (before === null) return ['', after, ''];
  const a = [...before];
  const b = [...after];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return [b.slice(0, head).join(''), b.slice(head, b.length - tail).join(''), b.slice(b.length - tail).join('')];
}
