/** Types and builders of the compact taxonomy data (see taxonomy-data-*.ts). */

/** Hotline codes: the general 12345 line and its sister lines. */
export type LineCode = '12345' | '12315' | '12333' | '12320' | '12369' | '12366' | '12358';

/** Seasonal profiles; monthly curves live in calendar.ts. */
export type Season = 'flat' | 'summer' | 'winter' | 'rainy' | 'spring' | 'school' | 'yearend' | 'tax' | 'harvest' | 'holiday';

/** p = problem/complaint, c = consultation, s = suggestion, r = report (举报), h = help (求助), g = praise (表扬). */
export type LeafKind = 'p' | 'c' | 's' | 'r' | 'h' | 'g';

/** Where a category tends to occur: dense old town, outer/rural districts, or anywhere. */
export type AreaAffinity = 'urban' | 'rural' | 'any';

/** How a request text is anchored: the caller's home (estate or road), a road/shop, or no place (personal matters). */
export type Anchor = 'home' | 'road' | 'self';

export interface LeafSpec {
  name: string;
  kind: LeafKind;
  anchor: Anchor;
  /** Issue clauses; for kind 'c' the object of 咨询, otherwise a clause that follows a place. */
  phrases: string[];
  weight: number;
  season?: Season;
  /** Chinese description template of an injected burst ({community}, {estate}); only burst-capable leaves. */
  burst?: string;
}

export interface L2Spec {
  name: string;
  /** Department key: 'd:xxx' = district bureau (区xxx), 's:' = the street office, otherwise a municipal body. */
  dept: string;
  weight: number;
  season: Season;
  area: AreaAffinity;
  /** Share of requests arriving on sister lines; the rest comes through 12345. */
  lines: Partial<Record<LineCode, number>>;
  leaves: LeafSpec[];
}

export interface L1Spec {
  name: string;
  weight: number;
  /** Reply sentences a department uses when closing requests of this class. */
  replies: string[];
  children: L2Spec[];
}

/**
 * A leaf: `lf('电梯故障', 'p', '电梯经常故障停运|…', 2, 'summer')`. `phrases` is '|'-separated;
 * `kind` is a LeafKind optionally followed by '>' (anchored on a road or shop) or '-' (no place).
 */
export function lf(name: string, kind: string, phrases: string, weight = 1, season?: Season, burst?: string): LeafSpec {
  const anchor: Anchor = kind[1] === '>' ? 'road' : kind[1] === '-' ? 'self' : 'home';
  return { name, kind: kind[0] as LeafKind, anchor, phrases: phrases.split('|'), weight, season, burst };
}

export function l2(
  name: string, dept: string, weight: number, leaves: LeafSpec[],
  opts: { season?: Season; area?: AreaAffinity; lines?: Partial<Record<LineCode, number>> } = {},
): L2Spec {
  return { name, dept, weight, leaves, season: opts.season ?? 'flat', area: opts.area ?? 'any', lines: opts.lines ?? {} };
}

export function l1(name: string, weight: number, replies: string, children: L2Spec[]): L1Spec {
  return { name, weight, replies: replies.split('|'), children };
}
