/**
 * One-at-a-time weight sensitivity: every local weight of every group is moved by −X % and +X %
 * (the group's weights renormalised), the tree re-aggregated over the same normalised values, and
 * the objects re-ranked. Per object: its rank range and the share of scenarios that left it unchanged.
 */
import { aggregateTree, type EvaluationInput, type EvaluationOutput } from './evaluate';
import { rankScores } from './rank';
import type { GroupWeights } from './weights';

export interface ObjectStability {
  baseRank: number | null;
  minRank: number | null;
  maxRank: number | null;
  /** Largest |rank − baseRank| over the scenarios. */
  maxShift: number;
  /** Share of scenarios with the rank unchanged (1 = fully stable). */
  stability: number;
}

export interface Scenario { groupId: string; childId: string; change: number; changedObjects: number }

export interface SensitivityResult { percent: number; scenarios: Scenario[]; objects: ObjectStability[] }

export function sensitivity(input: EvaluationInput, base: EvaluationOutput, percent: number): SensitivityResult {
  const unavailable = new Set(base.unavailable);
  const baseRanks = base.ranks;
  const objects: ObjectStability[] = baseRanks.map((r) => ({ baseRank: r, minRank: r, maxRank: r, maxShift: 0, stability: 0 }));
  const same = baseRanks.map(() => 0);
  const scenarios: Scenario[] = [];
  for (const [groupId, gw] of Object.entries(base.weights)) {
    const activeCount = gw.weights.filter((w) => w > 0).length;
    if (activeCount < 2) continue;
    gw.weights.forEach((w, i) => {
      if (w <= 0) return;
      for (const sign of [-1, 1]) {
        const change = (sign * percent) / 100;
        const moved = gw.weights.map((x, k) => (k === i ? x * (1 + change) : x));
        const sum = moved.reduce((s, x) => s + x, 0);
        const fixed: GroupWeights = { ...gw, weights: moved.map((x) => x / sum) };
        const { nodeScores } = aggregateTree(input.scheme, base.norm, input.eligible, unavailable,
          (g) => (g.id === groupId ? fixed : base.weights[g.id]));
        const ranks = rankScores(nodeScores[input.scheme.root.id] ?? []);
        let changed = 0;
        ranks.forEach((r, o) => {
          const b = baseRanks[o];
          if (r === null || b === null) return;
          const st = objects[o];
          st.minRank = Math.min(st.minRank ?? r, r);
          st.maxRank = Math.max(st.maxRank ?? r, r);
          st.maxShift = Math.max(st.maxShift, Math.abs(r - b));
          if (r === b) same[o]++; else changed++;
        });
        scenarios.push({ groupId, childId: gw.childIds[i], change, changedObjects: changed });
      }
    });
  }
  objects.forEach((st, o) => { st.stability = st.baseRank === null ? 0 : scenarios.length ? same[o] / scenarios.length : 1; });
  return { percent, scenarios, objects };
}
