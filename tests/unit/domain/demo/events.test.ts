import { describe, expect, it } from 'vitest';
import { DAY_MS, generateRecords, localDate, planDemo } from '../../../../shared/domain/demo';

const N = 100_000;
const plan = planDemo({ records: N, seed: 2024 });
const events = plan.events;

// One streaming pass: per event, the leaf's records in its community (by day) and city-wide in the window.
const inCommunityByDay = events.map(() => new Map<number, number>());
const cityInWindow = events.map(() => 0);
const dayIndex = new Map(plan.days.map((d) => [d.date, d.index]));
for (const r of generateRecords(plan)) {
  events.forEach((e, i) => {
    if (r.cat3 !== e.cat3Code) return;
    const inWindow = r.receivedAt >= e.startAt && r.receivedAt < e.endAt;
    if (inWindow) cityInWindow[i]++;
    if (r.community === e.community && r.street === e.street) {
      const d = dayIndex.get(localDate(r.receivedAt)) as number;
      inCommunityByDay[i].set(d, (inCommunityByDay[i].get(d) ?? 0) + 1);
    }
  });
}

describe('injected events', () => {
  it('plans 4–6 events with complete ground truth', () => {
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events.length).toBeLessThanOrEqual(6);
    const communities = new Map(plan.city.communities.map((c) => [c.code, c]));
    for (const e of events) {
      const c = communities.get(e.communityCode);
      expect(c?.name).toBe(e.community);
      expect(c?.streetCode).toBe(e.streetCode);
      expect(c?.districtCode).toBe(e.districtCode);
      expect(plan.taxonomy.byCode.get(e.cat3Code)?.name).toBe(e.cat3Name);
      expect(e.days).toBeGreaterThanOrEqual(7);
      expect(e.days).toBeLessThanOrEqual(21);
      expect(e.endAt - e.startAt).toBe(e.days * DAY_MS);
      expect(plan.days[e.startDay].startMs).toBe(e.startAt);
      expect(e.multiplier).toBeGreaterThanOrEqual(2);
      expect(e.multiplier).toBeLessThanOrEqual(5);
      expect(e.perDay.reduce((s, x) => s + x, 0)).toBe(e.extraRecords);
      expect(e.description).toContain(e.community);
      expect(e.description).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(new Set(events.map((e) => e.districtCode)).size).toBe(events.length);
    const base = Array.from(plan.baseCounts).reduce((s, x) => s + x, 0);
    expect(base + events.reduce((s, e) => s + e.extraRecords, 0)).toBe(N);
  });

  it('produces a burst in the event community far above its own baseline', () => {
    events.forEach((e, i) => {
      let inside = 0;
      let outside = 0;
      for (const [d, n] of inCommunityByDay[i]) {
        if (d >= e.startDay && d < e.startDay + e.days) inside += n;
        else outside += n;
      }
      expect(inside).toBeGreaterThanOrEqual(e.extraRecords);
      const baselinePerWindow = (outside / (plan.days.length - e.days)) * e.days;
      expect(inside).toBeGreaterThan(5 * Math.max(1, baselinePerWindow));
    });
  });

  it('raises the category city-wide to about `multiplier` times its normal rate', () => {
    events.forEach((e, i) => {
      let expected = 0;
      for (let d = e.startDay; d < e.startDay + e.days; d++) expected += plan.baseCounts[d] * plan.leafShare(e.leafIndex, plan.days[d]);
      const ratio = cityInWindow[i] / expected;
      expect(ratio).toBeGreaterThan(Math.max(1.5, 0.6 * e.multiplier));
      expect(ratio).toBeLessThan(1.6 * e.multiplier + 1);
    });
  });
});
