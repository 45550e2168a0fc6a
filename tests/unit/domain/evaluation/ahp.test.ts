import { describe, expect, it } from 'vitest';
import { ahpWeights, checkPairwiseMatrix, matrixFromUpper, SAATY_RI } from '../../../../shared/domain/evaluation';

/**
 * Published worked example 1: T. L. Saaty, "How to make a decision: The Analytic Hierarchy Process",
 * European Journal of Operational Research 48 (1990) 9–26, section "Choosing the best house": the
 * pairwise comparison matrix of the eight criteria (size of house, transportation, neighbourhood,
 * age of house, yard space, modern facilities, general condition, financing). The paper gives the
 * priority vector (.173, .054, .188, .018, .031, .036, .167, .333), λmax = 9.669, C.I. = 0.238 and
 * C.R. = 0.169 — an inconsistent matrix (CR > 0.1) the paper keeps on purpose.
 */
const HOUSE = [
  [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
  [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
  [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
  [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
  [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
  [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
  [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
  [4, 7, 5, 8, 6, 6, 2, 1],
];

/**
 * Published worked example 2: T. L. Saaty, "Decision making with the analytic hierarchy process",
 * Int. J. Services Sciences 1 (2008) 83–98, table "Which drink is consumed more in the US?": coffee,
 * wine, tea, beer, sodas, milk, water. Derived priorities (.177, .019, .042, .116, .190, .129, .327),
 * against actual consumption (.180, .010, .040, .120, .180, .140, .330).
 */
const DRINKS = [
  [1, 9, 5, 2, 1, 1, 1 / 2],
  [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
  [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [1, 9, 4, 2, 1, 2, 1 / 2],
  [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [2, 9, 9, 3, 2, 3, 1],
];

const round3 = (xs: number[]) => xs.map((x) => Math.round(x * 1000) / 1000);

describe('AHP (principal eigenvector, λmax, CI, CR)', () => {
  it('reproduces Saaty (1990), the house example: weights, λmax, CI and CR', () => {
    const r = ahpWeights(HOUSE);
    expect(round3(r.weights)).toEqual([0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]);
    expect(r.lambdaMax).toBeCloseTo(9.669, 3);
    expect(r.ci).toBeCloseTo(0.238, 3);
    expect(r.cr).toBeCloseTo(0.169, 3);
    expect(r.consistent).toBe(false);
  });

  it('reproduces Saaty (2008), the drinks example', () => {
    const r = ahpWeights(DRINKS);
    expect(round3(r.weights)).toEqual([0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327]);
    expect(r.cr).toBeLessThan(0.1);
    expect(r.consistent).toBe(true);
  });

  it('a perfectly consistent matrix gives exact ratios, λmax = n and CR = 0', () => {
    const w = [0.5, 0.3, 0.2];
    const m = w.map((a) => w.map((b) => a / b));
    const r = ahpWeights(m);
    r.weights.forEach((x, i) => expect(x).toBeCloseTo(w[i], 10));
    expect(r.lambdaMax).toBeCloseTo(3, 10);
    expect(r.cr).toBeCloseTo(0, 10);
  });

  it('uses Saaty\'s RI table and reports no CR for n ≤ 2', () => {
    expect(SAATY_RI.slice(2, 9)).toEqual([0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45]);
    const r = ahpWeights([[1, 3], [1 / 3, 1]]);
    expect(r.weights[0]).toBeCloseTo(0.75, 10);
    expect(r.cr).toBeNull();
    expect(r.consistent).toBe(true);
  });

  it('builds reciprocal matrices from the upper triangle and rejects bad ones', () => {
    const m = matrixFromUpper(3, [2, 4, 2]);
    expect(m[1][0]).toBeCloseTo(0.5);
    expect(m[2][0]).toBeCloseTo(0.25);
    expect(checkPairwiseMatrix(m)).toBeNull();
    expect(checkPairwiseMatrix([[1, 2], [2, 1]])).toEqual({ code: 'notReciprocal', row: 0, col: 1 });
    expect(checkPairwiseMatrix([[1, 0], [1, 1]])).toEqual({ code: 'nonPositive', row: 0, col: 1 });
    expect(checkPairwiseMatrix([[1, 2]])).toEqual({ code: 'notSquare' });
  });
});
