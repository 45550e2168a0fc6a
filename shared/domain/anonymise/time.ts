/**
 * Time coarsening in Asia/Shanghai (UTC+8 all year: China has kept no daylight saving time since
 * 1991). An instant is truncated to the start of its local hour, day, ISO week (Monday) or month and
 * returned as an instant again (epoch ms).
 */
import type { TimeUnit } from './settings';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const OFFSET = 8 * HOUR;

export function coarsenTime(ms: number, unit: TimeUnit): number {
  if (unit === 'keep') return ms;
  const local = ms + OFFSET;
  switch (unit) {
    case 'hour': return Math.floor(local / HOUR) * HOUR - OFFSET;
    case 'day': return Math.floor(local / DAY) * DAY - OFFSET;
    case 'week': {
      const day = Math.floor(local / DAY);
      // 1970-01-01 was a Thursday: day + 3 counts from a Monday.
      const monday = day - (((day + 3) % 7) + 7) % 7;
      return monday * DAY - OFFSET;
    }
    case 'month': {
      const d = new Date(local);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - OFFSET;
    }
  }
}

/** The local (Shanghai) label of a coarsened instant: 2024-03-05 08:00, 2024-03-05, 2024-03 … */
export function timeLabel(ms: number, unit: TimeUnit): string {
  const iso = new Date(ms + OFFSET).toISOString();
  switch (unit) {
    case 'month': return iso.slice(0, 7);
    case 'day': case 'week': return iso.slice(0, 10);
    case 'hour': return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
    default: return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
}
