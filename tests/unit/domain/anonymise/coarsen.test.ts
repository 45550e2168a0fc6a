import { describe, expect, it } from 'vitest';
import { PRESETS, coarsenTime, createAnonymiser, donutMask, gridCell, timeLabel } from '../../../../shared/domain/anonymise';
import { Rng } from '../../../../shared/domain/demo/rng';
import { distanceM } from '../../../../shared/domain/geo/measure';
import { recordWithPii } from './pii-fixtures';

const shanghai = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);

describe('time coarsening (Asia/Shanghai)', () => {
  // 2024-03-06 (Wednesday) 07:45 local = 2024-03-05 23:45 UTC: the local day differs from the UTC day.
  const t = shanghai(2024, 3, 6, 7, 45) + 12_345;
  it('truncates to the local hour, day, Monday-week and month', () => {
    expect(coarsenTime(t, 'keep')).toBe(t);
    expect(coarsenTime(t, 'hour')).toBe(shanghai(2024, 3, 6, 7));
    expect(coarsenTime(t, 'day')).toBe(shanghai(2024, 3, 6));
    expect(coarsenTime(t, 'week')).toBe(shanghai(2024, 3, 4));
    expect(coarsenTime(t, 'month')).toBe(shanghai(2024, 3, 1));
    expect(timeLabel(coarsenTime(t, 'day'), 'day')).toBe('2024-03-06');
    expect(timeLabel(coarsenTime(t, 'month'), 'month')).toBe('2024-03');
  });
  it('a Monday stays in its own week; Sunday 23:59 belongs to the week before; idempotent', () => {
    expect(coarsenTime(shanghai(2024, 3, 4, 0, 0), 'week')).toBe(shanghai(2024, 3, 4));
    expect(coarsenTime(shanghai(2024, 3, 10, 23, 59), 'week')).toBe(shanghai(2024, 3, 4));
    expect(coarsenTime(shanghai(1969, 12, 31, 12), 'week')).toBe(shanghai(1969, 12, 29));
    for (const u of ['hour', 'day', 'week', 'month'] as const) expect(coarsenTime(coarsenTime(t, u), u)).toBe(coarsenTime(t, u));
  });
});

describe('location coarsening', () => {
  it('grid: nearby points share a cell centre, which lies within half a diagonal of them', () => {
    const a = gridCell(118.7856, 32.0441, 500);
    const b = gridCell(118.78561, 32.04411, 500);
    expect(a).toEqual(b);
    expect(distanceM(118.7856, 32.0441, a[0], a[1])).toBeLessThanOrEqual(500 * Math.SQRT1_2 + 1);
    const far = gridCell(118.7856 + 0.02, 32.0441, 500);
    expect(far).not.toEqual(a);
    // cells are about 500 m wide on the ground: neighbouring centres 500 m apart
    const right = gridCell(a[0] + 0.006, a[1], 500);
    expect(distanceM(a[0], a[1], right[0], right[1])).toBeGreaterThan(490);
    expect(distanceM(a[0], a[1], right[0], right[1])).toBeLessThan(510);
  });

  it('donut: every displacement lies between the minimum and the maximum, in all directions', () => {
    const r = new Rng(42);
    const rng = () => r.next();
    let minSeen = Infinity;
    let maxSeen = 0;
    const quadrants = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const [x, y] = donutMask(118.78, 32.04, 100, 400, rng);
      const d = distanceM(118.78, 32.04, x, y);
      minSeen = Math.min(minSeen, d);
      maxSeen = Math.max(maxSeen, d);
      quadrants.add(`${x > 118.78}${y > 32.04}`);
    }
    expect(minSeen).toBeGreaterThanOrEqual(99.9);
    expect(maxSeen).toBeLessThanOrEqual(400.1);
    expect(maxSeen).toBeGreaterThan(390);
    expect(quadrants.size).toBe(4);
  });

  it('the anonymiser applies the mode: community centroid, donut (seeded), drop', () => {
    const rng = () => 0.5;
    const community = createAnonymiser({ ...PRESETS.none, location: { ...PRESETS.none.location, mode: 'community' } }, { salt: 's', rng });
    expect(community.apply(recordWithPii(), { communityCentroid: [118.8, 32.05] })).toMatchObject({ lon: 118.8, lat: 32.05, location_status: 'coordinates' });
    const noCentroid = community.apply(recordWithPii(), { communityCentroid: null });
    expect(noCentroid).toMatchObject({ lon: null, lat: null, location_status: 'none' });
    expect(community.stats).toMatchObject({ locationsMoved: 1, locationsRemoved: 1 });
    const seeded = (seed: number) => { const g = new Rng(seed); return () => g.next(); };
    const donut = { ...PRESETS.none, location: { ...PRESETS.none.location, mode: 'donut' as const } };
    const d1 = createAnonymiser(donut, { salt: 's', rng: seeded(1) }).apply(recordWithPii());
    const d2 = createAnonymiser(donut, { salt: 's', rng: seeded(1) }).apply(recordWithPii());
    expect(d1).toEqual(d2);
    expect(distanceM(118.7856, 32.0441, d1.lon!, d1.lat!)).toBeGreaterThanOrEqual(99.9);
    const dropped = createAnonymiser({ ...PRESETS.none, location: { ...PRESETS.none.location, mode: 'drop' } }, { salt: 's', rng }).apply(recordWithPii());
    expect(dropped).toMatchObject({ lon: null, lat: null, location_status: 'none' });
  });

  it('times of a record are coarsened together', () => {
    const a = createAnonymiser({ ...PRESETS.none, time: 'day' }, { salt: 's', rng: () => 0 });
    const out = a.apply(recordWithPii());
    expect(out.received_at).toBe(shanghai(2024, 3, 5));
    expect(out.first_response_at).toBe(shanghai(2024, 3, 5));
    expect(out.closed_at).toBe(shanghai(2024, 3, 7));
  });
});
