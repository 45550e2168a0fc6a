/**
 * Normalisation of one indicator's raw values across the objects to scores in [0, 1] where 1 is best,
 * after the missing-value rule.
 */
export type Direction = 'higher' | 'lower' | 'nominal';
export type Normalisation = 'minmax' | 'zscore' | 'target';
export type MissingRule = 'exclude' | 'worst' | 'mean';

export interface NormaliseSpec {
  direction: Direction;
  normalisation: Normalisation;
  /** Target value for `target` normalisation and for the `nominal` direction. */
  target?: number | null;
  missing: MissingRule;
}

/** Standard normal CDF Φ(z) (Zelen & Severo 26.2.17; |error| < 7.5e-8). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z > 0 ? 1 - p : p;
}

const finite = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);

/** Applies the missing-value rule to raw values: `mean` fills gaps with the mean of the others. */
export function imputeMissing(raw: readonly (number | null)[], rule: MissingRule): (number | null)[] {
  if (rule !== 'mean') return [...raw];
  const present = raw.filter(finite);
  if (!present.length) return [...raw];
  const m = present.reduce((s, x) => s + x, 0) / present.length;
  return raw.map((x) => (finite(x) ? x : m));
}

/**
 * - minmax: (x − min)/(max − min), reversed for `lower`; all equal → 1.
 * - zscore: z = (x − mean)/sd (population sd), reported as Φ(z) so it stays in [0, 1]; `lower` uses −z;
 *   sd 0 → 0.5.
 * - target: for `higher`, reaching the target scores 1 and the worst observed value 0, linear between
 *   (`lower` mirrored); for `nominal`, 1 − |x − target| / max |x − target|.
 * Missing after the rule: `worst` scores 0, `exclude` and `mean` (nothing to impute from) stay null.
 */
export function normalise(raw: readonly (number | null)[], spec: NormaliseSpec): (number | null)[] {
  const xs = imputeMissing(raw, spec.missing);
  const present = xs.filter(finite);
  const miss = spec.missing === 'worst' ? 0 : null;
  if (!present.length) return xs.map(() => null);
  const min = Math.min(...present);
  const max = Math.max(...present);
  const target = spec.target ?? null;
  let f: (x: number) => number;
  if (spec.direction === 'nominal' || (spec.normalisation === 'target' && target !== null)) {
    const t = target ?? present.reduce((s, x) => s + x, 0) / present.length;
    if (spec.direction === 'nominal') {
      const far = Math.max(...present.map((x) => Math.abs(x - t)));
      f = (x) => (far > 0 ? 1 - Math.abs(x - t) / far : 1);
    } else if (spec.direction === 'higher') {
      f = (x) => (x >= t ? 1 : t > min ? (x - min) / (t - min) : 1);
    } else {
      f = (x) => (x <= t ? 1 : max > t ? (max - x) / (max - t) : 1);
    }
  } else if (spec.normalisation === 'zscore') {
    const mean = present.reduce((s, x) => s + x, 0) / present.length;
    const sd = Math.sqrt(present.reduce((s, x) => s + (x - mean) ** 2, 0) / present.length);
    f = (x) => (sd > 0 ? normalCdf((spec.direction === 'lower' ? mean - x : x - mean) / sd) : 0.5);
  } else {
    f = (x) => (max > min ? (spec.direction === 'lower' ? (max - x) / (max - min) : (x - min) / (max - min)) : 1);
  }
  return xs.map((x) => (finite(x) ? Math.min(1, Math.max(0, f(x))) : miss));
}
