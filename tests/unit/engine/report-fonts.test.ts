import { describe, expect, it } from 'vitest';
import { fontDir, fontFaceCss, subsetsFor } from '../../../electron/engine/services/report/fonts';

describe('report font subsets', () => {
  it('finds the Noto Sans SC files', () => {
    expect(fontDir()).not.toBeNull();
  });

  it('embeds only the subsets the text needs (latin always)', () => {
    const latin = subsetsFor('abc 123');
    expect(latin.map((s) => s.key)).toEqual(['latin']);
    const cjk = subsetsFor('宁川市12345热线');
    expect(cjk.length).toBeGreaterThan(1);
    for (const ch of '宁川市热线') {
      const cp = ch.codePointAt(0)!;
      expect(cjk.some((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b)), ch).toBe(true);
    }
    expect(cjk.length).toBeLessThan(20);
  });

  it('writes base64 woff2 @font-face rules with their unicode ranges', () => {
    const css = fontFaceCss('宁川市');
    expect(css).toMatch(/@font-face\{font-family:'Noto Sans SC'.*src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]+=*\) format\('woff2'\);unicode-range:U\+/);
    expect(css.length).toBeLessThan(fontFaceCss('宁川市热线诉求噪音停车物业').length + 1);
  });
});
