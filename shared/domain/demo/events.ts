/**
 * Injected events: a burst of one leaf category in one community over 1–3 weeks, with known ground
 * truth for the warning features. During the window the category's city-wide count rises to
 * `multiplier` × its normal rate, all of the extra concentrated in the event community.
 */
import { DAY_MS, type DayInfo } from './calendar';
import type { DemoCity } from './geography';
import { cumulative, type Rng } from './rng';
import type { AreaAffinity, Taxonomy } from './taxonomy';

export interface DemoEvent {
  /** 1-based event number. */
  id: number;
  cat3Code: string;
  cat3Name: string;
  leafIndex: number;
  communityIndex: number;
  districtCode: string;
  district: string;
  streetCode: string;
  street: string;
  communityCode: string;
  community: string;
  /** The residential estate at the centre of the burst. */
  estate: string;
  /** UTC epoch ms of the local midnight of the first burst day. */
  startAt: number;
  /** UTC epoch ms of the local midnight after the last burst day (exclusive). */
  endAt: number;
  startDay: number;
  days: number;
  multiplier: number;
  extraRecords: number;
  /** Extra records per day of the window (sums to extraRecords). */
  perDay: number[];
  description: string;
}

export interface EventContext {
  city: DemoCity;
  taxonomy: Taxonomy;
  days: DayInfo[];
  records: number;
  /** Expected share of a leaf among all requests of a day. */
  leafShare: (leafIndex: number, day: DayInfo) => number;
  communityCum: Record<AreaAffinity, Float64Array>;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder, deterministic). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

export function planEvents(rng: Rng, ctx: EventContext): DemoEvent[] {
  const { city, taxonomy, days, records } = ctx;
  const count = rng.int(4, 6);
  const candidates = rng.shuffled(taxonomy.leaves.filter((l) => l.burst !== null));
  const usedL2 = new Set<string>();
  const usedDistricts = new Set<string>();
  const events: DemoEvent[] = [];
  const districtName = new Map(city.districts.map((d) => [d.code, d.name]));
  const streetName = new Map(city.streets.map((s) => [s.code, s.name]));
  for (const leaf of candidates) {
    if (events.length >= count) break;
    if (usedL2.has(leaf.cat2.code)) continue;
    usedL2.add(leaf.cat2.code);
    // A community in a district without another event, drawn by the leaf's area affinity.
    let ci = rng.pickCumulative(ctx.communityCum[leaf.area]);
    for (let tries = 0; tries < 50 && usedDistricts.has(city.communities[ci].districtCode); tries++) ci = rng.pickCumulative(ctx.communityCum[leaf.area]);
    const comm = city.communities[ci];
    usedDistricts.add(comm.districtCode);
    // Start day: after 90 days of history, weighted towards the category's season.
    const duration = rng.int(7, 21);
    const lo = 90;
    const hi = days.length - duration - 14;
    const dayWeights = days.slice(lo, hi).map((d) => ctx.leafShare(leaf.index, d) ** 2);
    const startDay = lo + rng.pickCumulative(cumulative(dayWeights));
    const multiplier = Math.round(rng.range(2, 5) * 2) / 2;
    let expected = 0;
    const volTotal = days.reduce((s, d) => s + d.volume, 0);
    for (let k = 0; k < duration; k++) {
      const d = days[startDay + k];
      expected += ((records * d.volume) / volTotal) * ctx.leafShare(leaf.index, d);
    }
    const minExtra = Math.min(10, Math.ceil(records * 0.005));
    const extraRecords = Math.max(minExtra, Math.round((multiplier - 1) * expected));
    // Quick rise over three days, then a slow decline.
    const shape = Array.from({ length: duration }, (_, k) => (k < 3 ? (k + 1) / 3 : 1 - (0.65 * (k - 2)) / Math.max(1, duration - 3)));
    const district = districtName.get(comm.districtCode) ?? '';
    const street = streetName.get(comm.streetCode) ?? '';
    const estate = comm.estates[0];
    events.push({
      id: events.length + 1, cat3Code: leaf.code, cat3Name: leaf.name, leafIndex: leaf.index, communityIndex: ci,
      districtCode: comm.districtCode, district, streetCode: comm.streetCode, street,
      communityCode: comm.code, community: comm.name, estate,
      startAt: days[startDay].startMs, endAt: days[startDay].startMs + duration * DAY_MS, startDay, days: duration,
      multiplier, extraRecords, perDay: apportion(extraRecords, shape),
      description: (leaf.burst ?? '').replace('{community}', `${district}${street}${comm.name}`).replace('{estate}', estate)
        + `（合成注入事件：${days[startDay].date}起${duration}天，约为该类诉求正常量的${multiplier}倍）`,
    });
  }
  return events.sort((a, b) => a.startAt - b.startAt).map((e, i) => ({ ...e, id: i + 1 }));
}

