import type { Locale } from '../../../../shared/api/errors';
import type { ScreenName } from '../../app/routes';
import { parseMarkdown, plainText, titleOf, type Block } from './markdown';

/**
 * The offline user manual: resources/help/<locale>/<page>.md, bundled into the renderer at build time
 * (so it works in Electron and browser mode alike, with no file access), plus three interactive pages.
 */
const SOURCES = import.meta.glob('../../../../resources/help/*/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Manual pages in reading order. */
export const DOC_PAGES = ['start', 'import', 'map', 'trends', 'text', 'alerts', 'evaluation', 'reports', 'audit', 'glossary', 'settings', 'desktop'] as const;
/** Pages that are components, not Markdown. */
export const TOOL_PAGES = ['shortcuts', 'logs', 'update'] as const;
export type DocPage = (typeof DOC_PAGES)[number];
export type ToolPage = (typeof TOOL_PAGES)[number];
export type HelpPage = DocPage | ToolPage;
export const DEFAULT_PAGE: HelpPage = 'start';

export function isHelpPage(x: string): x is HelpPage {
  return (DOC_PAGES as readonly string[]).includes(x) || (TOOL_PAGES as readonly string[]).includes(x);
}

export function isDocPage(x: HelpPage): x is DocPage {
  return (DOC_PAGES as readonly string[]).includes(x);
}

export function markdownOf(page: DocPage, locale: Locale): string {
  return SOURCES[`../../../../resources/help/${locale}/${page}.md`] ?? SOURCES[`../../../../resources/help/zh-CN/${page}.md`] ?? '';
}

const parsed = new Map<string, Block[]>();
export function blocksOf(page: DocPage, locale: Locale): Block[] {
  const key = `${locale}/${page}`;
  let b = parsed.get(key);
  if (!b) parsed.set(key, (b = parseMarkdown(markdownOf(page, locale))));
  return b;
}

export function pageTitle(page: DocPage, locale: Locale): string {
  return titleOf(blocksOf(page, locale)) || page;
}

/** The short name of a page for the navigation: its title up to the first colon or comma. */
export function navTitle(page: DocPage, locale: Locale): string {
  return pageTitle(page, locale).split(/[:：,，]/)[0].trim();
}

/** Pages whose text contains every word of the query (case-insensitive), with the number of hits. */
export function searchManual(query: string, locale: Locale): { page: DocPage; hits: number }[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const out: { page: DocPage; hits: number }[] = [];
  for (const page of DOC_PAGES) {
    const text = blocksText(blocksOf(page, locale)).toLowerCase();
    if (!words.every((w) => text.includes(w))) continue;
    out.push({ page, hits: words.reduce((a, w) => a + text.split(w).length - 1, 0) });
  }
  return out.sort((a, b) => b.hits - a.hits);
}

function blocksText(blocks: readonly Block[]): string {
  return blocks.map((b) => {
    switch (b.t) {
      case 'heading': case 'para': return plainText(b.c);
      case 'list': return b.items.map((i) => `${plainText(i.c)} ${blocksText(i.sub)}`).join(' ');
      case 'table': return [...b.head, ...b.rows.flat()].map(plainText).join(' ');
      case 'code': return b.v;
      case 'quote': return blocksText(b.c);
      default: return '';
    }
  }).join('\n');
}

/** The manual page that explains a screen (context help). */
export const SCREEN_HELP: Record<ScreenName, HelpPage> = {
  import: 'import', map: 'map', trends: 'trends', text: 'text', alerts: 'alerts', evaluation: 'evaluation',
  reports: 'reports', audit: 'audit', settings: 'settings', help: 'start',
};

/** `#/help/<page>` (optionally `#/help/<page>/<anchor>`) → page and anchor. */
export function parseHelpHash(hash: string): { page: HelpPage; anchor: string | null } {
  const parts = hash.replace(/^#\/?/, '').split('?')[0].split('/');
  if (parts[0] !== 'help') return { page: DEFAULT_PAGE, anchor: null };
  const page = parts[1] && isHelpPage(parts[1]) ? parts[1] : DEFAULT_PAGE;
  let anchor: string | null = null;
  try {
    anchor = parts[2] ? decodeURIComponent(parts.slice(2).join('/')) : null;
  } catch { /* keep null */ }
  return { page, anchor };
}

export function helpHash(page: HelpPage, anchor?: string | null): string {
  return `#/help/${page}${anchor ? `/${encodeURIComponent(anchor)}` : ''}`;
}

/** Opens a help page (the context-help buttons, menu Help items, `help:` links). */
export function openHelp(page: HelpPage, anchor?: string | null): void {
  const next = helpHash(page, anchor);
  if (window.location.hash !== next) window.location.hash = next;
}

/** Resolves a manual link: `help:page`, `help:page#anchor` or `#anchor` on the current page; null for others. */
export function helpLinkTarget(href: string, current: HelpPage): { page: HelpPage; anchor: string | null } | null {
  if (href.startsWith('#')) return { page: current, anchor: href.slice(1) || null };
  const m = /^help:([\w-]+)(?:#(.+))?$/.exec(href);
  if (!m || !isHelpPage(m[1])) return null;
  return { page: m[1], anchor: m[2] ?? null };
}
