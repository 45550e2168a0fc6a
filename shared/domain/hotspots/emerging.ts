/**
 * Emerging hot-spot labels from a per-area series of Gi* results over time periods (after ESRI's
 * Emerging Hot Spot Analysis; only hot spots are labelled here):
 * - new: the last period is hot and no earlier one was;
 * - consecutive: one uninterrupted run of hot periods ending in the last, shorter than 90% of periods;
 * - intensifying / persistent / diminishing: hot in ≥ 90% of periods including the last, with a
 *   significantly rising / no significant / significantly falling Mann–Kendall trend of the Gi* z;
 * - sporadic: the last period is hot, < 90% hot, and earlier hot periods come and go;
 * - historical: the last period is not hot but ≥ 90% of the periods were;
 * - none: anything else.
 */
import { mannKendall } from './mannkendall';

export type EmergingLabel = 'new' | 'consecutive' | 'intensifying' | 'persistent' | 'diminishing' | 'sporadic' | 'historical' | 'none';

export function emergingLabel(z: readonly number[], hot: readonly boolean[], trendAlpha = 0.05): EmergingLabel {
  const n = hot.length;
  if (n === 0) return 'none';
  const hotCount = hot.filter(Boolean).length;
  const last = hot[n - 1];
  const mostly = hotCount >= 0.9 * n;
  if (!last) return mostly ? 'historical' : 'none';
  if (hotCount === 1) return 'new';
  if (mostly) {
    const mk = mannKendall(z);
    if (mk.p < trendAlpha) return mk.s > 0 ? 'intensifying' : 'diminishing';
    return 'persistent';
  }
  let run = 0;
  for (let i = n - 1; i >= 0 && hot[i]; i--) run++;
  if (run === hotCount) return 'consecutive';
  return 'sporadic';
}
