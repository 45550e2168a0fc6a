import { describe, expect, it } from 'vitest';
import { createCategoryResolver, type TreeNode } from '../../../shared/domain/taxonomy/resolve';

const tree: TreeNode[] = [
  { id: 1, parentId: null, level: 1, name: '城乡建设' },
  { id: 2, parentId: 1, level: 2, name: '物业管理' },
  { id: 3, parentId: 2, level: 3, name: '物业服务质量' },
  { id: 4, parentId: null, level: 1, name: '环境保护' },
  { id: 5, parentId: 4, level: 2, name: '噪声污染' },
  { id: 6, parentId: 5, level: 3, name: '施工噪声' },
  { id: 7, parentId: 2, level: 3, name: '其他' },
  { id: 8, parentId: 5, level: 3, name: '其他' },
];

describe('category resolver', () => {
  it('follows an exact path, at any depth', () => {
    const r = createCategoryResolver(tree, new Map());
    expect(r.resolve(['城乡建设', '物业管理', '物业服务质量'], null)).toEqual({ cat1: 1, cat2: 2, cat3: 3, method: 'path' });
    expect(r.resolve(['环境保护', '噪声污染', null], null)).toEqual({ cat1: 4, cat2: 5, cat3: null, method: 'path' });
  });
  it('falls back to a unique name and refuses an ambiguous one', () => {
    const r = createCategoryResolver(tree, new Map());
    expect(r.resolve([null, null, '施工噪声'], '施工噪声')).toEqual({ cat1: 4, cat2: 5, cat3: 6, method: 'name' });
    expect(r.resolve([null, null, '其他'], '其他')).toBeNull();
    expect(r.resolve(['Graffiti Removal', null, null], 'Graffiti Removal')).toBeNull();
    // a unique leaf name under a contradicting upper level is not taken
    expect(r.resolve(['市场监管', '价格', '施工噪声'], '市场监管 / 价格 / 施工噪声')).toBeNull();
    expect(r.resolve(['环境保护', '噪声', '施工噪声'], '环境保护 / 噪声 / 施工噪声')).toEqual({ cat1: 4, cat2: 5, cat3: 6, method: 'name' });
  });
  it('prefers the crosswalk, including an explicit "unmapped" entry', () => {
    const cw = new Map([['噪音扰民', { categoryId: 6 }], ['城乡建设', { categoryId: null }]]);
    const r = createCategoryResolver(tree, cw);
    expect(r.resolve(['噪音扰民', null, null], '噪音扰民')).toEqual({ cat1: 4, cat2: 5, cat3: 6, method: 'crosswalk' });
    expect(r.resolve(['城乡建设', null, null], '城乡建设')).toBeNull();
    expect(r.expand(3)).toEqual({ cat1: 1, cat2: 2, cat3: 3 });
    expect(r.expand(999)).toBeNull();
  });
});
