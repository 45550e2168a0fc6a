/**
 * A cheap necessary condition for a placeholder point (many records of a batch at one point after
 * rounding to 5 decimals, as the import's SQL check groups them): keys are each point rounded to
 * 1e-5 degrees in floating point. A point's float-rounded key differs from its exactly rounded
 * value by at most one step per axis, so a group of n exactly-rounded points spreads over at most
 * 3 × 3 keys, one of which then holds at least ⌈n / 9⌉ of them. If no key is that frequent, no group
 * reaches n and the SQL check can be skipped.
 */

/** The largest number of equal keys (sorts `keys` in place). */
export function maxKeyRun(keys: Float64Array): number {
  keys.sort();
  let best = 0; let run = 0;
  for (let i = 0; i < keys.length; i++) {
    run = i > 0 && keys[i] === keys[i - 1] ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/** Whether some rounded point may hold at least `threshold` of the points whose keys are given. */
export function placeholderPossible(keys: Float64Array, threshold: number): boolean {
  return maxKeyRun(keys) >= Math.ceil(threshold / 9);
}
