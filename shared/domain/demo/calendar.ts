/**
 * The simulated period (2023-01-01 .. 2024-12-31, Asia/Shanghai = UTC+8, no DST), China's official
 * public holidays and make-up workdays (调休) of those years, and the daily / weekly / seasonal /
 * hourly intensity curves of request volume.
 */
import type { Season } from './taxonomy-spec';

export const TZ_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;
export const PERIOD_START = '2023-01-01';
export const PERIOD_END = '2024-12-31';

export interface Holiday { name: string; days: [string, string]; makeup: string[] }

/** Official arrangements (国务院办公厅通知) for 2023 and 2024; ranges are inclusive. */
export const HOLIDAYS: Holiday[] = [
  { name: '元旦', days: ['2022-12-31', '2023-01-02'], makeup: [] },
  { name: '春节', days: ['2023-01-21', '2023-01-27'], makeup: ['2023-01-28', '2023-01-29'] },
  { name: '清明节', days: ['2023-04-05', '2023-04-05'], makeup: [] },
  { name: '劳动节', days: ['2023-04-29', '2023-05-03'], makeup: ['2023-04-23', '2023-05-06'] },
  { name: '端午节', days: ['2023-06-22', '2023-06-24'], makeup: ['2023-06-25'] },
  { name: '中秋节、国庆节', days: ['2023-09-29', '2023-10-06'], makeup: ['2023-10-07', '2023-10-08'] },
  { name: '元旦', days: ['2023-12-30', '2024-01-01'], makeup: [] },
  { name: '春节', days: ['2024-02-10', '2024-02-17'], makeup: ['2024-02-04', '2024-02-18'] },
  { name: '清明节', days: ['2024-04-04', '2024-04-06'], makeup: ['2024-04-07'] },
  { name: '劳动节', days: ['2024-05-01', '2024-05-05'], makeup: ['2024-04-28', '2024-05-11'] },
  { name: '端午节', days: ['2024-06-08', '2024-06-10'], makeup: [] },
  { name: '中秋节', days: ['2024-09-15', '2024-09-17'], makeup: ['2024-09-14'] },
  { name: '国庆节', days: ['2024-10-01', '2024-10-07'], makeup: ['2024-09-29', '2024-10-12'] },
];

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface DayInfo {
  index: number;
  date: string;
  /** UTC epoch ms of local (UTC+8) midnight. */
  startMs: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  month: number;
  kind: DayKind;
  holiday: string | null;
  /** Relative expected request volume of the day (before noise). */
  volume: number;
}

/** Local date 'YYYY-MM-DD' → UTC epoch ms of its local midnight. */
export function localMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) - TZ_OFFSET_MS;
}

/** Epoch ms → local date 'YYYY-MM-DD'. */
export function localDate(ms: number): string {
  return new Date(ms + TZ_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms → local hour 0..23. */
export function localHour(ms: number): number {
  return Math.floor((((ms + TZ_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS / 3600_000);
}

function holidayIndex(): { off: Map<string, string>; makeup: Set<string> } {
  const off = new Map<string, string>();
  const makeup = new Set<string>();
  for (const h of HOLIDAYS) {
    for (let t = localMidnight(h.days[0]); t <= localMidnight(h.days[1]); t += DAY_MS) off.set(localDate(t), h.name);
    for (const m of h.makeup) makeup.add(m);
  }
  return { off, makeup };
}

/** Overall monthly volume (summer peak of utilities and noise, February dip of Spring Festival). */
const MONTH_VOLUME = [0.93, 0.88, 1.0, 1.0, 1.02, 1.08, 1.18, 1.15, 1.02, 0.96, 0.97, 0.98];

/** Day kinds and expected volumes for the whole period. */
export function buildDays(start = PERIOD_START, end = PERIOD_END): DayInfo[] {
  const { off, makeup } = holidayIndex();
  const days: DayInfo[] = [];
  const t0 = localMidnight(start);
  const t1 = localMidnight(end);
  const span = Math.max(1, (t1 - t0) / DAY_MS);
  let afterHoliday = 0;
  for (let t = t0, i = 0; t <= t1; t += DAY_MS, i++) {
    const date = localDate(t);
    const wd = new Date(t + TZ_OFFSET_MS).getUTCDay();
    const month = Number(date.slice(5, 7));
    const holiday = off.get(date) ?? null;
    const kind: DayKind = holiday ? 'holiday' : makeup.has(date) ? 'makeup' : wd === 0 || wd === 6 ? 'weekend' : 'workday';
    let v = kind === 'workday' ? 1 : kind === 'makeup' ? 0.95 : kind === 'weekend' ? 0.66 : holiday === '春节' ? 0.36 : 0.5;
    if (kind === 'holiday') afterHoliday = 2;
    else if (afterHoliday > 0 && (kind === 'workday' || kind === 'makeup')) {
      v *= afterHoliday === 2 ? 1.3 : 1.12; // backlog right after a holiday
      afterHoliday--;
    }
    if (kind === 'workday' && wd === 1) v *= 1.06; // Mondays carry the weekend's backlog
    v *= monthCurve(MONTH_VOLUME, date) * (1 + 0.08 * (i / span)); // slow growth over the period
    days.push({ index: i, date, startMs: t, weekday: wd, month, kind, holiday, volume: v });
  }
  return days;
}

/** Smooth monthly curve: linear interpolation between mid-month anchors. */
export function monthCurve(curve: readonly number[], date: string): number {
  const m = Number(date.slice(5, 7)) - 1;
  const d = Number(date.slice(8, 10));
  const f = (d - 15.5) / 30.5;
  const other = f >= 0 ? (m + 1) % 12 : (m + 11) % 12;
  const w = Math.abs(f);
  return curve[m] * (1 - w) + curve[other] * w;
}

export const SEASON_CURVES: Record<Season, readonly number[]> = {
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  summer: [0.55, 0.55, 0.7, 0.85, 1.1, 1.55, 2.0, 1.9, 1.25, 0.85, 0.65, 0.55],
  winter: [2.0, 1.7, 1.1, 0.7, 0.5, 0.4, 0.4, 0.4, 0.5, 0.8, 1.35, 1.9],
  rainy: [0.5, 0.5, 0.7, 0.9, 1.2, 2.1, 2.3, 1.6, 1.0, 0.7, 0.5, 0.5],
  spring: [0.7, 0.8, 1.4, 1.7, 1.4, 1.0, 0.8, 0.8, 0.9, 1.0, 0.9, 0.7],
  school: [0.7, 0.9, 1.0, 1.2, 1.6, 1.5, 1.3, 1.9, 1.5, 0.8, 0.6, 0.6],
  yearend: [1.9, 1.2, 0.8, 0.8, 0.8, 0.9, 0.9, 0.9, 0.9, 1.0, 1.3, 1.9],
  tax: [0.8, 0.8, 2.0, 1.8, 1.5, 1.3, 0.8, 0.7, 0.7, 0.7, 0.7, 0.8],
  harvest: [0.5, 0.5, 0.6, 0.8, 1.5, 2.2, 0.8, 0.6, 0.9, 2.0, 1.5, 0.6],
  holiday: [1.1, 1.2, 1, 1, 1.1, 1, 1.05, 1.05, 1, 1.2, 0.95, 0.95],
};

/** Seasonal factor of a profile on a day; the 'holiday' profile also jumps on public holidays. */
export function seasonFactor(season: Season, day: DayInfo): number {
  const base = monthCurve(SEASON_CURVES[season], day.date);
  return season === 'holiday' && day.kind === 'holiday' ? base * 3 : base;
}

/** Hour-of-day weights (local time) on workdays: peaks 9–11 and 14–16, a quiet night line. */
export const HOUR_WEIGHTS_WORKDAY = [
  0.6, 0.35, 0.25, 0.2, 0.2, 0.35, 1.0, 2.6, 5.2, 7.8, 8.2, 6.6, 4.0, 4.8, 7.0, 7.4, 6.6, 5.2, 3.8, 3.2, 2.8, 2.2, 1.5, 0.9,
];
/** Weekends and holidays: later start, flatter curve. */
export const HOUR_WEIGHTS_OFFDAY = [
  0.8, 0.45, 0.3, 0.25, 0.25, 0.35, 0.8, 1.8, 3.6, 5.4, 6.0, 5.2, 4.0, 4.3, 5.4, 5.6, 4.9, 4.2, 3.4, 3.2, 3.0, 2.4, 1.7, 1.1,
];
