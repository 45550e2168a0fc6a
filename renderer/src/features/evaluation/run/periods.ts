import { civil, dayOf } from '../../../../../shared/domain/stats/time';

/** Period labels covering the data: years, halves, quarters and months. */
export function periodOptions(min: number | null, max: number | null): string[] {
  if (min === null || max === null) return [];
  const a = civil(dayOf(min)).y;
  const b = civil(dayOf(max)).y;
  const out: string[] = [];
  for (let y = b; y >= a; y--) out.push(String(y), `${y}-H1`, `${y}-H2`, ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`), ...Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`));
  return [...out, 'all'];
}
