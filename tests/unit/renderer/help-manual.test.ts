import { describe, expect, it } from 'vitest';
import { joinLines, parseInline, parseMarkdown, plainText, slug, titleOf, type Block } from '../../../renderer/src/features/help/markdown';
import { blocksOf, DOC_PAGES, helpHash, helpLinkTarget, markdownOf, pageTitle, parseHelpHash, SCREEN_HELP, searchManual } from '../../../renderer/src/features/help/manual';
import { shortcutFor, shortcutRows } from '../../../renderer/src/features/help/shortcuts';
import { SCREENS } from '../../../renderer/src/app/routes';

describe('markdown reader', () => {
  it('reads headings, paragraphs with wrapped lines, lists, tables, code and quotes', () => {
    const md = [
      '# 标题 Title', '', '第一行', '第二行 and', 'more **bold** and `code`.', '',
      '- one', '- two [link](help:import#x)', '  - nested', '', '1. first', '2. second', '',
      '| A | B |', '|---|--:|', '| `a\\|b` | 2 |', '', '```math', 'K(d) = 3/(πh²)', '```', '', '> note *em*', '', '---',
    ].join('\n');
    const b = parseMarkdown(md);
    expect(b.map((x) => x.t)).toEqual(['heading', 'para', 'list', 'list', 'table', 'code', 'quote', 'rule']);
    expect(titleOf(b)).toBe('标题 Title');
    expect(plainText((b[1] as Extract<Block, { t: 'para' }>).c)).toBe('第一行第二行 and more bold and code.');
    const list = b[2] as Extract<Block, { t: 'list' }>;
    expect(list.items).toHaveLength(2);
    expect(list.items[1].c.find((n) => n.t === 'link')).toMatchObject({ href: 'help:import#x' });
    expect(list.items[1].sub[0]).toMatchObject({ t: 'list' });
    expect((b[3] as Extract<Block, { t: 'list' }>).ordered).toBe(true);
    const table = b[4] as Extract<Block, { t: 'table' }>;
    expect(table.align).toEqual([null, 'right']);
    expect(plainText(table.rows[0][0])).toBe('a|b');
    expect(b[5]).toEqual({ t: 'code', lang: 'math', v: 'K(d) = 3/(πh²)' });
  });

  it('never produces HTML nodes: tags stay text', () => {
    expect(parseInline('<script>alert(1)</script>')).toEqual([{ t: 'text', v: '<script>alert(1)</script>' }]);
    expect(joinLines(['a', 'b', '中', '文'])).toBe('a b中文');
    expect(slug('Kernel density: 核密度')).toBe('kernel-density-核密度');
  });
});

describe('the manual', () => {
  it('has every page in Chinese and English, each with a title and real content', () => {
    for (const page of DOC_PAGES) {
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(markdownOf(page, locale).length, `${locale}/${page}`).toBeGreaterThan(300);
        expect(pageTitle(page, locale), `${locale}/${page}`).not.toBe(page);
      }
      // both languages describe the same sections
      const heads = (l: 'zh-CN' | 'en') => blocksOf(page, l).filter((b) => b.t === 'heading').length;
      expect(heads('en'), page).toBe(heads('zh-CN'));
    }
  });

  it('every help: link points at an existing page', () => {
    const links: string[] = [];
    const walk = (bs: readonly Block[]) => bs.forEach((b) => {
      const inl = b.t === 'para' || b.t === 'heading' ? b.c : b.t === 'list' ? b.items.flatMap((i) => i.c) : b.t === 'table' ? [...b.head, ...b.rows.flat()].flat() : [];
      inl.forEach((n) => { if (n.t === 'link') links.push(n.href); });
      if (b.t === 'list') b.items.forEach((i) => walk(i.sub));
      if (b.t === 'quote') walk(b.c);
    });
    for (const page of DOC_PAGES) for (const l of ['zh-CN', 'en'] as const) walk(blocksOf(page, l));
    expect(links.length).toBeGreaterThan(10);
    for (const href of links.filter((h) => h.startsWith('help:'))) expect(helpLinkTarget(href, 'start'), href).not.toBeNull();
  });

  it('explains the methods the analyses use (formulas and references)', () => {
    expect(markdownOf('alerts', 'en')).toMatch(/Kulldorff/);
    expect(markdownOf('alerts', 'zh-CN')).toMatch(/CUSUM/);
    expect(markdownOf('evaluation', 'zh-CN')).toMatch(/CR = CI \/ RI\(n\)/);
    expect(markdownOf('map', 'en')).toMatch(/quartic/);
  });

  it('searches all pages and ranks by hits', () => {
    const hits = searchManual('SimHash', 'en');
    expect(hits[0].page).toBe('text');
    expect(searchManual('时区 坐标系', 'zh-CN').map((h) => h.page)).toContain('import');
    expect(searchManual('   ', 'en')).toEqual([]);
  });

  it('context help maps every screen to a page, and help hashes round-trip', () => {
    for (const s of SCREENS) expect(SCREEN_HELP[s]).toBeTruthy();
    expect(parseHelpHash(helpHash('alerts', 'Space–time clusters'))).toEqual({ page: 'alerts', anchor: 'Space–time clusters' });
    expect(parseHelpHash('#/help/nope')).toEqual({ page: 'start', anchor: null });
    expect(parseHelpHash('#/map')).toEqual({ page: 'start', anchor: null });
    expect(helpLinkTarget('#x', 'map')).toEqual({ page: 'map', anchor: 'x' });
    expect(helpLinkTarget('https://example.org', 'map')).toBeNull();
  });
});

describe('page shortcuts', () => {
  const key = (k: string, m: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) =>
    ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...m });
  it('Alt+digit switches screens in both hosts; the menu keeps its own keys in Electron', () => {
    expect(shortcutFor(key('3', { altKey: true }), { menuOwnsKeys: true, mac: false })).toEqual({ kind: 'screen', screen: SCREENS[2] });
    expect(shortcutFor(key('F1'), { menuOwnsKeys: true, mac: false })).toBeNull();
    expect(shortcutFor(key('F1'), { menuOwnsKeys: false, mac: false })).toEqual({ kind: 'contextHelp' });
    expect(shortcutFor(key('i', { ctrlKey: true }), { menuOwnsKeys: false, mac: false })).toEqual({ kind: 'import' });
    expect(shortcutFor(key('i', { ctrlKey: true }), { menuOwnsKeys: false, mac: true })).toBeNull();
    expect(shortcutFor(key(',', { metaKey: true }), { menuOwnsKeys: false, mac: true })).toEqual({ kind: 'screen', screen: 'settings' });
    expect(shortcutFor(key('a'), { menuOwnsKeys: false, mac: false })).toBeNull();
  });
  it('lists the menu shortcuts only where the menu exists', () => {
    expect(shortcutRows('browser', false).map((r) => r.action)).not.toContain('openProject');
    expect(shortcutRows('electron', true).find((r) => r.action === 'openProject')?.keys).toBe('⌘+O');
  });
});
