/** A job's smoothed progress rate. A new phase (another total, or `done` going back) starts a fresh rate. */
export interface RateState { at: number; done: number; total: number | null; rate: number | null }

export function nextRate(s: RateState, done: number, total: number | null, now: number): RateState {
  if (total !== s.total || done < s.done) return { at: now, done, total, rate: null };
  const dt = (now - s.at) / 1000;
  if (dt < 0.5) return s;
  const inst = (done - s.done) / dt;
  return { at: now, done, total, rate: s.rate === null ? inst : s.rate * 0.5 + inst * 0.5 };
}
