import { describe, expect, it } from 'vitest';
import { DEFAULT_SCREEN, hashOf, parseHash, SCREENS } from '../../../renderer/src/app/routes';
import { buildCategoryTree } from '../../../renderer/src/app/filter-bar/category-tree';
import { jobErrorText, errorText } from '../../../renderer/src/app/errors';
import { ApiError } from '../../../shared/api/errors';

describe('hash routes', () => {
  it('parses every screen and falls back to the default', () => {
    for (const s of SCREENS) expect(parseHash(hashOf(s))).toBe(s);
    expect(parseHash('#map')).toBe('map');
    expect(parseHash('#/alerts?x=1')).toBe('alerts');
    expect(parseHash('')).toBe(DEFAULT_SCREEN);
    expect(parseHash('#/nope')).toBe(DEFAULT_SCREEN);
  });
});

describe('category tree', () => {
  it('nests three levels by parentId and keeps orphans as roots', () => {
    const tree = buildCategoryTree([
      { id: 1, parentId: null, level: 1, name: '城市管理', count: 10 },
      { id: 11, parentId: 1, level: 2, name: '市容环境', count: 6 },
      { id: 111, parentId: 11, level: 3, name: '占道经营', count: 4 },
      { id: 2, parentId: null, level: 1, name: '市场监管', count: 3 },
      { id: 99, parentId: 42, level: 2, name: '孤儿', count: 1 },
    ]);
    expect(tree.map((n) => n.title)).toEqual(['城市管理', '市场监管', '孤儿']);
    expect(tree[0].children?.[0].children?.[0]).toMatchObject({ value: 111, title: '占道经营', count: 4 });
    expect(tree[1].children).toBeUndefined();
  });
});

describe('error texts', () => {
  it('localizes ApiErrors and wraps other errors as INTERNAL', () => {
    expect(errorText(new ApiError('NO_PROJECT'), 'en')).toBe('No project is open: create or open one first');
    expect(errorText(new Error('boom'), 'zh-CN')).toBe('内部错误：boom');
    expect(jobErrorText({ code: 'CANCELLED', message: 'x' }, 'zh-CN')).toBe('任务已取消，项目保持原状');
    expect(jobErrorText({ code: 'FILE_NOT_FOUND', message: 'raw message' }, 'en')).toBe('raw message');
    expect(jobErrorText({ code: 'INTERNAL', message: 'disk full' }, 'en')).toBe('Internal error: disk full');
  });
});
