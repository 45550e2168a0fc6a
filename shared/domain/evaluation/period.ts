/** Evaluation periods as labels: 2019, 2019-H1, 2019-Q3, 2019-07, or "all". Local time is UTC+8. */
import { dayFromCivil, dayStartMs } from '../stats/time';

export interface Period { label: string; from: number | null; to: number | null }

const start = (y: number, m: number) => dayStartMs(dayFromCivil(y, m, 1));
const next = (y: number, m: number) => (m === 12 ? start(y + 1, 1) : start(y, m + 1));

/** Parses a period label; null when it is not one. */
export function parsePeriod(label: string): Period | null {
  const s = label.trim();
  if (s === 'all') return { label: s, from: null, to: null };
  let m = /^(\d{4})$/.exec(s);
  if (m) { const y = Number(m[1]); return { label: s, from: start(y, 1), to: start(y + 1, 1) }; }
  m = /^(\d{4})-H([12])$/.exec(s);
  if (m) { const y = Number(m[1]); const h = Number(m[2]); return { label: s, from: start(y, h === 1 ? 1 : 7), to: h === 1 ? start(y, 7) : start(y + 1, 1) }; }
  m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m) { const y = Number(m[1]); const q = Number(m[2]); return { label: s, from: start(y, 3 * q - 2), to: next(y, 3 * q) }; }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) { const y = Number(m[1]); const mo = Number(m[2]); if (mo < 1 || mo > 12) return null; return { label: s, from: start(y, mo), to: next(y, mo) }; }
  return null;
}

/** Periods in chronological order (rank change compares each with the one before). */
export function sortPeriods(ps: readonly Period[]): Period[] {
  return [...ps].sort((a, b) => (a.from ?? -Infinity) - (b.from ?? -Infinity) || a.label.localeCompare(b.label));
}

/** Intersects a period with a filter's [from, to). */
export function clampPeriod(p: Period, from?: number, to?: number): { from: number | null; to: number | null } {
  const f = [p.from, from ?? null].filter((x): x is number => x !== null);
  const t = [p.to, to ?? null].filter((x): x is number => x !== null);
  return { from: f.length ? Math.max(...f) : null, to: t.length ? Math.min(...t) : null };
}
