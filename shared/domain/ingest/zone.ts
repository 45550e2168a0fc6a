/**
 * Wall-clock time in an IANA zone → UTC instant, using Intl.DateTimeFormat for the zone rules (DST included).
 * One formatter per zone; offsets cached per UTC hour, and resolved offsets cached per local day in a
 * typed array (per local hour in a Map near transitions and outside 1900–2199), so the hot path is one
 * array load. Gaps (spring forward) resolve forward, overlaps (fall back) to the earlier
 * instant — the 'compatible' rule of Temporal and of most spreadsheets.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const CACHE_LIMIT = 200_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export interface Zone {
  /** Fixed offset in ms (UTC, '+08:00'…), or null when Intl rules apply. */
  fixed: number | null;
  fmt: Intl.DateTimeFormat | null;
  /** floor(utc / hour) → offset ms. */
  utc: Map<number, number>;
  /** floor(localWall / hour) → offset ms, only for hours away from any transition. */
  local: Map<number, number>;
  /** Offset ms per local day from 1900 (DAY0) for days away from any transition; NO_OFFSET = not known yet. */
  days: Int32Array | null;
}

/** Day number of 1900-01-01 and the days after it covered by Zone.days (to 2199). */
const DAY0 = -25567;
const NDAYS = 109_573;
const NO_OFFSET = 0x7fffffff;

const zones = new Map<string, Zone>();
let lastName = '';
let lastZone: Zone | null = null;

function fixedOffset(tz: string): number | null {
  const t = tz.trim().toUpperCase();
  if (t === 'UTC' || t === 'GMT' || t === 'Z' || t === 'ETC/UTC' || t === 'ETC/GMT') return 0;
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (!m) return null;
  const mins = Number(m[2]) * 60 + (m[3] ? Number(m[3]) : 0);
  return (m[1] === '-' ? -mins : mins) * MINUTE_MS;
}

/** The zone record for an IANA name (cached); throws RangeError for an unknown zone. */
export function zoneOf(tz: string): Zone {
  if (tz === lastName && lastZone) return lastZone;
  let z = zones.get(tz);
  if (z) { lastName = tz; lastZone = z; return z; }
  const fixed = fixedOffset(tz);
  const fmt = fixed === null
    ? new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    })
    : null;
  z = { fixed, fmt, utc: new Map(), local: new Map(), days: null };
  zones.set(tz, z);
  lastName = tz;
  lastZone = z;
  return z;
}

/** Throws a RangeError unless `tz` is a zone this module can use. */
export function assertTimeZone(tz: string): void {
  zoneOf(tz);
}

function computeOffset(fmt: Intl.DateTimeFormat, instant: number): number {
  let y = 0; let mo = 1; let d = 1; let h = 0; let mi = 0; let s = 0; let bc = false;
  for (const p of fmt.formatToParts(new Date(instant))) {
    switch (p.type) {
      case 'year': y = Number(p.value); break;
      case 'month': mo = Number(p.value); break;
      case 'day': d = Number(p.value); break;
      case 'hour': h = Number(p.value) % 24; break;
      case 'minute': mi = Number(p.value); break;
      case 'second': s = Number(p.value); break;
      case 'era': bc = p.value.startsWith('B'); break;
      default: break;
    }
  }
  if (bc) y = 1 - y;
  const wall = daysFromCivil(y, mo, d) * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + s * 1000;
  return wall - Math.floor(instant / 1000) * 1000;
}

/** UTC offset (ms, east positive) of the zone at a UTC instant. */
function offsetAt(z: Zone, instant: number): number {
  if (z.fixed !== null) return z.fixed;
  const key = Math.floor(instant / HOUR_MS);
  let o = z.utc.get(key);
  if (o === undefined) {
    const fmt = z.fmt as Intl.DateTimeFormat;
    o = computeOffset(fmt, key * HOUR_MS);
    // an hour with a transition inside (Lord Howe's half-hour shifts, historical offsets): never cached
    if (computeOffset(fmt, key * HOUR_MS + HOUR_MS - 1000) !== o) return computeOffset(fmt, instant);
    if (z.utc.size >= CACHE_LIMIT) z.utc.clear();
    z.utc.set(key, o);
  }
  return o;
}

/** UTC offset (ms) of an IANA zone at a UTC instant. */
export function zoneOffset(tz: string, instant: number): number {
  return offsetAt(zoneOf(tz), instant);
}

/** Resolve a wall-clock time given as "ms as if UTC" to the UTC instant in the zone. */
export function wallToUtc(localMs: number, tz: string): number {
  return wallToUtcIn(zoneOf(tz), localMs);
}

/** wallToUtc with the zone already resolved (hot path). */
export function wallToUtcIn(z: Zone, localMs: number): number {
  if (z.fixed !== null) return localMs - z.fixed;
  // hot path: a typed array by local day (one multiply, one load); days near a transition are never stored
  const day = Math.floor(localMs / DAY_MS);
  const i = day - DAY0;
  if (i >= 0 && i < NDAYS) {
    const days = z.days ?? (z.days = new Int32Array(NDAYS).fill(NO_OFFSET));
    const o = days[i];
    if (o !== NO_OFFSET) return localMs - o;
    const start = day * DAY_MS;
    const before = offsetAt(z, start - DAY_MS);
    if (before === offsetAt(z, start + 2 * DAY_MS)) {
      days[i] = before;
      return localMs - before;
    }
  }
  const key = Math.floor(localMs / HOUR_MS);
  const cached = z.local.get(key);
  if (cached !== undefined) return localMs - cached;
  const before = offsetAt(z, localMs - DAY_MS);
  const after = offsetAt(z, localMs + DAY_MS);
  if (before === after) {
    if (z.local.size >= CACHE_LIMIT) z.local.clear();
    z.local.set(key, before);
    return localMs - before;
  }
  const t1 = localMs - before;
  const t2 = localMs - after;
  const v1 = offsetAt(z, t1) === before;
  const v2 = offsetAt(z, t2) === after;
  if (v1 && v2) return Math.min(t1, t2); // overlap: the earlier instant
  if (v1) return t1;
  if (v2) return t2;
  return t1; // gap: read with the offset before the transition, which lands after the gap
}

/** UTC instant of a wall-clock time in an IANA zone (month 1–12). */
export function zonedTimeToUtc(y: number, m: number, d: number, h: number, mi: number, s: number, ms: number, tz: string): number {
  return wallToUtc(daysFromCivil(y, m, d) * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + s * 1000 + ms, tz);
}
