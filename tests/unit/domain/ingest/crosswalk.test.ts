import { describe, expect, it } from 'vitest';
import { suggestCategories, type CategoryNode } from '../../../../shared/domain/ingest';

const TREE: CategoryNode[] = [
  { id: 1, name: '噪声扰民', path: ['环境保护', '噪声污染', '噪声扰民'] },
  { id: 2, name: '施工扰民', path: ['城乡建设', '建筑施工', '施工扰民'] },
  { id: 3, name: '物业服务质量', path: ['住房保障', '物业管理', '物业服务质量'] },
  { id: 4, name: '物业收费', path: ['住房保障', '物业管理', '物业收费'] },
  { id: 5, name: '物业管理', path: ['住房保障', '物业管理'] },
  { id: 6, name: '占道经营', path: ['城市管理', '市容市貌', '占道经营'] },
  { id: 7, name: '拖欠工资', path: ['劳动和社会保障', '劳动关系', '拖欠工资'] },
  { id: 8, name: 'Bulky Items', path: ['Sanitation', 'Bulky Items'] },
];

describe('suggestCategories', () => {
  it('matches names and paths exactly', () => {
    expect(suggestCategories('占道经营', TREE)[0]).toEqual({ id: 6, score: 1, method: 'exact' });
    expect(suggestCategories('住房保障/物业管理/物业收费', TREE)[0]).toEqual({ id: 4, score: 1, method: 'exact' });
    expect(suggestCategories('物业管理 > 物业收费', TREE)[0]).toEqual({ id: 4, score: 1, method: 'exact' });
    expect(suggestCategories(' bulky items ', TREE)[0]).toEqual({ id: 8, score: 1, method: 'exact' });
  });

  it('ranks near-synonyms by character similarity', () => {
    const [best, second] = suggestCategories('噪音扰民', TREE);
    expect(best.id).toBe(1);
    expect(best.method).toBe('fuzzy');
    expect(best.score).toBeGreaterThan(second.score);
    expect(second.id).toBe(2);
  });

  it('uses the label hierarchy against the tree path', () => {
    const s = suggestCategories('物业管理-物业服务', TREE);
    expect(s[0].id).toBe(3);
    expect(s.map((x) => x.id)).toContain(5);
    expect(s[0].score).toBeLessThan(1);
  });

  it('returns at most k results, best first, and nothing for unrelated labels', () => {
    expect(suggestCategories('物业', TREE, 2)).toHaveLength(2);
    const all = suggestCategories('物业', TREE, 10);
    for (let i = 1; i < all.length; i++) expect(all[i - 1].score).toBeGreaterThanOrEqual(all[i].score);
    expect(suggestCategories('量子计算', TREE)).toEqual([]);
    expect(suggestCategories('', TREE)).toEqual([]);
  });

  it('handles 500 labels × 500 leaves (its speed is a benchmark matter)', () => {
    const chars = '环境保护噪声污染城乡建设施工扰民住房物业管理服务质量收费市容交通道路停车教育医疗社会保障劳动工资拖欠供水供电燃气';
    const pick = (seed: number, len: number) => Array.from({ length: len }, (_, i) => chars[(seed * 7 + i * 13 + (seed >> 3)) % chars.length]).join('');
    const tree: CategoryNode[] = Array.from({ length: 500 }, (_, i) => ({ id: i, name: pick(i, 4), path: [pick(i + 1000, 4), pick(i + 2000, 4), pick(i, 4)] }));
    let n = 0;
    for (let l = 0; l < 500; l++) n += suggestCategories(pick(l * 3 + 1, 4 + (l % 3)), tree).length;
    expect(n).toBeGreaterThan(0);
  });
});
