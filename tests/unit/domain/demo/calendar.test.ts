import { describe, expect, it } from 'vitest';
import { buildDays, localDate, localHour, localMidnight } from '../../../../shared/domain/demo';

const days = buildDays();
const byDate = new Map(days.map((d) => [d.date, d]));
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('simulated calendar', () => {
  it('covers 2023-01-01 .. 2024-12-31 in Asia/Shanghai days', () => {
    expect(days.length).toBe(731);
    expect(days[0].date).toBe('2023-01-01');
    expect(days[730].date).toBe('2024-12-31');
    expect(days[0].startMs).toBe(Date.UTC(2022, 11, 31, 16));
    expect(localDate(localMidnight('2024-02-29'))).toBe('2024-02-29');
    expect(localHour(Date.UTC(2024, 0, 1, 1))).toBe(9);
  });

  it('knows the official holidays and make-up workdays', () => {
    for (const d of ['2023-01-23', '2023-04-05', '2023-05-01', '2023-06-22', '2023-10-03', '2024-02-12', '2024-04-04', '2024-05-03', '2024-06-10', '2024-09-16', '2024-10-07']) {
      expect(byDate.get(d)?.kind, d).toBe('holiday');
    }
    for (const d of ['2023-01-28', '2023-04-23', '2023-10-07', '2024-02-04', '2024-02-18', '2024-09-29', '2024-10-12']) {
      expect(byDate.get(d)?.kind, d).toBe('makeup');
    }
    expect(byDate.get('2024-02-10')?.holiday).toBe('春节');
    expect(byDate.get('2023-03-07')?.kind).toBe('workday');
    expect(byDate.get('2023-03-11')?.kind).toBe('weekend');
  });

  it('expects more requests on workdays than at weekends, and fewer on holidays', () => {
    const work = mean(days.filter((d) => d.kind === 'workday').map((d) => d.volume));
    const weekend = mean(days.filter((d) => d.kind === 'weekend').map((d) => d.volume));
    const holiday = mean(days.filter((d) => d.kind === 'holiday').map((d) => d.volume));
    expect(work).toBeGreaterThan(1.3 * weekend);
    expect(weekend).toBeGreaterThan(holiday);
    const springFestival = mean(days.filter((d) => d.holiday === '春节').map((d) => d.volume));
    expect(springFestival).toBeLessThan(0.5 * work);
  });
});
