import { describe, expect, it } from 'vitest';
import { bigramDocument, ftsMatchExpression, highlightSegments, queryTerms } from '../../../../shared/domain/text';

describe('bigram full-text documents and queries', () => {
  it('indexes overlapping bigrams per run with the run-final character', () => {
    expect(bigramDocument('小区积水', null, 'A栋')).toBe('小区 区积 积水 水 a栋 栋');
  });

  it('turns 1-, 2- and longer terms into prefix, term and phrase queries (AND)', () => {
    expect(ftsMatchExpression('水')).toBe('"水" *');
    expect(ftsMatchExpression('噪音')).toBe('"噪音"');
    expect(ftsMatchExpression('占道经营 夜间')).toBe('"占道 道经 经营" AND "夜间"');
    expect(ftsMatchExpression('  ，。 ')).toBeNull();
  });

  it('splits query terms for highlighting', () => {
    expect(queryTerms(' 噪音  扰民 噪音')).toEqual(['噪音', '扰民']);
  });

  it('highlights hits and masks personal information', () => {
    const segs = highlightSegments('噪音扰民，电话13912345678', ['噪音'], { maskPii: true });
    expect(segs).toEqual([{ text: '噪音', hit: true }, { text: '扰民，电话' }, { text: '139****5678', pii: 'mobile' }]);
    expect(highlightSegments('电话13912345678', [], { maskPii: false })[1]).toEqual({ text: '13912345678', pii: 'mobile' });
  });
});
