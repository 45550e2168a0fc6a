import { describe, expect, it } from 'vitest';
import { ahpWeights, defaultScheme, findNode, validateScheme, type GroupNode } from '../../../shared/domain/evaluation';
import { addChild, moveNode, removeNode } from '../../../renderer/src/features/evaluation/tree-ops';
import { periodOptions } from '../../../renderer/src/features/evaluation/run/periods';
import { distributionOption, radarDimensions } from '../../../renderer/src/features/evaluation/results/chart-options';

describe('scheme editor tree operations', () => {
  it('adding and removing a child keeps the AHP matrix the size of the children, and the scheme valid', () => {
    const s = defaultScheme();
    const added = addChild(s, 'overall', 'indicator', { zh: '', en: '' });
    const root = added.scheme.root;
    expect(root.children).toHaveLength(4);
    expect(root.weighting.matrix).toHaveLength(4);
    expect(root.weighting.matrix!.every((r) => r.length === 4)).toBe(true);
    expect(validateScheme(added.scheme)).toEqual([]);
    const back = removeNode(added.scheme, added.id);
    expect(back.root.weighting.matrix).toEqual(s.root.weighting.matrix);
    expect(removeNode(s, 'overall')).toBe(s);
  });

  it('moving a child permutes the matrix with it: the same weights follow the same children', () => {
    const s = defaultScheme();
    const before = ahpWeights(s.root.weighting.matrix!).weights; // response, conduct, resolution
    const moved = moveNode(s, 'resolution', -1);
    expect(moved.root.children.map((c) => c.id)).toEqual(['response', 'resolution', 'conduct']);
    const after = ahpWeights(moved.root.weighting.matrix!).weights;
    expect(after[1]).toBeCloseTo(before[2], 12);
    expect(after[2]).toBeCloseTo(before[1], 12);
    expect(moveNode(s, 'response', -1)).toBe(s);
  });

  it('a new dimension gets one indicator with an unused id', () => {
    const { scheme, id } = addChild(defaultScheme(), 'solved', 'group', { zh: '维度', en: 'Dimension' });
    const g = findNode(scheme.root, id) as GroupNode;
    expect(g.children).toHaveLength(1);
    expect(validateScheme(scheme)).toEqual([]);
  });
});

describe('results helpers', () => {
  it('period options cover the data years, newest first, with halves, quarters and months', () => {
    const opts = periodOptions(Date.UTC(2023, 0, 5), Date.UTC(2024, 5, 1));
    expect(opts[0]).toBe('2024');
    expect(opts).toContain('2023-Q4');
    expect(opts).toContain('2023-H1');
    expect(opts).toContain('2024-12');
    expect(opts.at(-1)).toBe('all');
    expect(periodOptions(null, null)).toEqual([]);
  });

  it('radar shows the six dimensions of the default scheme; the histogram counts scores in 10-point bins', () => {
    expect(radarDimensions(defaultScheme().root).map((d) => d.id)).toEqual(
      ['responseCycle', 'crisis', 'demandVolume', 'demandDistribution', 'policyExecution', 'solved', 'satisfaction']);
    const obj = (key: string, score: number | null) => ({ key, score, records: 1, eligible: score !== null, rank: null, rankChange: null, scores: {}, raw: {}, counts: {}, stability: { minRank: null, maxRank: null, maxShift: 0, stability: 0 } });
    const opt = distributionOption([obj('a', 5), obj('b', 95), obj('c', 100), obj('d', null)], 'b', 'n') as { series: { data: { value: number }[] }[] };
    const counts = opt.series[0].data.map((d) => d.value);
    expect(counts[0]).toBe(1);
    expect(counts[9]).toBe(2);
    expect(counts.reduce((s, x) => s + x, 0)).toBe(3);
  });
});
