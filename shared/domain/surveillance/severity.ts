/**
 * Severity and grouping of signals, so a busy analyst sees few, well-ordered rows.
 *
 * score = 100 × significance × size × novelty, each factor in [0, 1]:
 * - significance = min(1, −log10(p) / 10)   (p = 1e-10 or smaller scores 1; EARS/CUSUM-only signals
 *   without a regression p-value use p = 0.01)
 * - size = min(1, log2(1 + excess) / log2(101)), excess = observed − expected (100 extra requests score 1)
 * - novelty = 1 for a series without a signal in the previous 60 days, 0.6 after one, 0.3 after more.
 * Level: high ≥ 40, medium ≥ 15, otherwise low.
 *
 * Grouping: two signals are related when their categories are on one path of the tree (equal, or one
 * an ancestor of the other, or either is "all categories"), their areas nest (one a prefix of the
 * other) or are declared neighbours, and their first days are at most `days` apart. Groups are the
 * connected components; the highest-scoring member heads its group.
 */

export type SeverityLevel = 'low' | 'medium' | 'high';

export interface SeverityInput {
  pValue: number | null;
  observed: number;
  expected: number;
  priorSignals: number;
}

export function severityScore(s: SeverityInput): number {
  const p = s.pValue === null || s.pValue >= 1 ? 0.01 : Math.max(s.pValue, 1e-300);
  const significance = Math.min(1, -Math.log10(p) / 10);
  const size = Math.min(1, Math.log2(1 + Math.max(0, s.observed - s.expected)) / Math.log2(101));
  const novelty = s.priorSignals === 0 ? 1 : s.priorSignals === 1 ? 0.6 : 0.3;
  return 100 * significance * size * novelty;
}

export function severityLevel(score: number): SeverityLevel {
  return score >= 40 ? 'high' : score >= 15 ? 'medium' : 'low';
}

export interface Groupable {
  /** Category path from the root, e.g. [cat1, cat2, cat3]; empty = all categories. */
  catPath: readonly number[];
  /** Area path [district, street, community] prefix; empty = the whole city. */
  area: readonly string[];
  firstDay: number;
  score: number;
}

const prefixCompatible = <T>(a: readonly T[], b: readonly T[]): boolean => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
};

export function related(a: Groupable, b: Groupable, days = 3, neighbours?: (x: readonly string[], y: readonly string[]) => boolean): boolean {
  if (Math.abs(a.firstDay - b.firstDay) > days) return false;
  if (!prefixCompatible(a.catPath, b.catPath)) return false;
  return prefixCompatible(a.area, b.area) || Boolean(neighbours?.(a.area, b.area));
}

/** Group index of every item (0-based, groups numbered by their best member's rank). */
export function groupSignals(items: readonly Groupable[], days = 3, neighbours?: (x: readonly string[], y: readonly string[]) => boolean): number[] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const order = items.map((_, i) => i).sort((x, y) => items[x].firstDay - items[y].firstDay);
  for (let a = 0; a < order.length; a++) {
    for (let b = a + 1; b < order.length && items[order[b]].firstDay - items[order[a]].firstDay <= days; b++) {
      if (related(items[order[a]], items[order[b]], days, neighbours)) parent[find(order[a])] = find(order[b]);
    }
  }
  const best = new Map<number, number>();
  items.forEach((it, i) => { const r = find(i); if (!best.has(r) || it.score > items[best.get(r)!].score) best.set(r, i); });
  const ranked = [...best.entries()].sort((x, y) => items[y[1]].score - items[x[1]].score).map(([root]) => root);
  const num = new Map(ranked.map((root, k) => [root, k]));
  return items.map((_, i) => num.get(find(i))!);
}
