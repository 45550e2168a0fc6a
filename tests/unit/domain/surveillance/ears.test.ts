import { describe, expect, it } from 'vitest';
import { earsC } from '../../../../shared/domain/surveillance/ears';

// A hand-made daily series with a rise at the end.
const y = [3, 5, 4, 6, 2, 4, 5, 3, 4, 6, 5, 4, 12, 15, 6, 4];

// Written out from the definitions (R surveillance::earsC), independently of the implementation.
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => { const m = mean(xs); return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)); };
const Z001 = 3.090232306167813; // qnorm(0.999)
const Z025 = 1.959963984540054; // qnorm(0.975)

describe('EARS C1 / C2 / C3 (R surveillance definitions)', () => {
  it('C1: upperbound = mean + z·sd of the 7 preceding days', () => {
    const pts = earsC(y, { method: 'C1' });
    expect(pts[0].t).toBe(7); // R's default range starts at 8 (1-based)
    for (const p of pts) {
      const ref = y.slice(p.t - 7, p.t);
      expect(p.upperbound).toBeCloseTo(mean(ref) + Z001 * sd(ref), 10);
      expect(p.alarm).toBe(y[p.t] > mean(ref) + Z001 * sd(ref));
    }
    expect(pts.filter((p) => p.alarm).map((p) => p.t)).toEqual([12, 13]);
  });

  it('C2: two guard days between the reference week and the day', () => {
    const pts = earsC(y, { method: 'C2' });
    expect(pts[0].t).toBe(9);
    for (const p of pts) {
      const ref = y.slice(p.t - 9, p.t - 2);
      expect(p.upperbound).toBeCloseTo(mean(ref) + Z001 * sd(ref), 10);
    }
    expect(pts.filter((p) => p.alarm).map((p) => p.t)).toEqual([12, 13]);
  });

  it('C3 (package code): upperbound = y_t + sd_t·(z − lag₁ − lag₂), α = 0.025 by default', () => {
    const pts = earsC(y, { method: 'C3' });
    expect(pts[0].t).toBe(11);
    const c2 = (t: number) => { const ref = y.slice(t - 9, t - 2); return (y[t] - mean(ref)) / sd(ref); };
    for (const p of pts) {
      const lag = Math.max(0, c2(p.t - 2) - 1) + Math.max(0, c2(p.t - 1) - 1);
      const ub = Math.max(0, y[p.t] + sd(y.slice(p.t - 9, p.t - 2)) * (Z025 - lag));
      expect(p.upperbound).toBeCloseTo(ub, 10);
      expect(p.alarm).toBe(y[p.t] > ub);
    }
    // the package's C3 alarms once a previous day is high, whatever today's count: days 13–15
    expect(pts.filter((p) => p.alarm).map((p) => p.t)).toEqual([13, 14, 15]);
  });

  it('C3 (Hutwagner): Σ max(0, C2 − 1) over three days against zα', () => {
    const pts = earsC(y, { method: 'C3', c3Variant: 'hutwagner' });
    const c2 = (t: number) => { const ref = y.slice(t - 9, t - 2); return (y[t] - mean(ref)) / sd(ref); };
    for (const p of pts) {
      const sum = [p.t - 2, p.t - 1, p.t].reduce((s, t) => s + Math.max(0, c2(t) - 1), 0);
      expect(p.statistic).toBeCloseTo(sum, 10);
      expect(p.alarm).toBe(sum > Z025);
    }
    expect(pts.filter((p) => p.alarm).map((p) => p.t)).toEqual([12, 13, 14, 15]);
  });

  it('minSigma bounds the sd of a flat reference window', () => {
    const flat = [2, 2, 2, 2, 2, 2, 2, 3];
    expect(earsC(flat, { method: 'C1' })[0]).toMatchObject({ upperbound: 2, alarm: true });
    const p = earsC(flat, { method: 'C1', minSigma: 1 })[0];
    expect(p.upperbound).toBeCloseTo(2 + Z001, 10);
    expect(p.alarm).toBe(false);
  });
});
