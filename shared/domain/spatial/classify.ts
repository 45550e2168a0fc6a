/**
 * Classification of values into classes for choropleths: quantiles, natural breaks (Jenks) and
 * equal intervals. Each returns the upper bounds of the classes (ascending; the last is the max).
 */
export type ClassMethod = 'quantile' | 'jenks' | 'equal';

function finiteSorted(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

const dedupe = (xs: number[]): number[] => xs.filter((v, i) => i === 0 || v !== xs[i - 1]);

export function equalIntervalBreaks(values: readonly number[], k: number): number[] {
  const s = finiteSorted(values);
  if (!s.length) return [];
  const min = s[0]; const max = s[s.length - 1];
  if (min === max) return [max];
  return Array.from({ length: k }, (_, i) => (i === k - 1 ? max : min + ((max - min) * (i + 1)) / k));
}

export function quantileBreaks(values: readonly number[], k: number): number[] {
  const s = finiteSorted(values);
  if (!s.length) return [];
  const out: number[] = [];
  for (let i = 1; i <= k; i++) {
    const idx = Math.min(s.length - 1, Math.ceil((i * s.length) / k) - 1);
    out.push(s[idx]);
  }
  return dedupe(out);
}

/** Jenks natural breaks (Fisher's exact optimisation of within-class variance), O(k·n²). */
export function jenksBreaks(values: readonly number[], k: number): number[] {
  const s = finiteSorted(values);
  const n = s.length;
  if (!n) return [];
  if (k >= new Set(s).size) return dedupe(s.slice());
  const lower: Int32Array[] = [];
  const cost: Float64Array[] = [];
  for (let i = 0; i <= n; i++) { lower.push(new Int32Array(k + 1)); cost.push(new Float64Array(k + 1).fill(Infinity)); }
  for (let j = 1; j <= k; j++) { lower[1][j] = 1; cost[1][j] = 0; }
  for (let l = 2; l <= n; l++) {
    let sum = 0; let sumSq = 0; let w = 0; let variance = 0;
    for (let m = 1; m <= l; m++) {
      const i3 = l - m + 1;
      const v = s[i3 - 1];
      w++; sum += v; sumSq += v * v;
      variance = sumSq - (sum * sum) / w;
      const i4 = i3 - 1;
      if (i4 !== 0) {
        for (let j = 2; j <= k; j++) {
          if (cost[l][j] >= variance + cost[i4][j - 1]) { lower[l][j] = i3; cost[l][j] = variance + cost[i4][j - 1]; }
        }
      }
    }
    lower[l][1] = 1; cost[l][1] = variance;
  }
  const breaks = new Array<number>(k);
  breaks[k - 1] = s[n - 1];
  let idx = n;
  for (let j = k; j >= 2; j--) {
    const id = lower[idx][j] - 1;
    breaks[j - 2] = s[id - 1];
    idx = id;
  }
  return dedupe(breaks);
}

export function classBreaks(values: readonly number[], method: ClassMethod, k: number): number[] {
  const classes = Math.max(1, Math.min(12, Math.floor(k)));
  if (method === 'quantile') return quantileBreaks(values, classes);
  if (method === 'jenks') {
    // Jenks is quadratic: above a few thousand values, classify a regular sample.
    const s = finiteSorted(values);
    const sample = s.length > 3000 ? Array.from({ length: 3000 }, (_, i) => s[Math.floor((i * (s.length - 1)) / 2999)]) : s;
    const b = jenksBreaks(sample, classes);
    if (b.length) b[b.length - 1] = s[s.length - 1];
    return b;
  }
  return equalIntervalBreaks(values, classes);
}

/** Index of the class a value falls into (0-based; values above the last break go to the last class). */
export function classOf(value: number, breaks: readonly number[]): number {
  for (let i = 0; i < breaks.length; i++) if (value <= breaks[i]) return i;
  return Math.max(0, breaks.length - 1);
}
