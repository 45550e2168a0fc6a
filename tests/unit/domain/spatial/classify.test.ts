import { describe, expect, it } from 'vitest';
import { classBreaks, classOf, equalIntervalBreaks, jenksBreaks, quantileBreaks } from '../../../../shared/domain/spatial/classify';
import { RAMPS, rampClasses, rampColor } from '../../../../shared/domain/spatial/ramps';

describe('classification', () => {
  it('equal intervals split the range evenly', () => {
    expect(equalIntervalBreaks([0, 3, 10, 7], 5)).toEqual([2, 4, 6, 8, 10]);
    expect(equalIntervalBreaks([4, 4], 3)).toEqual([4]);
    expect(equalIntervalBreaks([], 3)).toEqual([]);
  });

  it('quantiles put about the same number of values in each class', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const b = quantileBreaks(values, 4);
    expect(b).toEqual([25, 50, 75, 100]);
    const sizes = [0, 0, 0, 0];
    for (const v of values) sizes[classOf(v, b)]++;
    expect(sizes).toEqual([25, 25, 25, 25]);
  });

  it('natural breaks find the gaps between obvious clusters', () => {
    const values = [1, 2, 2, 3, 20, 21, 22, 50, 51, 52, 53];
    expect(jenksBreaks(values, 3)).toEqual([3, 22, 53]);
    // With as many classes as distinct values every value is its own class.
    expect(jenksBreaks([5, 1, 5, 3], 5)).toEqual([1, 3, 5]);
  });

  it('classBreaks dispatches, caps classes and samples big inputs for Jenks', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => (i < 10_000 ? i % 100 : 1000 + (i % 100)));
    const b = classBreaks(big, 'jenks', 2);
    expect(b).toHaveLength(2);
    expect(b[0]).toBeLessThan(1000);
    expect(b[1]).toBe(1099);
    expect(classBreaks([1, 2, 3], 'equal', 99).length).toBeLessThanOrEqual(12);
  });

  it('classOf puts out-of-range values in the last class', () => {
    expect(classOf(0, [1, 2])).toBe(0);
    expect(classOf(2, [1, 2])).toBe(1);
    expect(classOf(9, [1, 2])).toBe(1);
  });
});

describe('colour ramps', () => {
  it('interpolates between the ramp stops', () => {
    expect(rampColor('Blues', 0)).toBe(RAMPS.Blues[0]);
    expect(rampColor('Blues', 1)).toBe(RAMPS.Blues[RAMPS.Blues.length - 1]);
    expect(rampColor('Reds', 0.2)).toBe(RAMPS.Reds[1]);
    expect(rampClasses('YlOrRd', 3)).toEqual([RAMPS.YlOrRd[0], rampColor('YlOrRd', 0.5), RAMPS.YlOrRd[5]]);
  });
});
