import { describe, expect, it } from 'vitest';
import { gini, normalCdf, normalise, rankChange, rankScores, shannonEntropy, topShare } from '../../../../shared/domain/evaluation';

const spec = (o: Partial<Parameters<typeof normalise>[1]> = {}) => ({ direction: 'higher' as const, normalisation: 'minmax' as const, missing: 'exclude' as const, ...o });

describe('normalisation', () => {
  it('min-max maps to 0..1 and reverses for lower-is-better', () => {
    expect(normalise([10, 20, 30], spec())).toEqual([0, 0.5, 1]);
    expect(normalise([10, 20, 30], spec({ direction: 'lower' }))).toEqual([1, 0.5, 0]);
    expect(normalise([7, 7], spec())).toEqual([1, 1]);
  });

  it('z-score reports Φ(z): the mean is 0.5, symmetric values mirror', () => {
    const out = normalise([1, 2, 3], spec({ normalisation: 'zscore' })) as number[];
    expect(out[1]).toBeCloseTo(0.5, 6);
    expect(out[0] + out[2]).toBeCloseTo(1, 6);
    // z = ±1.2247 (population sd √(2/3)); Φ(1.2247) = 0.8897
    expect(out[2]).toBeCloseTo(0.8897, 3);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    const low = normalise([1, 2, 3], spec({ normalisation: 'zscore', direction: 'lower' })) as number[];
    expect(low[0]).toBeCloseTo(out[2], 10);
  });

  it('target: reaching the target scores 1, the worst observed 0; nominal: closeness to the target', () => {
    expect(normalise([50, 70, 95, 99], spec({ normalisation: 'target', target: 90 }))).toEqual([0, 0.5, 1, 1]);
    expect(normalise([2, 4, 10], spec({ normalisation: 'target', target: 4, direction: 'lower' }))).toEqual([1, 1, 0]);
    expect(normalise([2, 5, 8], spec({ normalisation: 'target', target: 5, direction: 'nominal' }))).toEqual([0, 1, 0]);
  });

  it('missing-value rules: exclude keeps null, worst scores 0, mean imputes the mean', () => {
    expect(normalise([10, null, 30], spec())).toEqual([0, null, 1]);
    expect(normalise([10, null, 30], spec({ missing: 'worst' }))).toEqual([0, 0, 1]);
    expect(normalise([10, null, 30], spec({ missing: 'mean' }))).toEqual([0, 0.5, 1]);
    expect(normalise([null, null], spec())).toEqual([null, null]);
  });
});

describe('concentration', () => {
  it('Gini: equal is 0, all-in-one of n is (n−1)/n', () => {
    expect(gini([5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 8])).toBeCloseTo(0.75, 12);
    // (1,2,3,4): Σ(2i−n−1)x = −3·1 −1·2 +1·3 +3·4 = 10; G = 10 / (4·10) = 0.25
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 12);
    expect(gini([])).toBeNull();
  });

  it('Shannon entropy in nats, and normalised by ln k', () => {
    expect(shannonEntropy([1, 1])).toBeCloseTo(Math.LN2, 12);
    expect(shannonEntropy([3, 3, 3], true)).toBeCloseTo(1, 12);
    expect(shannonEntropy([9, 0, 0], true)).toBe(0);
    expect(topShare([5, 1, 3, 1], 2)).toBeCloseTo(0.8, 12);
  });
});

describe('ranking', () => {
  it('competition ranking with ties and unranked nulls', () => {
    expect(rankScores([90, 80, 90, null, 70])).toEqual([1, 3, 1, null, 4]);
    expect(rankScores([50.0000001, 50])).toEqual([1, 1]);
  });
  it('rank change is positive when moving up', () => {
    expect(rankChange(5, 2)).toBe(3);
    expect(rankChange(1, 4)).toBe(-3);
    expect(rankChange(null, 2)).toBeNull();
  });
});
