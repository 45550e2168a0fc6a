import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg, contiguityWeights, emergingLabel, empiricalBayes, giStar, globalMoran, localMoran, mannKendall, rowStandardise,
} from '../../../../shared/domain/hotspots';

// A 4×4 lattice of unit squares (as GeoJSON polygons) with a high cluster in one corner.
const N = 4;
const squares = Array.from({ length: N * N }, (_, k) => {
  const x = (k % N) * 0.01; const y = Math.floor(k / N) * 0.01;
  return [[[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]]];
});
const x = [9, 8, 3, 2, 7, 9, 2, 1, 3, 2, 1, 2, 2, 1, 3, 1];

// Dense binary weights written out from the lattice geometry, independently of the implementation.
function dense(mode: 'queen' | 'rook'): number[][] {
  return x.map((_, i) => x.map((__, j) => {
    const [ri, ci, rj, cj] = [Math.floor(i / N), i % N, Math.floor(j / N), j % N];
    const dr = Math.abs(ri - rj); const dc = Math.abs(ci - cj);
    if (i === j) return 0;
    return mode === 'rook' ? Number(dr + dc === 1) : Number(dr <= 1 && dc <= 1);
  }));
}

describe('spatial weights', () => {
  it('queen and rook contiguity from shared vertices / edges', () => {
    for (const mode of ['queen', 'rook'] as const) {
      const w = contiguityWeights(squares, mode);
      const d = dense(mode);
      w.neighbours.forEach((nb, i) => expect(nb).toEqual(d[i].map((v, j) => (v ? j : -1)).filter((j) => j >= 0)));
    }
  });
});

describe('Gi* without permutations', () => {
  it('classes follow Benjamini–Hochberg over the normal p-values of z (ESRI-style emerging hot spots)', () => {
    const res = giStar(x, contiguityWeights(squares, 'queen'), { permutations: 0, seed: 1, fdr: 0.05 });
    // two-sided normal p from z, computed here with the complementary error function series
    const erfc = (v: number) => { const t = 1 / (1 + 0.5 * v); return t * Math.exp(-v * v - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))); };
    const ps = res.map((r) => erfc(Math.abs(r.z) / Math.SQRT2));
    res.forEach((r, i) => expect(r.p).toBeCloseTo(ps[i], 6));
    const q = benjaminiHochberg(ps);
    res.forEach((r, i) => {
      expect(r.q).toBeCloseTo(q[i], 6);
      expect(r.cls).toBe(q[i] <= 0.05 ? (r.z > 0 ? 'hot' : 'cold') : 'ns');
    });
    expect(res[0].cls).toBe('hot');
  });
});

describe('Getis–Ord Gi* and Moran’s I match their formulas (1e-6)', () => {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  it('Gi*', () => {
    const d = dense('queen');
    const s = Math.sqrt(x.reduce((a, b) => a + b * b, 0) / n - mean * mean);
    const res = giStar(x, contiguityWeights(squares, 'queen'), { permutations: 199, seed: 2, fdr: 0.05 });
    for (let i = 0; i < n; i++) {
      const w = d[i].map((v, j) => (j === i ? 1 : v));
      const sw = w.reduce((a, b) => a + b, 0);
      const sw2 = w.reduce((a, b) => a + b * b, 0);
      const num = w.reduce((a, v, j) => a + v * x[j], 0) - mean * sw;
      const gi = num / (s * Math.sqrt((n * sw2 - sw * sw) / (n - 1)));
      expect(res[i].z).toBeCloseTo(gi, 6);
    }
    expect(res[0].cls).toBe('hot');
    expect(res[15].cls).not.toBe('hot');
    expect(res.every((r) => r.pseudoP > 0 && r.pseudoP <= 1)).toBe(true);
  });

  it('global and local Moran’s I (row-standardised)', () => {
    const d = dense('rook').map((row) => { const s = row.reduce((a, b) => a + b, 0); return row.map((v) => v / s); });
    const z = x.map((v) => v - mean);
    const m2 = z.reduce((a, b) => a + b * b, 0) / n;
    const s0 = d.flat().reduce((a, b) => a + b, 0);
    let num = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) num += d[i][j] * z[i] * z[j];
    const I = (n / s0) * num / z.reduce((a, b) => a + b * b, 0);
    let s1 = 0; let s2 = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s1 += (d[i][j] + d[j][i]) ** 2;
    s1 /= 2;
    for (let i = 0; i < n; i++) s2 += (d[i].reduce((a, b) => a + b, 0) + d.reduce((a, row) => a + row[i], 0)) ** 2;
    const e = -1 / (n - 1);
    const v = (n * n * s1 - n * s2 + 3 * s0 * s0) / ((n * n - 1) * s0 * s0) - e * e;
    const w = rowStandardise(contiguityWeights(squares, 'rook'));
    const g = globalMoran(x, w, 199, 4);
    expect(g.I).toBeCloseTo(I, 6);
    expect(g.variance).toBeCloseTo(v, 6);
    expect(g.z).toBeCloseTo((I - e) / Math.sqrt(v), 6);
    expect(g.I).toBeGreaterThan(0);
    const local = localMoran(x, w, { permutations: 199, seed: 4, alpha: 0.05, fdr: false });
    for (let i = 0; i < n; i++) expect(local[i].I).toBeCloseTo((z[i] / m2) * d[i].reduce((a, wij, j) => a + wij * z[j], 0), 6);
    expect(local[0].quadrant).toBe('HH');
    expect(local[15].quadrant).toBe('LL');
  });
});

describe('FDR, smoothing, trend and emerging labels', () => {
  it('Benjamini–Hochberg adjusted p-values', () => {
    // sorted p: 0.01, 0.03, 0.04, 0.5 → p·n/k: 0.04, 0.06, 0.0533, 0.5 → running minimum from the top
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
    [0.04, 0.16 / 3, 0.16 / 3, 0.5].forEach((v, i) => expect(q[i]).toBeCloseTo(v, 12));
  });
  it('empirical Bayes shrinks small areas more', () => {
    const r = empiricalBayes([1, 30, 2], [2, 100, 50]);
    const b = 33 / 152;
    expect(Math.abs(r[0].smoothed - b)).toBeLessThan(Math.abs(r[0].raw - b));
    expect(r[0].shrinkage).toBeGreaterThan(r[1].shrinkage);
  });
  it('Mann–Kendall on a monotone series and with ties', () => {
    const mk = mannKendall([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(mk.s).toBe(28);
    expect(mk.variance).toBeCloseTo((8 * 7 * 21) / 18, 10);
    expect(mk.p).toBeLessThan(0.01);
    expect(mannKendall([1, 1, 2, 2]).variance).toBeCloseTo((4 * 3 * 13 - 2 * (2 * 1 * 9)) / 18, 10);
  });
  it('emerging hot-spot labels', () => {
    const f = false; const t = true;
    expect(emergingLabel([0, 0, 0, 3], [f, f, f, t])).toBe('new');
    expect(emergingLabel([0, 0, 3, 3, 3], [f, f, t, t, t])).toBe('consecutive');
    expect(emergingLabel([3, 0, 3, 0, 3], [t, f, t, f, t])).toBe('sporadic');
    expect(emergingLabel([2, 3, 4, 5, 6, 7, 8, 9, 10, 11], Array(10).fill(t))).toBe('intensifying');
    expect(emergingLabel([11, 10, 9, 8, 7, 6, 5, 4, 3, 2], Array(10).fill(t))).toBe('diminishing');
    expect(emergingLabel([3, 4, 3, 4, 3, 4, 3, 4, 3, 4], Array(10).fill(t))).toBe('persistent');
    expect(emergingLabel([3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0], [...Array(10).fill(t), f])).toBe('historical');
    expect(emergingLabel([0, 0], [f, f])).toBe('none');
  });
});
