/**
 * Applies anonymisation settings to exported records, one at a time, counting what was found and
 * changed. Pure: the package salt and the random source are injected, so one salt gives the same
 * package-specific hashes and one seed the same displaced points.
 */
import { PII_KINDS, detectPii, maskValue, type PiiKind } from '../text/pii';
import { PACKAGE_COLUMNS, type PackageColumn, type PackageRecord } from './columns';
import { donutMask, gridCell, type LonLat } from './geo';
import { hmacSha256 } from './sha256';
import { TEXT_FIELDS, type AnonymiseSettings, type QuasiIdentifier, type TextField } from './settings';
import { maskAddressNumbers, scrubText } from './text';
import { coarsenTime, timeLabel } from './time';

export interface AnonymiseEnv {
  /** Package salt for the HMAC of caller hashes and ticket numbers (never written to the package). */
  salt: string;
  /** Uniform [0, 1) random numbers for donut geomasking (seeded by the caller). */
  rng: () => number;
  /** A faster HMAC-SHA256 with the same output (the engine passes Node's); defaults to the pure one. */
  hmac?: (key: string) => (message: string) => string;
}

/** Per record: the centroid of the community polygon the record lies in, when known. */
export interface RecordGeo { communityCentroid?: LonLat | null }

export interface AnonymiseStats {
  records: number;
  /** Personal information found in the text fields, per kind and per field (whatever the rule). */
  piiByKind: Record<PiiKind, number>;
  piiByField: Record<TextField, number>;
  recordsWithPii: number;
  /** Of those, the values masked, redacted or dropped with their field (the rest stayed: rule 'keep'). */
  piiRemoved: number;
  locationsMoved: number;
  locationsRemoved: number;
  callerHashesReplaced: number;
  externalIdsReplaced: number;
  timesCoarsened: number;
}

/** The columns a package written with these settings holds. */
export function keptColumns(s: AnonymiseSettings): PackageColumn[] {
  const drop = new Set<string>(s.dropColumns);
  for (const f of TEXT_FIELDS) if (s.text[f] === 'drop') drop.add(f);
  if (s.callerHash === 'drop') drop.add('caller_hash');
  if (s.callerPhone === 'drop') drop.add('caller_phone');
  if (s.location.mode === 'drop') { drop.add('lon'); drop.add('lat'); }
  return PACKAGE_COLUMNS.filter((c) => !drop.has(c.name));
}

const MAY_HOLD_PII = /[\d@０-９＠]/;

const zeroKinds = (): Record<PiiKind, number> => Object.fromEntries(PII_KINDS.map((k) => [k, 0])) as Record<PiiKind, number>;

export function emptyStats(): AnonymiseStats {
  return {
    records: 0, piiByKind: zeroKinds(), piiByField: { title: 0, content: 0, reply: 0, address: 0 }, recordsWithPii: 0, piiRemoved: 0,
    locationsMoved: 0, locationsRemoved: 0, callerHashesReplaced: 0, externalIdsReplaced: 0, timesCoarsened: 0,
  };
}

export interface Anonymiser {
  /** The anonymised copy of a record; columns the package leaves out are null. */
  apply(rec: PackageRecord, geo?: RecordGeo): PackageRecord;
  readonly stats: AnonymiseStats;
}

export function createAnonymiser(s: AnonymiseSettings, env: AnonymiseEnv): Anonymiser {
  const mac = (env.hmac ?? hmacSha256)(env.salt);
  const stats = emptyStats();
  const callerCache = new Map<string, string>();
  const kept = new Set<string>(keptColumns(s).map((c) => c.name));
  const dropped = PACKAGE_COLUMNS.map((c) => c.name).filter((c) => !kept.has(c));

  /** Detects (and counts) personal information in one text field and applies the field's rule. */
  const text = (field: TextField, v: string | null): { value: string | null; found: number } => {
    if (v === null) return { value: null, found: 0 };
    // every kind needs a digit (plates too) or an @: text without either holds none
    const spans = s.piiKinds.length && MAY_HOLD_PII.test(v) ? detectPii(v, s.piiKinds) : [];
    for (const sp of spans) stats.piiByKind[sp.kind]++;
    stats.piiByField[field] += spans.length;
    const rule = s.text[field];
    if (rule === 'keep') return { value: v, found: spans.length };
    stats.piiRemoved += spans.length;
    if (rule === 'drop') return { value: null, found: spans.length };
    const scrubbed = scrubText(v, rule, spans);
    return { value: field === 'address' && s.addressNumbers ? maskAddressNumbers(scrubbed) : scrubbed, found: spans.length };
  };

  const place = (rec: PackageRecord, geo: RecordGeo | undefined): [number | null, number | null] => {
    const { lon, lat } = rec;
    if (lon === null || lat === null || s.location.mode === 'keep') return [lon, lat];
    let out: LonLat | null;
    if (s.location.mode === 'drop') out = null;
    else if (s.location.mode === 'grid') out = gridCell(lon, lat, s.location.gridM);
    else if (s.location.mode === 'donut') out = donutMask(lon, lat, s.location.donutMinM, s.location.donutMaxM, env.rng);
    else out = geo?.communityCentroid ?? null;
    if (out) stats.locationsMoved++; else stats.locationsRemoved++;
    return out ?? [null, null];
  };

  const callerHash = (h: string): string => {
    let out = callerCache.get(h);
    if (out === undefined) {
      out = mac(`caller:${h}`).slice(0, 32);
      if (callerCache.size < 50_000) callerCache.set(h, out);
    }
    return out;
  };

  return {
    stats,
    apply(rec, geo) {
      stats.records++;
      const out: PackageRecord = { ...rec };
      let pii = 0;
      for (const f of TEXT_FIELDS) {
        const r = text(f, rec[f]);
        out[f] = r.value;
        pii += r.found;
      }
      if (pii > 0) stats.recordsWithPii++;
      [out.lon, out.lat] = place(rec, geo);
      if (out.lon === null && rec.lon !== null) out.location_status = 'none';
      if (s.time !== 'keep') {
        out.received_at = coarsenTime(rec.received_at, s.time);
        out.first_response_at = rec.first_response_at === null ? null : coarsenTime(rec.first_response_at, s.time);
        out.closed_at = rec.closed_at === null ? null : coarsenTime(rec.closed_at, s.time);
        stats.timesCoarsened++;
      }
      if (s.externalId === 'rehash') { out.external_id = mac(`ticket:${rec.source_code}:${rec.external_id}`).slice(0, 32); stats.externalIdsReplaced++; }
      if (s.callerHash === 'rehash' && rec.caller_hash !== null) { out.caller_hash = callerHash(rec.caller_hash); stats.callerHashesReplaced++; }
      if (s.callerPhone === 'mask' && rec.caller_phone !== null) out.caller_phone = maskValue('mobile', rec.caller_phone);
      for (const c of dropped) (out as Record<string, unknown>)[c] = null;
      return out;
    },
  };
}

const catLabel = (code: string | null, name: string | null) => (code === null ? null : `${code} ${name ?? ''}`.trim());

/** The quasi-identifier values of an (anonymised) record, in the order given. */
export function quasiValues(rec: PackageRecord, qis: readonly QuasiIdentifier[], s: AnonymiseSettings): (string | null)[] {
  return qis.map((q) => {
    switch (q) {
      case 'district': return rec.district;
      case 'street': return rec.street;
      case 'community': return rec.community;
      case 'department': return rec.department;
      case 'location': return rec.lon === null || rec.lat === null ? null : `${rec.lon},${rec.lat}`;
      case 'receivedAt': return timeLabel(rec.received_at, s.time);
      case 'category1': return catLabel(rec.cat1_code, rec.cat1_name);
      case 'category2': return catLabel(rec.cat2_code, rec.cat2_name);
      case 'category3': return catLabel(rec.cat3_code, rec.cat3_name);
      case 'requestType': return rec.request_type;
      case 'channel': return rec.channel;
      case 'source': return rec.source_code;
    }
  });
}
