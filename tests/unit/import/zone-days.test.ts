/**
 * Local time → instant with the per-day offset table: every hour (and the half hours) of years with
 * daylight-saving changes resolves to an instant whose wall clock in the zone, as Intl formats it,
 * is the time asked for; in a spring-forward gap, the same time after the gap.
 */
import { describe, expect, it } from 'vitest';
import { wallToUtc } from '../../../shared/domain/ingest/zone';

const HOUR = 3_600_000;

const formats = new Map<string, Intl.DateTimeFormat>();
function wallOf(instant: number, tz: string): number {
  let f = formats.get(tz);
  if (!f) formats.set(tz, f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }));
  const parts = f.formatToParts(new Date(instant));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
}

describe('wallToUtc with the per-day table', () => {
  it.each([
    ['Asia/Shanghai', 1988, 1990], // China's daylight saving time, 1986–1991
    ['America/Los_Angeles', 2024, 2025],
    ['Australia/Lord_Howe', 2023, 2024], // half-hour changes, at half past the UTC hour
  ])('%s, %i–%i: every wall time maps back to itself (or past a gap)', (tz, from, to) => {
    let gaps = 0;
    let overlaps = 0;
    for (let w = Date.UTC(from, 0, 1); w < Date.UTC(to, 0, 1); w += HOUR / 2) {
      const t = wallToUtc(w, tz);
      const back = wallOf(t, tz);
      if (back !== w) {
        gaps++;
        expect(back - w, new Date(w).toISOString()).toBeGreaterThan(0); // a gap: read forward
        expect(back - w).toBeLessThanOrEqual(HOUR);
      }
      if (wallOf(t + HOUR, tz) === w || wallOf(t + HOUR / 2, tz) === w) overlaps++; // a later instant has it too
      // of two instants with this wall time, the earlier was chosen
      expect(wallOf(t - HOUR, tz) !== w && wallOf(t - HOUR / 2, tz) !== w, new Date(w).toISOString()).toBe(true);
    }
    expect(gaps).toBeGreaterThan(0); // the period does contain transitions
    expect(overlaps).toBeGreaterThan(0);
  });

  it('resolves the known transitions of 2024 in Los Angeles', () => {
    const la = (y: number, m: number, d: number, h: number, mi = 0) => wallToUtc(Date.UTC(y, m - 1, d, h, mi), 'America/Los_Angeles');
    expect(new Date(la(2024, 3, 9, 2, 30)).toISOString()).toBe('2024-03-09T10:30:00.000Z'); // PST
    expect(new Date(la(2024, 3, 10, 2, 30)).toISOString()).toBe('2024-03-10T10:30:00.000Z'); // in the gap → 03:30 PDT
    expect(new Date(la(2024, 3, 11, 2, 30)).toISOString()).toBe('2024-03-11T09:30:00.000Z'); // PDT
    expect(new Date(la(2024, 11, 3, 1, 30)).toISOString()).toBe('2024-11-03T08:30:00.000Z'); // overlap → the earlier (PDT)
    expect(new Date(la(2024, 11, 4, 1, 30)).toISOString()).toBe('2024-11-04T09:30:00.000Z'); // PST
  });
});
