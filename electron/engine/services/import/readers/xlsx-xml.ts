/**
 * The little XML the XLSX scanner needs, on strings with indexOf (no DOM, no regex per cell):
 * element names with the document's namespace prefix, attributes of one start tag, the text of a
 * shared or inline string (plain `<t>` or rich-text runs, phonetic `<rPh>` runs left out), and
 * unescaping of XML entities and of OOXML's `_xHHHH_` escapes.
 */

/** Tag strings for one namespace prefix ('' or 'x:'). */
export interface Tags {
  prefix: string;
  tOpen: string; tClose: string;
  rPhOpen: string;
}

export function tagsFor(prefix: string): Tags {
  return { prefix, tOpen: `<${prefix}t`, tClose: `</${prefix}t>`, rPhOpen: `<${prefix}rPh` };
}

/** Namespace prefix of the root element `name` ('x:' in `<x:worksheet …>`), '' when none; null when not seen yet. */
export function rootPrefix(s: string, name: string): string | null {
  const re = new RegExp(`<([A-Za-z_][\\w.-]*:)?${name}[\\s>/]`);
  const m = re.exec(s);
  return m ? m[1] ?? '' : null;
}

/** True when the character after a tag name ends the name (space, '>', '/', tab or line break). */
export function endsName(c: number): boolean {
  return c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function entity(_: string, e: string): string {
  if (e.charCodeAt(0) === 0x23) {
    const code = e.charCodeAt(1) === 0x78 || e.charCodeAt(1) === 0x58 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  }
  return ENTITY[e] ?? `&${e};`;
}

/**
 * Text content as an XML parser gives it: line ends normalised (CR LF and CR → LF, XML 1.0 § 2.11),
 * then entities and OOXML's `_xHHHH_` escapes (control characters; `_x005F_` is a literal '_') decoded.
 */
export function unescapeXml(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') >= 0) s = s.replace(/&(#[xX]?[0-9a-fA-F]+|[a-z]+);/g, entity);
  if (s.indexOf('_x') >= 0) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/**
 * Attributes of the start tag s[from, to): calls `on(nameStart, nameEnd, valueStart, valueEnd)` for
 * each (values raw, still escaped). Unquoted or broken attributes end the scan.
 */
export function eachAttribute(s: string, from: number, to: number, on: (ns: number, ne: number, vs: number, ve: number) => void): void {
  let p = from;
  for (;;) {
    while (p < to && s.charCodeAt(p) <= 0x20) p++;
    const ns = p;
    while (p < to) {
      const c = s.charCodeAt(p);
      if (c === 0x3d || c <= 0x20 || c === 0x2f || c === 0x3e) break;
      p++;
    }
    const ne = p;
    while (p < to && s.charCodeAt(p) <= 0x20) p++;
    if (p >= to || s.charCodeAt(p) !== 0x3d || ne === ns) return;
    p++;
    while (p < to && s.charCodeAt(p) <= 0x20) p++;
    const q = s.charCodeAt(p);
    if (q !== 0x22 && q !== 0x27) return;
    const ve = s.indexOf(q === 0x22 ? '"' : "'", p + 1);
    if (ve < 0 || ve > to) return;
    on(ns, ne, p + 1, ve);
    p = ve + 1;
  }
}

/** Value of attribute `name` in the start tag s[from, to), unescaped; null when absent. */
export function attribute(s: string, from: number, to: number, name: string): string | null {
  let out: string | null = null;
  eachAttribute(s, from, to, (ns, ne, vs, ve) => {
    if (out === null && ne - ns === name.length && s.startsWith(name, ns)) out = unescapeXml(s.slice(vs, ve));
  });
  return out;
}

/** Where `tag` starts in s[from, to), or -1 (for short stretches: an indexOf would run on to the end of s). */
export function tagWithin(s: string, tag: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 0x3c && s.startsWith(tag, i)) return i;
  return -1;
}

/**
 * Text of a shared string item or inline string, s[from, to): the `<t>` elements, plain or in
 * rich-text runs `<r>`, joined; phonetic runs `<rPh>` (furigana), which the schema puts after them,
 * end the text.
 */
export function stringItemText(s: string, from: number, to: number, tags: Tags): string {
  let out = '';
  let p = from;
  const tLen = tags.tOpen.length;
  for (;;) {
    const t = s.indexOf(tags.tOpen, p);
    if (t < 0 || t >= to) break;
    if (!endsName(s.charCodeAt(t + tLen))) { p = t + tLen; continue; }
    if (t > p && tagWithin(s, tags.rPhOpen, p, t) >= 0) break;
    const te = s.indexOf('>', t);
    if (te < 0 || te >= to) break;
    if (s.charCodeAt(te - 1) === 0x2f) { p = te + 1; continue; } // <t/>
    const ce = s.indexOf(tags.tClose, te);
    if (ce < 0 || ce > to) break;
    out = out.length ? out + s.slice(te + 1, ce) : s.slice(te + 1, ce);
    p = ce + tags.tClose.length;
  }
  return unescapeXml(out);
}
