import { describe, expect, it } from 'vitest';
import { cyrb53, hashKey, splitCategoryPath } from '../../../../shared/domain/ingest';
import { collapse, labelKey, toHalfWidth } from '../../../../shared/domain/ingest/text';

describe('text cleanup', () => {
  it('collapses Teddy Cup scraping whitespace', () => {
    const scraped = '\n\t\t\t\t\t\t\n\t\t\t\t\t\t\tA3区大道西行便道，未管所路口至加油站路段，\n\t\t\t\t\t\t\n\t\t\t\t\t\t\t\t\t人行道包括路灯杆。\n\t\t\t\t\t\t';
    expect(collapse(scraped, true)).toBe('A3区大道西行便道，未管所路口至加油站路段，\n人行道包括路灯杆。');
    expect(collapse(scraped, false)).toBe('A3区大道西行便道，未管所路口至加油站路段， 人行道包括路灯杆。');
    expect(collapse('　　全角缩进　段落　', false)).toBe('全角缩进 段落');
    expect(collapse('a  b\r\n\r\nc', true)).toBe('a b\nc');
  });

  it('returns clean text unchanged and stays linear on pathological input', () => {
    const clean = '已经 反映 多次';
    expect(collapse(clean, true)).toBe(clean);
    const spaces = `x${' '.repeat(200_000)}y${'\t'.repeat(200_000)}`;
    const t0 = performance.now();
    expect(collapse(spaces, true)).toBe('x y');
    expect(performance.now() - t0).toBeLessThan(5000); // a quadratic scan would take minutes
  });

  it('folds width and case for label keys', () => {
    expect(toHalfWidth('ＡＢＣ１２３（）')).toBe('ABC123()');
    expect(labelKey('  Mobile   App ')).toBe('mobile app');
  });
});

describe('splitCategoryPath', () => {
  it.each([
    ['城乡建设/住房保障/物业管理', ['城乡建设', '住房保障', '物业管理']],
    ['环境保护 > 噪声污染', ['环境保护', '噪声污染']],
    ['物业管理－物业服务', ['物业管理', '物业服务']],
    ['物业管理-物业服务', ['物业管理', '物业服务']],
    ['交通→停车→违停', ['交通', '停车', '违停']],
    ['a|b|c|d|e', ['a', 'b', 'c / d / e']],
    ['Noise - Residential', ['Noise', 'Residential']],
  ])('%j → %j', (text, parts) => {
    expect(splitCategoryPath(text)).toEqual(parts);
  });

  it.each(['Metal/Household Appliances', 'e-waste', '噪声扰民', 'A/B测试', '/'])('keeps %j whole', (text) => {
    expect(splitCategoryPath(text)).toBeNull();
  });
});

describe('row hash', () => {
  it('is deterministic, 53-bit and well spread', () => {
    expect(cyrb53('留言编号')).toBe(cyrb53('留言编号'));
    expect(cyrb53('a')).not.toBe(cyrb53('b'));
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(hashKey(`row\u001f${i}\u001f2019-02-28`));
    expect(seen.size).toBe(100_000);
    for (let i = 0; i < 1000; i++) expect(cyrb53(String(i))).toBeLessThan(2 ** 53);
  });
});
