/**
 * Address text against the administrative gazetteer: strips the province / city prefix of an
 * address segment by gazetteer names (广东省深圳市…, 广东深圳南山区…) and recognises the county
 * (district) and township (街道/镇/乡) it names, with their codes.
 *
 * Full names count anywhere in a segment. Short forms (南山, 南头) count only where an address puts
 * names in a row — at the start of a segment or right after a recognised name — so 南山路 or 深圳湾
 * are not taken for 南山区 or 深圳市.
 */
import { MultiMatcher, longestMatches, normaliseText } from './address';
import { AdminIndex, adminShortName, type AdminDivision } from './gazetteer';

type Names = Map<string, AdminDivision[]>;

function addName(m: Names, key: string | null, d: AdminDivision): void {
  if (!key || key.length < 2) return;
  const list = m.get(key);
  if (!list) m.set(key, [d]); else if (!list.includes(d)) list.push(d);
}

/** After a full city name, these characters mean a word like 市场, 市民, 市政 — not the city. */
const NOT_CITY_END = /^[场民政区中长委属内外级]/;

export interface AdminRecognition { county: AdminDivision | null; township: AdminDivision | null; code: string | null }

export interface AdminMatcherOptions {
  /** The project's region (province, city or county code); null: no county/township recognition beyond `always`. */
  region: string | null;
  /** Divisions recognised whatever the region (a user's own list). */
  always?: ReadonlySet<string>;
}

export class AdminMatcher {
  private readonly full: Names = new Map();
  private readonly short: Names = new Map();
  private readonly prefixFull: Names = new Map();
  private readonly prefixShort: Names = new Map();
  private readonly maxLen = new Map<Names, number>();
  /** Every full county / township name at once (Aho–Corasick), for names anywhere in long texts. */
  private readonly fullScan = new MultiMatcher();
  private readonly fullKeys: string[] = [];
  readonly size: number;

  constructor(private readonly index: AdminIndex, opts: AdminMatcherOptions) {
    const region = opts.region ? index.get(opts.region) : null;
    const ancestors = region ? index.chain(region.code) : [];
    let n = 0;
    // Whether a division lies in the region, memoised by parent (one walk per parent, not per division).
    const memo = new Map<string, boolean>();
    const inside = (d: AdminDivision, depth = 0): boolean => {
      if (!region || d.code === region.code) return d === region;
      if (!d.parent || depth > 8) return false;
      let v = memo.get(d.parent);
      if (v === undefined) { const p = index.get(d.parent); v = p ? inside(p, depth + 1) : false; memo.set(d.parent, v); }
      return v;
    };
    for (const d of index.divisions) {
      if (d.level === 'province' || d.level === 'city') {
        // Prefixes: the region's own province and city; without a region, every one (full names, short ones only before a child's name).
        if (!region || ancestors.includes(d)) { addName(this.prefixFull, normaliseText(d.name), d); addName(this.prefixShort, adminShortName(d.name, d.level), d); }
        continue;
      }
      const inScope = inside(d) || opts.always?.has(d.code);
      if (!inScope) continue;
      n++;
      addName(this.full, normaliseText(d.name), d);
      addName(this.short, adminShortName(d.name, d.level), d);
      if (d.level === 'township' && d.name.endsWith('办事处')) addName(this.full, normaliseText(d.name.slice(0, -3)), d);
    }
    this.size = n;
    for (const m of [this.full, this.short, this.prefixFull, this.prefixShort]) {
      let max = 0;
      for (const k of m.keys()) max = Math.max(max, k.length);
      this.maxLen.set(m, max);
    }
    for (const k of this.full.keys()) this.fullKeys[this.fullScan.add(k)] = k;
  }

  /** The longest name of `names` starting at `pos`. */
  private at(names: Names, s: string, pos: number): { key: string; list: AdminDivision[] } | null {
    for (let len = Math.min(this.maxLen.get(names) ?? 0, s.length - pos); len >= 2; len--) {
      const key = s.substr(pos, len);
      const list = names.get(key);
      if (list) return { key, list };
    }
    return null;
  }

  /** Whether a division name (prefix, county or township; full or short) starts at `pos`. */
  private nameAt(s: string, pos: number): boolean {
    return pos < s.length && [this.prefixFull, this.prefixShort, this.full, this.short].some((m) => this.at(m, s, pos) !== null);
  }

  /** One normalised segment without its leading province / city names. */
  stripPrefix(seg: string): string {
    let pos = 0;
    for (let guard = 0; guard < 3; guard++) {
      const f = this.at(this.prefixFull, seg, pos);
      if (f && !(f.key.endsWith('市') && NOT_CITY_END.test(seg.slice(pos + f.key.length)))) { pos += f.key.length; continue; }
      const s = this.at(this.prefixShort, seg, pos);
      if (s && this.nameAt(seg, pos + s.key.length)) { pos += s.key.length; continue; }
      break;
    }
    return seg.slice(pos);
  }

  /** The county and township named in normalised, prefix-stripped segments (most specific code). */
  recognise(segments: readonly string[]): AdminRecognition {
    const counties: AdminDivision[][] = [];
    const towns: AdminDivision[][] = [];
    const take = (list: AdminDivision[]) => {
      // A name of both a county and a township (南山: 南山区, 南山街道) is read as the county.
      const c = list.filter((d) => d.level === 'county'); const t = list.filter((d) => d.level === 'township');
      if (c.length) counties.push(c); else if (t.length) towns.push(t);
    };
    for (const seg of segments) {
      // Names in a row from the start: full or short forms.
      let pos = 0;
      let prev: AdminDivision[] = [];
      while (pos < seg.length) {
        let m = this.at(this.full, seg, pos);
        if (!m) {
          const s = this.at(this.short, seg, pos);
          // A short form stands alone, before another name (南山南头…) or after its own county (台江茶亭国货路);
          // not before 社区/路 on its own (沙河社区).
          const ok = s && (pos + s.key.length === seg.length || this.nameAt(seg, pos + s.key.length)
            || s.list.some((d) => prev.some((c) => c.level === 'county' && this.index.within(d.code, c.code))));
          if (ok) m = s;
        }
        if (!m) break;
        take(m.list); pos += m.key.length; prev = m.list;
      }
      // Full names anywhere after that.
      if (pos < seg.length && this.fullKeys.length) {
        for (const m of longestMatches(this.fullScan.search(seg.slice(pos)))) take(this.full.get(this.fullKeys[m.pattern])!);
      }
    }
    return this.resolve(counties, towns);
  }

  private resolve(counties: AdminDivision[][], towns: AdminDivision[][]): AdminRecognition {
    // A county named unambiguously somewhere, else one that a named township lies in.
    let county: AdminDivision | null = counties.find((c) => c.length === 1)?.[0] ?? null;
    const allTowns = towns.flat();
    if (!county && counties.length) {
      const fits = counties.flat().filter((c) => allTowns.some((t) => this.index.within(t.code, c.code)));
      if (new Set(fits).size === 1) county = fits[0];
    }
    let township: AdminDivision | null = null;
    const candidates = [...new Set(county ? allTowns.filter((t) => this.index.within(t.code, county!.code)) : allTowns)];
    if (candidates.length === 1) township = candidates[0];
    if (township && !county) county = this.index.chain(township.code).find((d) => d.level === 'county') ?? null;
    return { county, township, code: township?.code ?? county?.code ?? null };
  }
}
