/**
 * An alert's top keywords: words (from the engine's segmenter, stopwords removed — see
 * electron/engine/services/alerts/keywords.ts) ranked by log-likelihood keyness (G²) of the alert's
 * records against the same series' earlier records. Each document counts a word once.
 */

export interface AlertKeyword { term: string; count: number; score: number }

function docFrequencies(docs: readonly (readonly string[])[]): { m: Map<string, number>; n: number } {
  const m = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) m.set(t, (m.get(t) ?? 0) + 1);
  return { m, n: Math.max(1, docs.length) };
}

/**
 * Words over-represented in `target` (≥ 2 documents, rate above the reference's), ranked by
 * G² = 2 Σ O ln(O/E) over the 2×2 table of documents with / without the word in target and reference.
 */
export function keyness(target: readonly (readonly string[])[], reference: readonly (readonly string[])[], top = 12): AlertKeyword[] {
  const a = docFrequencies(target);
  const b = docFrequencies(reference);
  const N = a.n + b.n;
  const xlx = (o: number, e: number) => (o > 0 ? o * Math.log(o / e) : 0);
  const out: AlertKeyword[] = [];
  for (const [t, ca] of a.m) {
    if (ca < 2) continue;
    const cb = b.m.get(t) ?? 0;
    if (ca / a.n <= cb / b.n) continue;
    const k = ca + cb;
    const g2 = 2 * (xlx(ca, (a.n * k) / N) + xlx(cb, (b.n * k) / N) + xlx(a.n - ca, (a.n * (N - k)) / N) + xlx(b.n - cb, (b.n * (N - k)) / N));
    out.push({ term: t, count: ca, score: g2 });
  }
  return out.sort((x, y) => y.score - x.score || y.count - x.count || (x.term < y.term ? -1 : 1)).slice(0, top);
}
