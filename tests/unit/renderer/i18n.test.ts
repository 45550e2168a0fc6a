import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/app/i18n/en';
import { zhCN } from '../../../renderer/src/app/i18n/zh-CN';

function flatten(obj: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('i18n resources', () => {
  const zh = flatten(zhCN);
  const e = flatten(en);

  it('zh-CN and en have identical key sets', () => {
    expect([...e.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('every value is a non-empty string', () => {
    for (const [lang, map] of [['zh-CN', zh], ['en', e]] as const) {
      for (const [k, v] of map) {
        expect(typeof v, `${lang}:${k}`).toBe('string');
        expect((v as string).trim(), `${lang}:${k}`).not.toBe('');
      }
    }
  });

  it('interpolation variables match between languages', () => {
    for (const [k, v] of zh) expect(vars(e.get(k) as string), k).toEqual(vars(v as string));
  });

  it('has a label for every navigation entry and screen', () => {
    for (const s of ['import', 'map', 'trends', 'text', 'alerts', 'evaluation', 'reports', 'audit', 'settings']) {
      expect(zh.has(`nav.${s}`)).toBe(true);
      expect(zh.has(`screens.${s}.title`)).toBe(true);
    }
  });
});
