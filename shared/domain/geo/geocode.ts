/**
 * Offline geocoding: a record's address and text are matched against the place names of the loaded
 * layers (and any gazetteer list). The most specific level wins (POI › community › road › street ›
 * district); coarser names found in the same text narrow the candidates (a 新村社区 inside the
 * matched street), and a road is placed on its part inside the matched street or district.
 */
import { MultiMatcher, longestMatches, normaliseAddress, normaliseText, regexPrefixStripper, shortName, type PrefixStripper } from './address';
import type { BBox, Geometry } from './geometry';
import { bboxOf, linesOf } from './geometry';
import { distanceM, pointInGeometry, pointOnSurface } from './measure';

export const PLACE_LEVELS = ['poi', 'community', 'road', 'street', 'district'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

export interface PlaceInput {
  id: number;
  name: string;
  level: PlaceLevel;
  geometry: Geometry;
  /** Other names of the same place (小区 names inside a community, former names…). */
  aliases?: readonly string[];
  /** The feature's code (e.g. a GB/T 2260 code of a district or street polygon). */
  code?: string | null;
}

/** A place as the administrative gazetteer sees it: where a district / street polygon's label point is. */
export interface AreaPlace { id: number; name: string; code: string | null; level: PlaceLevel; point: [number, number] }

interface Place extends AreaPlace { geometry: Geometry; bbox: BBox }
interface Pattern { place: number; alias: boolean }

export interface GeocodeHit {
  /** Place id (the feature id) the location comes from. */
  placeId: number;
  level: PlaceLevel;
  lon: number;
  lat: number;
  /** 0..1: the level's base confidence, lowered for short names, ambiguity and content-only matches. */
  confidence: number;
  /** e.g. 'community', 'road+street', 'street'. */
  method: string;
  /** The matched name. */
  name: string;
}

const BASE: Record<PlaceLevel, number> = { poi: 0.95, community: 0.9, road: 0.7, street: 0.5, district: 0.25 };
const RANK: Record<PlaceLevel, number> = { poi: 0, community: 1, road: 2, street: 3, district: 4 };

interface Candidate { place: Place; alias: boolean; primary: boolean }

function contains(outer: Place, inner: Place): boolean {
  const [x0, y0, x1, y1] = outer.bbox;
  if (inner.level === 'road') {
    for (const l of linesOf(inner.geometry)) for (const p of l) if (p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1 && pointInGeometry(p[0], p[1], outer.geometry)) return true;
    return false;
  }
  const [x, y] = inner.point;
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && pointInGeometry(x, y, outer.geometry);
}

/** A road's location: the mean of its vertices inside the area, else the vertex nearest the area's point. */
function roadPoint(road: Place, area: Place | null): [number, number] {
  if (!area) return road.point;
  let sx = 0; let sy = 0; let n = 0; let best = road.point; let bd = Infinity;
  for (const l of linesOf(road.geometry)) {
    for (const p of l) {
      if (pointInGeometry(p[0], p[1], area.geometry)) { sx += p[0]; sy += p[1]; n++; }
      const d = distanceM(p[0], p[1], area.point[0], area.point[1]);
      if (d < bd) { bd = d; best = [p[0], p[1]]; }
    }
  }
  return n ? [sx / n, sy / n] : best;
}

export class Gazetteer {
  private readonly places: Place[] = [];
  private readonly patterns: Pattern[] = [];
  private readonly matcher = new MultiMatcher();
  private readonly seen = new Set<string>();
  private readonly strip: PrefixStripper;

  constructor(inputs: readonly PlaceInput[], opts: { strip?: PrefixStripper } = {}) {
    this.strip = opts.strip ?? regexPrefixStripper;
    for (const p of inputs) {
      const point = pointOnSurface(p.geometry);
      const bbox = bboxOf(p.geometry);
      if (!point || !bbox) continue;
      const idx = this.places.push({ id: p.id, name: p.name, code: p.code ?? null, level: p.level, geometry: p.geometry, bbox, point }) - 1;
      const full = normaliseText(p.name);
      if (full.length >= 2) this.addPattern(full, idx, false);
      const short = shortName(full, p.level);
      if (short) this.addPattern(short, idx, true);
      for (const a of p.aliases ?? []) { const n = normaliseText(a); if (n.length >= 2) this.addPattern(n, idx, true); }
    }
  }

  get size(): number { return this.places.length; }

  /** The district and street places (for the administrative gazetteer's fallback). */
  areaPlaces(): AreaPlace[] {
    return this.places.filter((p) => p.level === 'district' || p.level === 'street').map(({ id, name, code, level, point }) => ({ id, name, code, level, point }));
  }

  private addPattern(text: string, place: number, alias: boolean): void {
    const key = `${text}\u0000${place}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.patterns[this.matcher.add(text)] = { place, alias };
  }

  private candidates(text: string, primary: boolean): Candidate[] {
    const t = normaliseAddress(text, this.strip);
    return longestMatches(this.matcher.search(t)).map((m) => ({ place: this.places[this.patterns[m.pattern].place], alias: this.patterns[m.pattern].alias, primary }));
  }

  /**
   * Geocodes one record. `primary` is the structured text (district, street, community, address);
   * `secondary` the free text (title, content), used where the primary text names nothing.
   */
  locate(primary: string, secondary = ''): GeocodeHit | null {
    let cands = this.candidates(primary, true);
    if (secondary && !cands.some((c) => RANK[c.place.level] <= RANK.road)) cands = cands.concat(this.candidates(secondary, false));
    if (!cands.length) return null;
    const byLevel = new Map<PlaceLevel, Candidate[]>();
    for (const c of cands) {
      const list = byLevel.get(c.place.level) ?? [];
      if (!list.some((x) => x.place === c.place)) list.push(c);
      byLevel.set(c.place.level, list);
    }
    // Narrow from coarse to fine: each level keeps the candidates inside a kept coarser place.
    let context: Candidate[] = [];
    const kept = new Map<PlaceLevel, Candidate[]>();
    for (const level of ['district', 'street', 'community', 'road', 'poi'] as const) {
      let list = byLevel.get(level) ?? [];
      if (list.length && context.length) {
        const inside = list.filter((c) => context.some((o) => contains(o.place, c.place)));
        if (inside.length) list = inside;
      }
      if (list.some((c) => c.primary)) list = list.filter((c) => c.primary);
      if (list.length > 1 && list.some((c) => !c.alias)) list = list.filter((c) => !c.alias);
      kept.set(level, list);
      if (list.length && level !== 'road' && level !== 'poi') context = list;
    }
    const level = PLACE_LEVELS.find((l) => (kept.get(l) ?? []).length > 0)!;
    const list = kept.get(level)!;
    const area = level === 'road' ? (kept.get('street')?.[0] ?? kept.get('district')?.[0] ?? null) : null;
    const areaIsUnique = area !== null && (kept.get(area.place.level)?.length ?? 0) === 1;
    const anchor = context.length && context[0].place.level !== level ? context[0].place.point : null;
    let chosen = list[0];
    if (list.length > 1 && anchor) {
      let bd = Infinity;
      for (const c of list) { const d = distanceM(c.place.point[0], c.place.point[1], anchor[0], anchor[1]); if (d < bd) { bd = d; chosen = c; } }
    }
    const [lon, lat] = level === 'road' ? roadPoint(chosen.place, areaIsUnique ? area!.place : null) : chosen.place.point;
    let confidence = BASE[level] / list.length;
    if (level === 'road' && areaIsUnique) confidence = Math.min(0.85, confidence + 0.1);
    if (chosen.alias) confidence *= 0.9;
    if (!chosen.primary) confidence *= 0.85;
    const method = level === 'road' && areaIsUnique ? `road+${area!.place.level}` : level;
    return { placeId: chosen.place.id, level, lon, lat, confidence: Math.round(confidence * 1000) / 1000, method, name: chosen.place.name };
  }
}
