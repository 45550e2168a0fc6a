import { describe, expect, it } from 'vitest';
import { fitGlm } from '../../../../shared/domain/surveillance/glm';
import { CHINA_HOLIDAYS, dateToDay, holidayIndex, weekdayOf } from '../../../../shared/domain/surveillance/holidays';
import { DEFAULT_BASELINE, designRow, fitBaseline } from '../../../../shared/domain/surveillance/regression';
import { negBinSf, poissonSf } from '../../../../shared/domain/surveillance/math';
import { cusum } from '../../../../shared/domain/surveillance/cusum';

describe('holiday table', () => {
  const hol = holidayIndex();
  it('knows days off, make-up working days and weekends', () => {
    expect(hol.typeOf(dateToDay('2024-02-12'))).toBe('holiday'); // Spring Festival, a Monday
    expect(hol.typeOf(dateToDay('2024-02-04'))).toBe('makeup'); // a Sunday worked
    expect(hol.typeOf(dateToDay('2019-10-12'))).toBe('makeup');
    expect(hol.typeOf(dateToDay('2020-02-01'))).toBe('holiday'); // epidemic extension
    expect(hol.typeOf(dateToDay('2025-03-08'))).toBe('weekend');
    expect(hol.typeOf(dateToDay('2025-03-10'))).toBe('workday');
    expect(hol.nameOf(dateToDay('2026-02-20'))).toBe('春节');
    expect(weekdayOf(dateToDay('2024-01-01'))).toBe(1);
  });
  it('covers 2015–2027 and every make-up day is a weekend day', () => {
    const years = new Set(CHINA_HOLIDAYS.map((h) => h.off[0].slice(0, 4)));
    for (let y = 2015; y <= 2027; y++) expect(years.has(String(y))).toBe(true);
    for (const h of CHINA_HOLIDAYS) for (const m of h.makeup) expect([0, 6]).toContain(weekdayOf(dateToDay(m)));
  });
});

describe('count regression', () => {
  it('recovers the coefficients of a log-linear mean exactly (Poisson score equations)', () => {
    const x = Array.from({ length: 70 }, (_, i) => [1, i / 70, i % 7 === 0 ? 1 : 0]);
    const beta = [1.5, 0.4, -0.7];
    const y = x.map((r) => Math.exp(r[0] * beta[0] + r[1] * beta[1] + r[2] * beta[2]));
    const fit = fitGlm(x, y, null, { family: 'poisson', ridge: 0 });
    fit.coef.forEach((b, i) => expect(b).toBeCloseTo(beta[i], 8));
    expect(fit.converged).toBe(true);
  });

  it('estimates NB over-dispersion from counts that vary more than Poisson', () => {
    const x = Array.from({ length: 200 }, () => [1]);
    const y = x.map((_, i) => (i % 2 === 0 ? 2 : 18)); // mean 10, variance 64 → α ≈ (64 − 10)/100
    const fit = fitGlm(x, y, null, { family: 'negbin' });
    expect(Math.exp(fit.coef[0])).toBeCloseTo(10, 6);
    expect(fit.alpha).toBeCloseTo(0.54 * 200 / 200, 2);
  });

  it('the baseline learns weekday and holiday effects and ignores the guard days', () => {
    const hol = holidayIndex();
    const first = dateToDay('2024-01-01');
    const counts = Array.from({ length: 120 }, (_, i) => {
      const d = first + i;
      const t = hol.typeOf(d);
      // multiplicative effects: weekend × 0.4, holiday × 0.25, a make-up weekend day works like a weekday
      const w = weekdayOf(d);
      const base = w === 0 || w === 6 ? 8 : 20;
      return t === 'holiday' ? base * 0.25 : t === 'makeup' ? 20 : base;
    });
    const m = fitBaseline({ firstDay: first, counts }, first + 100, { ...DEFAULT_BASELINE, family: 'poisson', trend: false }, hol, null);
    expect(m.kind).toBe('full');
    expect(m.expected(dateToDay('2024-04-15'))).toBeCloseTo(20, 1); // a Monday
    expect(m.expected(dateToDay('2024-04-13'))).toBeCloseTo(8, 1); // a Saturday
    expect(m.expected(dateToDay('2024-04-04'))).toBeCloseTo(5, 1); // Qingming, a Thursday
    expect(m.expected(dateToDay('2024-04-06'))).toBeCloseTo(2, 1); // Qingming, a Saturday
    expect(designRow(first, first, DEFAULT_BASELINE, hol)).toHaveLength(10);
  });

  it('tail probabilities: Poisson and negative binomial', () => {
    expect(poissonSf(5, 2)).toBeCloseTo(1 - 0.9473469826562889, 12);
    expect(negBinSf(5, 2, 0)).toBeCloseTo(poissonSf(5, 2), 12);
    expect(negBinSf(5, 2, 0.5)).toBeGreaterThan(poissonSf(5, 2));
  });

  it('CUSUM accumulates excess and restarts after an alarm', () => {
    const r = cusum([0, 1, 2, 2, 2, 0, -3], { k: 0.5, h: 4, cap: 4 });
    expect(r.map((p) => p.s)).toEqual([0, 0.5, 2, 3.5, 5, 0, 0]);
    expect(r.map((p) => p.alarm)).toEqual([false, false, false, false, true, false, false]);
  });
});
