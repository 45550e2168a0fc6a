import { describe, expect, it } from 'vitest';
import {
  bucketLabel, bucketRange, bucketStartDay, civil, dayFromCivil, dayLabel, dayOf, dayStartMs, dayToBucketIndex, hourOf,
  isoWeek, nextBucketDay, parseDay, prevBucketDay, weekdayOfDay, yearAgoBucketDay,
} from '../../../../shared/domain/stats/time';

const d = (s: string) => parseDay(s);

describe('Asia/Shanghai calendar buckets', () => {
  it('puts an instant on its local (UTC+8) day and hour', () => {
    // 2024-03-31 16:30 UTC is 2024-04-01 00:30 in Shanghai
    const ms = Date.UTC(2024, 2, 31, 16, 30);
    expect(dayLabel(dayOf(ms))).toBe('2024-04-01');
    expect(hourOf(ms)).toBe(0);
    expect(dayLabel(dayOf(ms - 3600_000))).toBe('2024-03-31');
    expect(dayStartMs(d('2024-04-01'))).toBe(Date.UTC(2024, 2, 31, 16));
  });

  it('round-trips civil dates, leap days included', () => {
    for (const s of ['1970-01-01', '2000-02-29', '2023-12-31', '2024-02-29', '2100-03-01']) expect(dayLabel(d(s))).toBe(s);
    expect(civil(dayFromCivil(2024, 2, 29))).toEqual({ y: 2024, m: 2, day: 29 });
    expect(d('2024-03-01') - d('2024-02-28')).toBe(2);
    expect(d('2023-03-01') - d('2023-02-28')).toBe(1);
  });

  it('knows weekdays (Monday = 0)', () => {
    expect(weekdayOfDay(d('1970-01-01'))).toBe(3); // a Thursday
    expect(weekdayOfDay(d('2024-03-04'))).toBe(0); // a Monday
    expect(weekdayOfDay(d('2024-03-10'))).toBe(6); // a Sunday
  });

  it('starts weeks on Monday, months, quarters and years on their first day', () => {
    const day = d('2024-08-15'); // Thursday
    expect(dayLabel(bucketStartDay(day, 'week'))).toBe('2024-08-12');
    expect(dayLabel(bucketStartDay(day, 'month'))).toBe('2024-08-01');
    expect(dayLabel(bucketStartDay(day, 'quarter'))).toBe('2024-07-01');
    expect(dayLabel(bucketStartDay(day, 'year'))).toBe('2024-01-01');
    expect(dayLabel(nextBucketDay(d('2024-12-01'), 'month'))).toBe('2025-01-01');
    expect(dayLabel(prevBucketDay(d('2024-01-01'), 'quarter'))).toBe('2023-10-01');
    expect(dayLabel(nextBucketDay(d('2024-10-01'), 'quarter'))).toBe('2025-01-01');
  });

  it('labels buckets, with ISO week numbers across the year boundary', () => {
    expect(isoWeek(d('2024-12-30'))).toEqual({ year: 2025, week: 1 });
    expect(isoWeek(d('2021-01-03'))).toEqual({ year: 2020, week: 53 });
    expect(bucketLabel(d('2024-03-04'), 'week')).toBe('2024-W10');
    expect(bucketLabel(d('2024-07-01'), 'quarter')).toBe('2024-Q3');
    expect(bucketLabel(d('2024-07-01'), 'month')).toBe('2024-07');
    expect(bucketLabel(d('2024-01-01'), 'year')).toBe('2024');
  });

  it('maps a bucket to the same bucket a year earlier', () => {
    expect(dayLabel(yearAgoBucketDay(d('2024-02-29'), 'day'))).toBe('2023-02-28');
    expect(dayLabel(yearAgoBucketDay(d('2024-03-01'), 'month'))).toBe('2023-03-01');
    expect(yearAgoBucketDay(d('2024-03-04'), 'week')).toBe(d('2024-03-04') - 364);
  });

  it('builds a day → bucket lookup covering gaps', () => {
    const { starts, index } = dayToBucketIndex(d('2024-01-30'), d('2024-03-02'), 'month');
    expect(starts.map((s) => dayLabel(s))).toEqual(['2024-01-01', '2024-02-01', '2024-03-01']);
    expect(index[0]).toBe(0);
    expect(index[d('2024-02-01') - d('2024-01-30')]).toBe(1);
    expect(index[index.length - 1]).toBe(2);
    expect(bucketRange(d('2024-01-03'), d('2024-01-02'), 'day')).toEqual([]);
  });
});
