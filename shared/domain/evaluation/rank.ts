/** Ranking with ties and rank change between periods. */

/**
 * Competition ranking ("1224"): higher score first; scores equal after rounding to `decimals` share a
 * rank. null scores are unranked (null).
 */
export function rankScores(scores: readonly (number | null)[], decimals = 6): (number | null)[] {
  const f = 10 ** decimals;
  const keyed = scores.map((s, i) => ({ i, k: s === null || !Number.isFinite(s) ? null : Math.round(s * f) }));
  const ranked = keyed.filter((x) => x.k !== null).sort((a, b) => (b.k as number) - (a.k as number));
  const out: (number | null)[] = scores.map(() => null);
  ranked.forEach((x, pos) => {
    out[x.i] = pos > 0 && ranked[pos - 1].k === x.k ? (out[ranked[pos - 1].i] as number) : pos + 1;
  });
  return out;
}

/** Positive when the object moved up (previous rank 5 → now 2 gives +3); null when either is missing. */
export function rankChange(previous: number | null | undefined, current: number | null | undefined): number | null {
  return previous == null || current == null ? null : previous - current;
}
