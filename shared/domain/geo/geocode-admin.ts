/**
 * Offline geocoding with the administrative gazetteer: the layers' place names are matched first (the
 * most specific level wins); the county and township the text names (GB/T 2260) are recognised and
 * recorded; where no layer feature matched anything more specific than the district, the record falls
 * back to the street / district polygon of a loaded layer that has the recognised division's code or
 * name (method 'gazetteer', lower confidence). The recognised names fill a record's empty
 * district / street text.
 */
import { addressSegments, normaliseText, regexPrefixStripper } from './address';
import { adminShortName, displayName, type AdminDivision } from './gazetteer';
import type { AdminMatcher, AdminRecognition } from './gazetteer-match';
import { Gazetteer, type AreaPlace, type GeocodeHit, type PlaceInput } from './geocode';

/** Confidence of a gazetteer fallback: below a direct name match of the same polygon (street 0.5, district 0.25). */
export const GAZETTEER_CONFIDENCE = { street: 0.4, district: 0.2 } as const;

export interface AdminGeocodeResult {
  hit: GeocodeHit | null;
  /** Most specific recognised division code (township, else county), or null. */
  adminCode: string | null;
  /** Names for the record's district / street text when it has none. */
  fill: { district: string | null; street: string | null };
}

function digits(code: string | null): string | null {
  const d = code?.replace(/\s/g, '') ?? '';
  return /^\d+$/.test(d) ? d : null;
}

/** Finds the district / street polygon of a division: same code (trailing zeros ignored), else one polygon of that name. */
export class AreaLinker {
  private readonly byCode = new Map<string, AreaPlace>();
  private readonly byName = new Map<string, AreaPlace[]>();

  constructor(places: readonly AreaPlace[]) {
    for (const p of places) {
      const c = digits(p.code);
      if (c) this.byCode.set(`${p.level}:${c.replace(/0+$/, '')}`, p);
      const keys = new Set([normaliseText(p.name), adminShortName(p.name, p.level === 'district' ? 'county' : 'township')]);
      for (const k of keys) if (k) this.byName.set(`${p.level}:${k}`, [...(this.byName.get(`${p.level}:${k}`) ?? []), p]);
    }
  }

  link(d: AdminDivision): AreaPlace | null {
    const level = d.level === 'county' ? 'district' : d.level === 'township' ? 'street' : null;
    if (!level) return null;
    const c = digits(d.code);
    const byCode = c ? this.byCode.get(`${level}:${c.replace(/0+$/, '')}`) : undefined;
    if (byCode) return byCode;
    const keys = [normaliseText(d.name), normaliseText(displayName(d)), adminShortName(d.name, d.level)];
    for (const k of keys) {
      const list = k ? this.byName.get(`${level}:${k}`) : undefined;
      if (list && new Set(list.map((p) => p.id)).size === 1) return list[0];
    }
    return null;
  }
}

export class AdminGeocoder {
  private readonly linker: AreaLinker;
  readonly places: Gazetteer;

  constructor(inputs: readonly PlaceInput[], private readonly admin: AdminMatcher | null) {
    const strip = admin ? (t: string) => { const s = admin.stripPrefix(t); return s !== t ? s : regexPrefixStripper(t); } : regexPrefixStripper;
    this.places = new Gazetteer(inputs, { strip });
    this.linker = new AreaLinker(this.places.areaPlaces());
  }

  get size(): number { return this.places.size; }

  private recognise(text: string): AdminRecognition | null {
    if (!this.admin || !text) return null;
    const r = this.admin.recognise(addressSegments(text).map((s) => this.admin!.stripPrefix(s)));
    return r.code ? r : null;
  }

  /** Geocodes one record: `primary` the structured text (district|street|community|address), `secondary` title|content. */
  locate(primary: string, secondary = ''): AdminGeocodeResult {
    let hit = this.places.locate(primary, secondary);
    let fromSecondary = false;
    let rec = this.recognise(primary);
    if (!rec && secondary) { rec = this.recognise(secondary); fromSecondary = rec !== null; }
    if (!rec) return { hit, adminCode: null, fill: { district: null, street: null } };
    const town = rec.township ? this.linker.link(rec.township) : null;
    const county = rec.county ? this.linker.link(rec.county) : null;
    const coarse = !hit || hit.level === 'district';
    const target = town ?? (hit ? null : county);
    if (coarse && target && (!hit || target.level === 'street')) {
      const level = target.level === 'street' ? 'street' : 'district';
      const confidence = GAZETTEER_CONFIDENCE[level] * (fromSecondary ? 0.85 : 1);
      hit = { placeId: target.id, level, lon: target.point[0], lat: target.point[1], confidence: Math.round(confidence * 1000) / 1000, method: 'gazetteer', name: target.name };
    }
    return {
      hit, adminCode: rec.code,
      fill: { district: rec.county ? county?.name ?? displayName(rec.county) : null, street: rec.township ? town?.name ?? displayName(rec.township) : null },
    };
  }
}
