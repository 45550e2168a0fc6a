/**
 * Keyword statistics over term ids: TF-IDF of a selection against the project's own corpus, and
 * keyness (Dunning's log-likelihood G²) of one selection against another. Counts are document
 * frequencies (a record counts a word once), which suits short hotline texts.
 */
export interface ScoredTerm {
  id: number;
  /** Records of the selection containing the term. */
  count: number;
  score: number;
}

/** Smoothed inverse document frequency. */
export function idf(df: number, docs: number): number {
  return Math.log((docs + 1) / (df + 1)) + 1;
}

/** The `top` terms by count × idf. `skip(id)` drops stopwords; terms seen in fewer than minCount records are ignored. */
export function tfidfTop(
  counts: ArrayLike<number>, corpusDf: ArrayLike<number>, corpusDocs: number,
  opts: { top: number; minCount?: number; skip?: (id: number) => boolean },
): ScoredTerm[] {
  const min = opts.minCount ?? 2;
  const out: ScoredTerm[] = [];
  for (let id = 0; id < counts.length; id++) {
    const c = counts[id];
    if (c < min || opts.skip?.(id)) continue;
    out.push({ id, count: c, score: c * idf(Math.max(corpusDf[id] ?? 0, c), corpusDocs) });
  }
  return topBy(out, opts.top);
}

export function topBy<T extends { score: number; id: number }>(items: T[], top: number): T[] {
  return items.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, top);
}

/** Dunning's G² for a term seen `a` times in a target of size `c` and `b` times in a reference of size `d`. */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  if (c <= 0 || d <= 0) return 0;
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  const t = (x: number, e: number) => (x > 0 && e > 0 ? x * Math.log(x / e) : 0);
  return 2 * (t(a, e1) + t(b, e2));
}

export interface KeyTerm extends ScoredTerm {
  /** Records of the reference containing the term. */
  refCount: number;
  /** log2 of the ratio of relative frequencies (smoothed), > 0 = more frequent in the target. */
  logRatio: number;
}

/**
 * Terms over-represented in the target against the reference (G² ≥ 3.84, p < 0.05), strongest first:
 * "what is different about this district / this month".
 */
export function keyness(
  target: ArrayLike<number>, targetDocs: number, ref: ArrayLike<number>, refDocs: number,
  opts: { top: number; minCount?: number; skip?: (id: number) => boolean },
): KeyTerm[] {
  const min = opts.minCount ?? 3;
  const out: KeyTerm[] = [];
  const n = Math.max(target.length, ref.length);
  for (let id = 0; id < n; id++) {
    const a = target[id] ?? 0;
    if (a < min || opts.skip?.(id)) continue;
    const b = ref[id] ?? 0;
    const logRatio = Math.log2(((a + 0.5) / targetDocs) / ((b + 0.5) / Math.max(1, refDocs)));
    if (logRatio <= 0) continue;
    const g2 = logLikelihood(a, b, targetDocs, refDocs);
    if (g2 < 3.84) continue;
    out.push({ id, count: a, refCount: b, score: g2, logRatio });
  }
  return topBy(out, opts.top);
}

export interface EmergingTerm extends KeyTerm {
  /** Epoch ms of the first record (in the whole selection) containing the term. */
  firstSeen: number;
}

/**
 * Emerging terms: frequency in the recent window against the baseline window before it, ranked by
 * G² among the terms whose rate rose; each with the first time it was seen in the selection.
 */
export function emergingTerms(
  recent: ArrayLike<number>, recentDocs: number, baseline: ArrayLike<number>, baselineDocs: number,
  firstSeen: ArrayLike<number>, opts: { top: number; minCount?: number; skip?: (id: number) => boolean },
): EmergingTerm[] {
  return keyness(recent, recentDocs, baseline, baselineDocs, opts).map((k) => ({ ...k, firstSeen: firstSeen[k.id] }));
}
