import { describe, expect, it } from 'vitest';
import {
  defaultScheme, evaluate, group, indicator, SchemeSchema, sensitivity, validateScheme, formatProblem, indicatorsOf, type Scheme,
} from '../../../../shared/domain/evaluation';

function scheme(root: Scheme['root'], aggregation: Scheme['aggregation'] = 'weightedSum'): Scheme {
  return { ...defaultScheme(), key: 't', root, aggregation };
}

describe('evaluate a scheme', () => {
  // Three objects; indicator a (higher better) weight 3, b (lower better) weight 1, both min-max.
  const s = scheme(group('root', '总', 'All', 1, [
    indicator('a', 'resolutionRate', 3, { missing: 'exclude' }),
    indicator('b', 'closeMedianH', 1, { missing: 'exclude' }),
  ]));

  it('weighted sum, by hand: normalise, weight, scale to 100, rank', () => {
    const out = evaluate({ scheme: s, eligible: [true, true, true], raw: { a: [90, 70, 80], b: [30, 10, 50] } });
    // a → (1, 0, .5); b lower → (.5, 1, 0); score = 100·(3a + b)/4 = (87.5, 25, 37.5)
    expect(out.norm.a).toEqual([1, 0, 0.5]);
    expect(out.norm.b).toEqual([0.5, 1, 0]);
    expect(out.scores[0]).toBeCloseTo(87.5, 10);
    expect(out.scores[1]).toBeCloseTo(25, 10);
    expect(out.scores[2]).toBeCloseTo(37.5, 10);
    expect(out.ranks).toEqual([1, 3, 2]);
    expect(out.globalWeights.a).toBeCloseTo(0.75, 12);
  });

  it('an object missing a value is scored on the rest (weights renormalised); ineligible objects are not ranked', () => {
    const out = evaluate({ scheme: s, eligible: [true, true, false], raw: { a: [0.9, 0.7, 0.8], b: [null, 10, 50] } });
    expect(out.scores[0]).toBeCloseTo(100, 10);
    expect(out.scores[2]).toBeNull();
    expect(out.ranks).toEqual([1, 2, null]);
  });

  it('an indicator nobody has is reported unavailable and its weight goes to the others', () => {
    const out = evaluate({ scheme: s, eligible: [true, true], raw: { a: [1, 0.5], b: [null, null] } });
    expect(out.unavailable).toEqual(['b']);
    expect(out.weights.root.weights).toEqual([1, 0]);
    expect(out.scores).toEqual([100, 0]);
  });

  it('TOPSIS aggregation ranks by closeness to the ideal', () => {
    const t = scheme(s.root, 'topsis');
    const out = evaluate({ scheme: t, eligible: [true, true, true], raw: { a: [0.9, 0.7, 0.8], b: [10, 50, 30] } });
    expect(out.scores[0]).toBeCloseTo(100, 10); // best on both
    expect(out.scores[1]).toBeCloseTo(0, 10); // worst on both
    expect(out.ranks).toEqual([1, 3, 2]);
  });

  it('AHP and entropy group weights are resolved and reported', () => {
    const ahp = scheme(group('root', '总', 'All', 1, [indicator('a', 'resolutionRate', 1), indicator('b', 'closeMedianH', 1)],
      { method: 'ahp', matrix: [[1, 3], [1 / 3, 1]] }));
    const o1 = evaluate({ scheme: ahp, eligible: [true, true, true], raw: { a: [0.9, 0.7, 0.8], b: [30, 10, 50] } });
    expect(o1.weights.root.weights[0]).toBeCloseTo(0.75, 10);
    const ent = scheme(group('root', '总', 'All', 1, [indicator('a', 'resolutionRate', 1), indicator('b', 'closeMedianH', 1)], { method: 'entropy' }));
    // a normalised (1, 0, .5) varies more than b (.6, 1, .8 after min-max over 10..60)? use values where b is constant
    const o2 = evaluate({ scheme: ent, eligible: [true, true, true], raw: { a: [0.9, 0.7, 0.8], b: [5, 5, 5] } });
    expect(o2.weights.root.weights).toEqual([1, 0]);
    const comb = scheme(group('root', '总', 'All', 1, [indicator('a', 'resolutionRate', 1), indicator('b', 'closeMedianH', 1)], { method: 'combined', subjective: 'manual', alpha: 0.5 }));
    const o3 = evaluate({ scheme: comb, eligible: [true, true, true], raw: { a: [0.9, 0.7, 0.8], b: [5, 5, 5] } });
    // 0.5·(.5, .5) + 0.5·(1, 0) = (.75, .25)
    expect(o3.weights.root.weights[0]).toBeCloseTo(0.75, 12);
  });
});

describe('weight sensitivity', () => {
  it('a clear leader keeps its rank; near-ties move', () => {
    const s = scheme(group('root', '总', 'All', 1, [indicator('a', 'resolutionRate', 1), indicator('b', 'satisfactionRate', 1)]));
    // object 0 best on both; 1 and 2 trade places depending on which weight grows
    const input = { scheme: s, eligible: [true, true, true, true], raw: { a: [1, 0.6, 0.4, 0], b: [1, 0.4, 0.6, 0] } };
    const base = evaluate(input);
    const r = sensitivity(input, base, 20);
    expect(r.scenarios).toHaveLength(4);
    expect(r.objects[0]).toMatchObject({ baseRank: 1, minRank: 1, maxRank: 1, stability: 1 });
    expect(r.objects[3]).toMatchObject({ baseRank: 4, maxShift: 0, stability: 1 });
    expect(base.ranks[1]).toBe(2);
    expect(r.objects[1].maxShift).toBe(1);
    expect(r.objects[1].stability).toBeLessThan(1);
  });
});

describe('the scheme model', () => {
  it('the default scheme parses, validates, and covers three pillars and six dimensions', () => {
    const d = defaultScheme();
    expect(SchemeSchema.parse(JSON.parse(JSON.stringify(d)))).toEqual(d);
    expect(validateScheme(d)).toEqual([]);
    expect(d.root.children.map((c) => c.id)).toEqual(['response', 'conduct', 'resolution']);
    const dims = d.root.children.flatMap((p) => (p.kind === 'group' ? p.children.map((c) => c.id) : []));
    for (const six of ['demandVolume', 'demandDistribution', 'responseCycle', 'crisis', 'policyExecution', 'satisfaction']) expect(dims).toContain(six);
    expect(indicatorsOf(d.root).length).toBeGreaterThanOrEqual(20);
  });

  it('flags CR > 0.1, wrong matrix sizes, duplicate ids and missing targets', () => {
    const d = defaultScheme();
    d.root.weighting = { method: 'ahp', matrix: [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]] };
    const inc = validateScheme(d);
    expect(inc).toHaveLength(1);
    expect(inc[0]).toMatchObject({ severity: 'warning', code: 'inconsistent', nodeId: 'overall' });
    expect(formatProblem(inc[0], 'en')).toMatch(/CR = \d\.\d{3} > 0\.1/);
    d.root.weighting = { method: 'ahp', matrix: [[1, 2], [0.5, 1]] };
    expect(validateScheme(d)[0]).toMatchObject({ code: 'matrixSize' });
    const bad = scheme(group('root', '总', 'All', 1, [indicator('x', 'volume', 1), indicator('x', 'volume', 1, { normalisation: 'target' })]));
    expect(validateScheme(bad).map((p) => p.code).sort()).toEqual(['duplicateId', 'targetMissing']);
  });

  it('rejects a file that is not a scheme', () => {
    expect(SchemeSchema.safeParse({ format: 'other' }).success).toBe(false);
    const d = JSON.parse(JSON.stringify(defaultScheme())) as { root: { children: { children: { metric?: string }[] }[] } };
    d.root.children[0].children[0] = { metric: 'nonsense' } as never;
    expect(SchemeSchema.safeParse(d).success).toBe(false);
  });
});
