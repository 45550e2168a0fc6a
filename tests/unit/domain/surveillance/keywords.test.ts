import { describe, expect, it } from 'vitest';
import { keyness } from '../../../../shared/domain/surveillance/keywords';

const docs = (n: number, words: string[]) => Array.from({ length: n }, () => words);

describe('alert keywords: G² keyness over segmented documents', () => {
  it('ranks the word over-represented in the alert first and matches the 2×2 G² formula', () => {
    const target = [...docs(8, ['积水', '下水道', '小区']), ...docs(2, ['小区', '噪音'])];
    const reference = [...docs(5, ['积水', '小区']), ...docs(95, ['小区', '噪音'])];
    const k = keyness(target, reference);
    expect(k[0].term).toBe('下水道');
    expect(k.map((x) => x.term)).toContain('积水');
    // words whose rate is not higher in the target (小区: 100% vs 100%; 噪音: 20% vs 95%) are not keywords
    expect(k.map((x) => x.term)).not.toContain('小区');
    expect(k.map((x) => x.term)).not.toContain('噪音');
    // 积水: a = 8 of 10 documents, b = 5 of 100 — G² computed independently from the contingency table
    const cells = [[8, 2], [5, 95]];
    const N = 110;
    const rows = cells.map((r) => r[0] + r[1]);
    const cols = [cells[0][0] + cells[1][0], cells[0][1] + cells[1][1]];
    let g2 = 0;
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) g2 += 2 * cells[i][j] * Math.log(cells[i][j] / ((rows[i] * cols[j]) / N));
    expect(k.find((x) => x.term === '积水')!.score).toBeCloseTo(g2, 9);
    expect(k.find((x) => x.term === '积水')!.count).toBe(8);
  });

  it('counts a word once per document and needs it in at least two documents', () => {
    const k = keyness([['漏水', '漏水', '漏水'], ['楼道']], docs(20, ['楼道']));
    expect(k).toEqual([]);
  });

  it('keeps only the top n', () => {
    const target = docs(5, ['a1', 'a2', 'a3', 'a4']);
    expect(keyness(target, docs(5, ['z']), 2)).toHaveLength(2);
  });
});
