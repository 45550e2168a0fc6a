/**
 * Backtest scoring: which signals belong to a known event, the delay from each event's start to its
 * first signal, and the false-alarm rate per 100 series-weeks.
 *
 * A signal belongs to an event when its category is the event's leaf category or one of its
 * ancestors (or all categories), its area contains the event's area (same prefix of
 * [district, street, community]; the city contains everything), and its first alarm day falls in
 * [event start, event end + `afterDays`). Every other signal is a false alarm.
 */

export interface KnownEvent {
  id: number;
  /** The event's leaf category and its ancestors, e.g. [cat3, cat2, cat1]. */
  categories: readonly number[];
  area: readonly string[];
  startDay: number;
  /** Exclusive. */
  endDay: number;
  label: string;
}

export interface ScoredSignal {
  categoryId: number | null;
  area: readonly string[];
  firstDay: number;
}

export interface EventOutcome {
  eventId: number;
  label: string;
  startDay: number;
  detected: boolean;
  /** Days from the event's start to its first signal (null when never flagged). */
  delayDays: number | null;
  signals: number;
}

export interface BacktestScore {
  events: EventOutcome[];
  signals: number;
  truePositives: number;
  falseAlarms: number;
  seriesWeeks: number;
  falseAlarmsPer100SeriesWeeks: number;
  /** The largest delay among detected events (null when none detected). */
  maxDelayDays: number | null;
}

/** True when every event was flagged no later than `days` after its start. */
export function allDetectedWithin(score: Pick<BacktestScore, 'events'>, days: number): boolean {
  return score.events.every((o) => o.detected && (o.delayDays as number) <= days);
}

export function signalMatches(s: ScoredSignal, e: KnownEvent, afterDays = 7): boolean {
  if (s.categoryId !== null && !e.categories.includes(s.categoryId)) return false;
  if (s.area.length > e.area.length || s.area.some((a, i) => a !== e.area[i])) return false;
  return s.firstDay >= e.startDay && s.firstDay < e.endDay + afterDays;
}

export function scoreBacktest(signals: readonly ScoredSignal[], events: readonly KnownEvent[], seriesWeeks: number, afterDays = 7): BacktestScore {
  const outcomes = new Map<number, EventOutcome>(events.map((e) => [e.id, { eventId: e.id, label: e.label, startDay: e.startDay, detected: false, delayDays: null, signals: 0 }]));
  let tp = 0;
  for (const s of signals) {
    let matched = false;
    for (const e of events) {
      if (!signalMatches(s, e, afterDays)) continue;
      matched = true;
      const o = outcomes.get(e.id)!;
      o.signals++;
      const delay = s.firstDay - e.startDay;
      if (o.delayDays === null || delay < o.delayDays) { o.delayDays = delay; o.detected = true; }
    }
    if (matched) tp++;
  }
  const list = [...outcomes.values()];
  const delays = list.filter((o) => o.detected).map((o) => o.delayDays as number);
  const fa = signals.length - tp;
  return {
    events: list, signals: signals.length, truePositives: tp, falseAlarms: fa, seriesWeeks,
    falseAlarmsPer100SeriesWeeks: seriesWeeks > 0 ? (100 * fa) / seriesWeeks : 0,
    maxDelayDays: delays.length ? Math.max(...delays) : null,
  };
}
