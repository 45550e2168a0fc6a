import { describe, expect, it } from 'vitest';
import { entropyWeights, topsis } from '../../../../shared/domain/evaluation';

describe('entropy weight method, computed by hand', () => {
  /**
   * Three objects, two criteria (already normalised, ≥ 0):
   *   A = (1, 1, 2): p = (1/4, 1/4, 1/2); H_A = 2·(1/4)·ln 4 + (1/2)·ln 2 = 1.5·ln 2 = 1.03972
   *   B = (0, 1, 3): p = (0, 1/4, 3/4);  H_B = (1/4)·ln 4 + (3/4)·ln(4/3) = 2·ln 2 − 0.75·ln 3 = 0.56234
   * e = H / ln 3 (ln 3 = 1.09861): e_A = 0.94640, e_B = 0.51186
   * d = 1 − e: d_A = 0.05360, d_B = 0.48814; w = d / (d_A + d_B) = (0.09895, 0.90105).
   */
  it('reproduces the hand computation', () => {
    const r = entropyWeights([[1, 0], [1, 1], [2, 3]], 2);
    expect(r.entropy[0]).toBeCloseTo((1.5 * Math.LN2) / Math.log(3), 12);
    expect(r.entropy[1]).toBeCloseTo((2 * Math.LN2 - 0.75 * Math.log(3)) / Math.log(3), 12);
    expect(r.entropy[0]).toBeCloseTo(0.9464, 4);
    expect(r.entropy[1]).toBeCloseTo(0.5119, 4);
    expect(r.weights[0]).toBeCloseTo(0.09895, 4);
    expect(r.weights[1]).toBeCloseTo(0.90105, 4);
  });

  it('a criterion equal for everyone carries no weight; missing values are left out', () => {
    const r = entropyWeights([[5, 1], [5, 2], [5, null]], 2);
    expect(r.entropy[0]).toBeCloseTo(1, 12);
    expect(r.weights).toEqual([0, 1]);
  });
});

describe('TOPSIS, computed by hand', () => {
  /**
   * Three alternatives; criterion 1 a benefit, criterion 2 a cost; weights (0.5, 0.5).
   *   X = [[3, 4], [4, 0], [0, 3]]; column norms √(9+16) = 5 and √(16+9) = 5
   *   R = [[.6, .8], [.8, 0], [0, .6]];  V = 0.5·R = [[.3, .4], [.4, 0], [0, .3]]
   *   ideal best A⁺ = (max .4, min 0) = (.4, 0); ideal worst A⁻ = (0, .4)
   *   1: D⁺ = √(.1² + .4²) = √.17 = .41231, D⁻ = √(.3² + 0²) = .3  → C = .3 / .71231 = .42116
   *   2: D⁺ = 0,                            D⁻ = √(.4² + .4²) = .56569 → C = 1
   *   3: D⁺ = √(.4² + .3²) = .5,             D⁻ = √(0² + .1²) = .1  → C = .1 / .6 = .16667
   */
  it('reproduces the hand computation', () => {
    const r = topsis([[3, 4], [4, 0], [0, 3]], [0.5, 0.5], [true, false]);
    expect(r.idealBest).toEqual([0.4, 0]);
    expect(r.idealWorst).toEqual([0, 0.4]);
    expect(r.dPlus[0]).toBeCloseTo(Math.sqrt(0.17), 12);
    expect(r.dMinus[0]).toBeCloseTo(0.3, 12);
    expect(r.closeness[0]).toBeCloseTo(0.3 / (0.3 + Math.sqrt(0.17)), 12);
    expect(r.closeness[0]).toBeCloseTo(0.42116, 5);
    expect(r.closeness[1]).toBeCloseTo(1, 12);
    expect(r.closeness[2]).toBeCloseTo(1 / 6, 12);
  });

  it('weights move the closeness: all weight on the cost criterion favours alternative 2 still, and 3 over 1', () => {
    const r = topsis([[3, 4], [4, 0], [0, 3]], [0, 1], [true, false]);
    // only criterion 2 counts: V2 = (.8, 0, .6); best 0, worst .8 → C = (0, 1, .25)
    expect(r.closeness[0]).toBeCloseTo(0, 12);
    expect(r.closeness[2]).toBeCloseTo(0.25, 12);
  });

  it('skips missing values', () => {
    const r = topsis([[1, null], [0, 1], [null, null]], [0.5, 0.5]);
    expect(r.closeness[2]).toBeNull();
    expect(r.closeness[0]).toBeCloseTo(1, 12);
  });
});
