/**
 * Global empirical-Bayes smoothing of rates (Marshall 1991): small areas' raw rates y_i/n_i are
 * shrunk towards the overall rate b = Σy/Σn by C_i = a / (a + b/n_i), where the between-area
 * variance a = s² − b/n̄ (0 when negative), s² = Σ n_i (r_i − b)² / Σ n_i and n̄ the mean base.
 */
export interface SmoothedRate { raw: number; smoothed: number; shrinkage: number }

export function empiricalBayes(events: readonly number[], base: readonly number[]): SmoothedRate[] {
  const n = events.length;
  const sumY = events.reduce((a, b) => a + b, 0);
  const sumN = base.reduce((a, b) => a + b, 0);
  const b = sumN > 0 ? sumY / sumN : 0;
  const raw = events.map((y, i) => (base[i] > 0 ? y / base[i] : 0));
  const s2 = sumN > 0 ? raw.reduce((acc, r, i) => acc + base[i] * (r - b) ** 2, 0) / sumN : 0;
  const nBar = sumN / Math.max(1, n);
  const a = Math.max(0, s2 - (nBar > 0 ? b / nBar : 0));
  return raw.map((r, i) => {
    const c = base[i] > 0 && a + b / base[i] > 0 ? a / (a + b / base[i]) : 0;
    return { raw: r, smoothed: b + c * (r - b), shrinkage: 1 - c };
  });
}
