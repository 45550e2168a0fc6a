/**
 * Handling durations: which ones are measured and which are set aside (and counted) — instant closures
 * (closed within N minutes: usually answered on the spot or closed administratively, not handled) and
 * impossible durations (negative, or longer than any real case could run).
 */

export interface DurationRules {
  /** Closed within this many minutes of being received → instant closure. 0 disables the rule. */
  instantMinutes: number;
  /** Longer than this many days → impossible. */
  maxDays: number;
}

export const DEFAULT_DURATION_RULES: DurationRules = { instantMinutes: 5, maxDays: 365 };

export type DurationClass = 'valid' | 'missing' | 'instant' | 'negative' | 'tooLong';

/**
 * Classifies one duration in seconds (null = the end time is missing). `instant` applies to closing
 * times only; response times are only checked for impossibility.
 */
export function classifyDuration(seconds: number | null, rules: DurationRules, kind: 'close' | 'response'): DurationClass {
  if (seconds === null || Number.isNaN(seconds)) return 'missing';
  if (seconds < 0) return 'negative';
  if (seconds > rules.maxDays * 86_400) return 'tooLong';
  if (kind === 'close' && rules.instantMinutes > 0 && seconds <= rules.instantMinutes * 60) return 'instant';
  return 'valid';
}

export interface ExclusionCounts {
  valid: number;
  missing: number;
  instant: number;
  negative: number;
  tooLong: number;
}

export const emptyExclusions = (): ExclusionCounts => ({ valid: 0, missing: 0, instant: 0, negative: 0, tooLong: 0 });

/** Splits durations into the measured ones (seconds) and counts of each exclusion. */
export function partitionDurations(seconds: readonly (number | null)[], rules: DurationRules, kind: 'close' | 'response'): { values: number[]; counts: ExclusionCounts } {
  const counts = emptyExclusions();
  const values: number[] = [];
  for (const s of seconds) {
    const c = classifyDuration(s, rules, kind);
    counts[c]++;
    if (c === 'valid') values.push(s as number);
  }
  return { values, counts };
}

/** Per-category time limits (hours) for on-time rates; the deepest category with a limit wins. */
export interface TimeLimits {
  defaultHours: number;
  byCategory: Readonly<Record<string, number>>;
}

export const DEFAULT_TIME_LIMITS: TimeLimits = { defaultHours: 120, byCategory: {} };

/** The limit (hours) that applies to a record with categories cat1/cat2/cat3 (any may be null). */
export function limitHoursFor(limits: TimeLimits, cats: readonly (number | null)[]): number {
  for (let i = cats.length - 1; i >= 0; i--) {
    const c = cats[i];
    if (c !== null && limits.byCategory[String(c)] !== undefined) return limits.byCategory[String(c)];
  }
  return limits.defaultHours;
}

export type OnTimeOutcome = 'onTime' | 'late' | 'overdueOpen' | 'pending' | 'excluded';

/**
 * On-time outcome of one request: closed within the limit (onTime), closed after it (late), still open
 * past the limit at `asOfSeconds` after receipt (overdueOpen), still open within it (pending), or its
 * closing duration was excluded (instant / impossible).
 */
export function onTimeOutcome(closeSeconds: number | null, ageSeconds: number, limitHours: number, rules: DurationRules): OnTimeOutcome {
  const limit = limitHours * 3600;
  const c = classifyDuration(closeSeconds, rules, 'close');
  if (c === 'missing') return ageSeconds > limit ? 'overdueOpen' : 'pending';
  if (c !== 'valid') return 'excluded';
  return (closeSeconds as number) <= limit ? 'onTime' : 'late';
}

/** On-time rate: on time / (on time + late + overdue open); null when none is decided. */
export function onTimeRate(c: { onTime: number; late: number; overdueOpen: number }): number | null {
  const d = c.onTime + c.late + c.overdueOpen;
  return d === 0 ? null : c.onTime / d;
}
