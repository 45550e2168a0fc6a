/**
 * Chinese address normalisation for offline matching, and a multi-pattern matcher (Aho–Corasick)
 * that finds every gazetteer name in a text in one pass.
 */

const PUNCT = /[\s\p{P}\p{S}]+/gu;
/** House numbers and unit parts: 12号, 3栋, 2单元, 501室, 8楼, 12-3, 甲1号, 三单元. */
const HOUSE = /(?:[甲乙丙丁]?[0-9零一二三四五六七八九十百]+(?:-[0-9]+)*(?:号楼|号院|号|栋|幢|座|单元|室|层|楼|弄|户))|(?:[0-9]+-[0-9]+(?:-[0-9]+)*)/g;
const PROVINCE = /^.{2,8}?(?:省|自治区|特别行政区)/;
/** A leading city (…市), not 市场/市民/市政/市区 words. */
const CITY = /^.{2,7}?(?<![超菜集夜门])市(?![场民政区中])/;

/** Full width → half width (NFKC), Latin lower-cased, whitespace and punctuation removed. */
export function normaliseText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(PUNCT, '');
}

/** Strips a segment's leading province / city names (by the administrative gazetteer when there is one). */
export type PrefixStripper = (segment: string) => string;

/** The fallback without a gazetteer: a leading …省 / …自治区 and a leading …市 (not 超市, 菜市…, 市场, 市民…). */
export const regexPrefixStripper: PrefixStripper = (t) => t.replace(PROVINCE, '').replace(CITY, '');

/** The '|'-separated parts of a record's text (district, street, community, address…), each normalised. */
export function addressSegments(s: string): string[] {
  return s.split('|').map(normaliseText).filter(Boolean);
}

/**
 * An address reduced to the part that names places: each '|'-separated part normalised, its province
 * and city prefix removed, house numbers / 栋 / 单元 / 号 removed — all replaced by a separator so
 * names do not join across them. `strip` removes prefixes (default: the …省 / …市 patterns).
 */
export function normaliseAddress(s: string, strip: PrefixStripper = regexPrefixStripper): string {
  return addressSegments(s).map((t) => strip(t).replace(HOUSE, '|')).join('|').replace(/\|+/g, '|').replace(/^\||\|$/g, '');
}

/** Generic suffixes whose removal still leaves a usable short name (银村社区 → 银村). */
const SUFFIXES: Record<string, readonly string[]> = {
  community: ['社区居委会', '居委会', '村委会', '社区', '小区'],
  street: ['街道办事处', '街道', '镇', '乡'],
  district: ['新区', '区', '县'],
};

/** The short form of a place name without its generic suffix, or null when too short to be safe. */
export function shortName(name: string, level: string): string | null {
  for (const suf of SUFFIXES[level] ?? []) {
    if (name.endsWith(suf)) {
      const core = name.slice(0, -suf.length);
      return core.length >= 2 ? core : null;
    }
  }
  return null;
}

export interface TextMatch { start: number; end: number; pattern: number }

/** Aho–Corasick automaton over UTF-16 code units. */
export class MultiMatcher {
  private readonly next: Map<number, number>[] = [new Map()];
  private fail: Int32Array = new Int32Array(1);
  private readonly out: number[][] = [[]];
  private readonly lengths: number[] = [];
  private built = false;

  /** Adds a pattern; returns its index. */
  add(pattern: string): number {
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let n = this.next[node].get(c);
      if (n === undefined) { n = this.next.length; this.next.push(new Map()); this.out.push([]); this.next[node].set(c, n); }
      node = n;
    }
    const idx = this.lengths.length;
    this.lengths.push(pattern.length);
    this.out[node].push(idx);
    this.built = false;
    return idx;
  }

  private build(): void {
    this.fail = new Int32Array(this.next.length);
    const queue: number[] = [];
    for (const n of this.next[0].values()) queue.push(n);
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi];
      for (const [c, v] of this.next[u]) {
        let f = this.fail[u];
        while (f > 0 && !this.next[f].has(c)) f = this.fail[f];
        const w = this.next[f].get(c);
        this.fail[v] = w !== undefined && w !== v ? w : 0;
        if (this.out[this.fail[v]].length) this.out[v] = this.out[v].concat(this.out[this.fail[v]]);
        queue.push(v);
      }
    }
    this.built = true;
  }

  /** Every occurrence of every pattern in the text. */
  search(text: string): TextMatch[] {
    if (!this.built) this.build();
    const res: TextMatch[] = [];
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      while (node > 0 && !this.next[node].has(c)) node = this.fail[node];
      node = this.next[node].get(c) ?? 0;
      for (const p of this.out[node]) res.push({ start: i + 1 - this.lengths[p], end: i + 1, pattern: p });
    }
    return res;
  }
}

/** Drops matches lying inside a longer match (福泉路 hides 福泉); keeps equal spans. */
export function longestMatches(ms: readonly TextMatch[]): TextMatch[] {
  return ms.filter((m) => !ms.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
}
