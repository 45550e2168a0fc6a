/**
 * Streams the records of a plan day by day (memory stays flat at any record count). Within a day
 * records are ordered by receipt time; external ids count per hotline and day.
 */
import { HOUR_WEIGHTS_OFFDAY, HOUR_WEIGHTS_WORKDAY } from './calendar';
import { samplePoint } from './geography';
import { lifecycle, type RecordStatus, type SatisfactionLabel } from './lifecycle';
import type { DemoPlan } from './plan';
import { cumulative, hex8, mix32, Rng } from './rng';
import { categoryLabel, HOTLINE_SOURCES, type Leaf, type LineCode } from './taxonomy';
import { composeContent, composeReply, composeTitle, pickSpot, requestTypeOf, RETURN_REPLY, type Channel, type RequestType } from './texts';

export interface DemoRecord {
  sourceCode: string;
  externalId: string;
  receivedAt: number;
  firstResponseAt: number | null;
  closedAt: number | null;
  channel: Channel;
  requestType: RequestType;
  cat1: string;
  cat2: string;
  cat3: string;
  categoryOriginal: string;
  title: string;
  content: string;
  address: string;
  district: string;
  street: string;
  community: string;
  /** WGS-84, inside the community polygon; null for the ~15% located only by address. */
  lon: number | null;
  lat: number | null;
  /** CRS the hotline captured in (app/WeChat: gcj02, sister lines: bd09); lon/lat are already WGS-84. */
  crsOriginal: 'wgs84' | 'gcj02' | 'bd09' | null;
  locationStatus: 'coordinates' | 'none';
  department: string;
  transfers: number;
  status: RecordStatus;
  /** The hotline's own status wording (已办结, 办理中, …). */
  statusOriginal: string;
  reply: string | null;
  satisfaction: number | null;
  satisfactionLabel: SatisfactionLabel;
  callerHash: string;
  synthetic: true;
}

/** Share of requests coming from the pool of repeat callers. */
export const REPEAT_SHARE = 0.2;
const CHANNELS_12345: Channel[] = ['phone', 'wechat', 'app', 'web', 'weibo', 'email', 'other'];
const CHANNEL_CUM_12345 = cumulative([62, 14, 10, 9, 2, 1, 2]);
const CHANNELS_SISTER: Channel[] = ['phone', 'web', 'wechat'];
const CHANNEL_CUM_SISTER = cumulative([82, 12, 6]);
/** Chance that a record carries no coordinates (only an address), by channel. */
const NO_COORDS: Record<Channel, number> = { phone: 0.18, web: 0.12, app: 0.06, wechat: 0.07, weibo: 0.2, email: 0.2, other: 0.2 };

interface Caller { community: number; leaf: number; estate: number; hash: string }

function callerHash(seed: number, id: number): string {
  return hex8(mix32(seed ^ mix32(id))) + hex8(mix32(id ^ mix32(seed + 0x5bd1e995)));
}

const STATUS_ORIGINAL: Record<RecordStatus, string> = { closed: '已办结', in_progress: '办理中', open: '待受理', returned: '已退回' };

const SOURCE_INDEX = new Map<LineCode, number>(HOTLINE_SOURCES.map((s, i) => [s.line, i]));

/** All records of the plan, in time order. */
export function* generateRecords(plan: DemoPlan): Generator<DemoRecord> {
  const { city, taxonomy, days, events, places, departments, extractAt, seed } = plan;
  const leaves = taxonomy.leaves;
  const nComm = city.communities.length;
  const root = new Rng(seed);
  const r = root.fork('records');
  const baseLeafCum = cumulative(leaves.map((l) => l.frequency));
  const callerRng = root.fork('callers');
  const pool: Caller[] = [];
  const poolSize = Math.max(20, Math.round(plan.records * 0.012));
  for (let i = 0; i < poolSize; i++) {
    const leaf = callerRng.pickCumulative(baseLeafCum);
    const community = callerRng.pickCumulative(plan.communityCum[leaves[leaf].area]);
    pool.push({ community, leaf, estate: callerRng.int(0, 2), hash: callerHash(seed, i + 1) });
  }
  let nextCaller = poolSize + 1;
  const eventPools = events.map((e, k) => Array.from({ length: Math.max(3, Math.round(e.extraRecords / 4)) }, (_, i) => callerHash(seed, 2_000_000_000 + k * 1_000_000 + i)));
  const lineCum = leaves.map((l) => ({ idx: l.lines.map((x) => SOURCE_INDEX.get(x.code) ?? 0), cum: cumulative(l.lines.map((x) => x.weight)) }));
  const labels = leaves.map((l) => l.lines.map((x) => categoryLabel(l, x.code)));
  const workCum = cumulative(HOUR_WEIGHTS_WORKDAY);
  const offCum = cumulative(HOUR_WEIGHTS_OFFDAY);
  const leafWeights = new Float64Array(leaves.length);
  const seq = new Int32Array(HOTLINE_SOURCES.length);

  for (const day of days) {
    for (let i = 0; i < leaves.length; i++) leafWeights[i] = leaves[i].frequency * plan.seasonTable[leaves[i].season][day.index];
    const leafCum = cumulative(leafWeights);
    const offDay = day.kind === 'weekend' || day.kind === 'holiday';
    const hourCum = offDay ? offCum : workCum;
    const base = plan.baseCounts[day.index];
    let n = base;
    for (const e of events) if (day.index >= e.startDay && day.index < e.startDay + e.days) n += e.perDay[day.index - e.startDay];
    // Slot = receipt time * 8 + (event number, 0 for baseline): sorting orders by time.
    const slots = new Float64Array(n);
    let k = 0;
    const time = (): number => day.startMs + r.pickCumulative(hourCum) * 3600_000 + Math.floor(r.next() * 3600) * 1000;
    for (let i = 0; i < base; i++) slots[k++] = time() * 8;
    for (const e of events) {
      if (day.index < e.startDay || day.index >= e.startDay + e.days) continue;
      for (let i = 0; i < e.perDay[day.index - e.startDay]; i++) slots[k++] = time() * 8 + e.id;
    }
    slots.sort();
    seq.fill(0);
    const ymd = day.date.slice(0, 4) + day.date.slice(5, 7) + day.date.slice(8, 10);

    for (let s = 0; s < n; s++) {
      const receivedAt = Math.floor(slots[s] / 8);
      const eventId = slots[s] - receivedAt * 8;
      let leafIdx: number;
      let ci: number;
      let estateIdx = -1;
      let hash: string;
      if (eventId > 0) {
        const e = events[eventId - 1];
        leafIdx = e.leafIndex;
        ci = e.communityIndex;
        estateIdx = r.next() < 0.7 ? 0 : -1;
        hash = r.next() < 0.35 ? r.pick(eventPools[eventId - 1]) : callerHash(seed, nextCaller++);
      } else if (r.next() < REPEAT_SHARE) {
        const c = pool[Math.floor(poolSize * r.next() ** 1.5)];
        // Repeat callers mostly call about their own issue, less so out of its season.
        const own = leaves[c.leaf];
        leafIdx = r.next() < 0.7 * Math.min(1, plan.seasonTable[own.season][day.index]) ? c.leaf : r.pickCumulative(leafCum);
        ci = r.next() < 0.9 ? c.community : r.pickCumulative(plan.communityCum[leaves[leafIdx].area]);
        estateIdx = c.estate;
        hash = c.hash;
      } else {
        leafIdx = r.pickCumulative(leafCum);
        ci = r.pickCumulative(plan.communityCum[leaves[leafIdx].area]);
        hash = callerHash(seed, nextCaller++);
      }
      const leaf: Leaf = leaves[leafIdx];
      const place = places[ci];
      const estate = place.estates[estateIdx >= 0 ? estateIdx % place.estates.length : Math.floor(r.next() * place.estates.length)];
      const lc = lineCum[leafIdx];
      const li = lc.cum.length === 1 ? 0 : r.pickCumulative(lc.cum);
      const srcIdx = lc.idx[li];
      const src = HOTLINE_SOURCES[srcIdx];
      const channel = srcIdx === 0 ? CHANNELS_12345[r.pickCumulative(CHANNEL_CUM_12345)] : CHANNELS_SISTER[r.pickCumulative(CHANNEL_CUM_SISTER)];
      const type = requestTypeOf(leaf, r);
      const direct = type === 'consultation' && srcIdx === 0 && eventId === 0 && r.next() < 0.4;
      const dept = departments.departments[direct ? departments.hotline : departments.index[leafIdx * nComm + ci]];
      const life = lifecycle(dept.profile, receivedAt, offDay, type, channel, direct, extractAt, r);
      const spot = pickSpot(place, r, estate, leaf.anchor);
      let lon: number | null = null;
      let lat: number | null = null;
      let crs: DemoRecord['crsOriginal'] = null;
      const located = r.next() >= NO_COORDS[channel];
      if (located) {
        [lon, lat] = samplePoint(city.communities[ci], r);
        crs = srcIdx !== 0 ? 'bd09' : channel === 'app' || channel === 'wechat' ? 'gcj02' : 'wgs84';
      }
      seq[srcIdx]++;
      yield {
        sourceCode: src.code,
        externalId: src.prefix + ymd + String(seq[srcIdx]).padStart(6, '0'),
        receivedAt,
        firstResponseAt: life.firstResponseAt,
        closedAt: life.closedAt,
        channel,
        requestType: type,
        cat1: leaf.cat1.code,
        cat2: leaf.cat2.code,
        cat3: leaf.code,
        categoryOriginal: labels[leafIdx][li],
        title: composeTitle(leaf, type, spot.short, r),
        content: composeContent(leaf, type, channel, spot.phrase, place, r, eventId > 0),
        address: spot.address,
        district: place.district,
        street: place.street,
        community: place.community,
        lon,
        lat,
        crsOriginal: crs,
        locationStatus: located ? 'coordinates' : 'none',
        department: dept.name,
        transfers: life.transfers,
        status: life.status,
        statusOriginal: STATUS_ORIGINAL[life.status],
        reply: life.status === 'closed' ? composeReply(leaf, type, dept.name, r) : life.status === 'returned' ? RETURN_REPLY : null,
        satisfaction: life.satisfaction,
        satisfactionLabel: life.satisfactionLabel,
        callerHash: hash,
        synthetic: true,
      };
    }
  }
}

/** Feeds records to `onBatch` in arrays of up to `size`; `onBatch` may return false to stop early. */
export function generateRecordBatches(plan: DemoPlan, size: number, onBatch: (batch: DemoRecord[], done: number) => boolean | void): number {
  let batch: DemoRecord[] = [];
  let done = 0;
  for (const rec of generateRecords(plan)) {
    batch.push(rec);
    if (batch.length >= size) {
      done += batch.length;
      if (onBatch(batch, done) === false) return done;
      batch = [];
    }
  }
  if (batch.length > 0) {
    done += batch.length;
    onBatch(batch, done);
  }
  return done;
}
