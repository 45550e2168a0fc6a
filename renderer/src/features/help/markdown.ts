/**
 * A small Markdown reader for the offline manual (resources/help): enough of CommonMark/GFM for
 * documentation — headings, paragraphs, lists (one level of nesting), tables, fenced code, block quotes,
 * rules; inline code, bold, italics, links. It builds a tree that Markdown.tsx renders as React elements,
 * so the manual can never inject HTML. PURE, unit-tested.
 */
export type Inline =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'strong'; c: Inline[] }
  | { t: 'em'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] };

export type Block =
  | { t: 'heading'; level: number; id: string; c: Inline[] }
  | { t: 'para'; c: Inline[] }
  | { t: 'list'; ordered: boolean; items: { c: Inline[]; sub: Block[] }[] }
  | { t: 'table'; head: Inline[][]; align: ('left' | 'right' | 'center' | null)[]; rows: Inline[][][] }
  | { t: 'code'; lang: string; v: string }
  | { t: 'quote'; c: Block[] }
  | { t: 'rule' };

/** Heading anchors: lower-case words (CJK kept), joined by '-'. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[`*_[\]()（）「」《》:：,，.。/\\?？!！'"“”]/g, '').trim().replace(/\s+/g, '-');
}

const INLINE = /(`+)([\s\S]*?)\1|\*\*([\s\S]+?)\*\*|\*([^*\s][^*]*?)\*|\[([^\]]+)\]\(([^)\s]+)\)/;

export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let rest = src;
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) { out.push({ t: 'text', v: rest }); break; }
    if (m.index > 0) out.push({ t: 'text', v: rest.slice(0, m.index) });
    if (m[1]) out.push({ t: 'code', v: m[2].trim() });
    else if (m[3] !== undefined) out.push({ t: 'strong', c: parseInline(m[3]) });
    else if (m[4] !== undefined) out.push({ t: 'em', c: parseInline(m[4]) });
    else out.push({ t: 'link', href: m[6], c: parseInline(m[5]) });
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

/** The plain text of inline nodes (heading anchors, search). */
export function plainText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.t === 'text' || n.t === 'code' ? n.v : plainText(n.c))).join('');
}

const CJK = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/;
/** Joins wrapped lines: a space between words, none between Chinese characters. */
export function joinLines(parts: readonly string[]): string {
  return parts.reduce((acc, p) => (!acc ? p : CJK.test(acc.slice(-1)) || CJK.test(p[0] ?? '') ? acc + p : `${acc} ${p}`), '');
}

const cells = (line: string) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
const isTableRule = (line: string) => /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
const startsBlock = (line: string) => /^(#{1,6}\s|```|>|\s*([-*+]|\d+[.)])\s|\s*(-{3,}|\*{3,})\s*$)/.test(line);

export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) { i++; continue; }
    const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      const c = parseInline(h[2]);
      blocks.push({ t: 'heading', level: h[1].length, id: slug(plainText(c)), c });
      i++;
      continue;
    }
    if (line.startsWith('```')) {
      const lang = line.slice(3).trim();
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].startsWith('```')) body.push(lines[i++]);
      i++;
      blocks.push({ t: 'code', lang, v: body.join('\n') });
      continue;
    }
    if (/^\s*(-{3,}|\*{3,})\s*$/.test(line)) { blocks.push({ t: 'rule' }); i++; continue; }
    if (line.startsWith('>')) {
      const body: string[] = [];
      while (i < lines.length && lines[i].startsWith('>')) body.push(lines[i++].replace(/^>\s?/, ''));
      blocks.push({ t: 'quote', c: parseMarkdown(body.join('\n')) });
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && isTableRule(lines[i + 1])) {
      const head = cells(line).map(parseInline);
      const align = cells(lines[i + 1]).map((c) => (c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : c.startsWith(':') ? 'left' : null));
      i += 2;
      const rows: Inline[][][] = [];
      while (i < lines.length && lines[i].includes('|') && lines[i].trim()) rows.push(cells(lines[i++]).map(parseInline));
      blocks.push({ t: 'table', head, align, rows });
      continue;
    }
    const li = LIST_ITEM.exec(line);
    if (li) {
      const ordered = /\d/.test(li[2]);
      const base = li[1].length;
      const items: { c: Inline[]; sub: Block[] }[] = [];
      while (i < lines.length) {
        const m = LIST_ITEM.exec(lines[i]);
        if (m && m[1].length <= base + 1 && /\d/.test(m[2]) === ordered) {
          const text = [m[3]];
          const sub: string[] = [];
          i++;
          while (i < lines.length && lines[i].trim() && !(LIST_ITEM.exec(lines[i]) && LIST_ITEM.exec(lines[i])![1].length <= base + 1)) {
            if (/^\s{2,}/.test(lines[i]) && (LIST_ITEM.test(lines[i]) || sub.length)) sub.push(lines[i].replace(/^\s{2,4}/, ''));
            else if (startsBlock(lines[i]) && !/^\s/.test(lines[i])) break;
            else text.push(lines[i].trim());
            i++;
          }
          items.push({ c: parseInline(joinLines(text)), sub: sub.length ? parseMarkdown(sub.join('\n')) : [] });
          const next = i + 1 < lines.length ? LIST_ITEM.exec(lines[i + 1]) : null;
          if (i < lines.length && !lines[i].trim() && next && next[1].length === base && /\d/.test(next[2]) === ordered) i++;
          continue;
        }
        break;
      }
      blocks.push({ t: 'list', ordered, items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() && !(para.length && startsBlock(lines[i]))) para.push(lines[i++].trim());
    blocks.push({ t: 'para', c: parseInline(joinLines(para)) });
  }
  return blocks;
}

/** The first level-1 heading (page title). */
export function titleOf(blocks: readonly Block[]): string {
  const h = blocks.find((b): b is Extract<Block, { t: 'heading' }> => b.t === 'heading' && b.level === 1);
  return h ? plainText(h.c) : '';
}
