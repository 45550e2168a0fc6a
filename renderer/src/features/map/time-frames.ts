import type { Step } from './map-store';

const SHANGHAI_MS = 8 * 3600_000;
export const DAY = 86_400_000;

/** Start of the Shanghai calendar day / ISO week (Monday) / month containing `t`. */
export function frameStart(t: number, step: Step): number {
  const d = new Date(t + SHANGHAI_MS);
  if (step === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - SHANGHAI_MS;
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - SHANGHAI_MS;
  if (step === 'day') return day;
  return day - ((d.getUTCDay() + 6) % 7) * DAY;
}

/** End (exclusive) of the frame starting at `start`. */
export function frameEnd(start: number, step: Step): number {
  if (step === 'day') return start + DAY;
  if (step === 'week') return start + 7 * DAY;
  const d = new Date(start + SHANGHAI_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - SHANGHAI_MS;
}

export const ymd = (t: number) => new Date(t + SHANGHAI_MS).toISOString().slice(0, 10);

/** The map's time window: the playing frame, else the selected range, else none. */
export function timeWindow(time: { frame: number | null; step: Step; range: [number, number] | null }): [number, number] | null {
  if (time.frame !== null) return [time.frame, frameEnd(time.frame, time.step)];
  return time.range;
}
