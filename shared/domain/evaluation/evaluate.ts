/**
 * Scores objects with a scheme: normalise each indicator over the eligible objects, resolve each
 * group's weights bottom-up, aggregate (weighted sum or TOPSIS) to dimension and overall scores
 * (0–100), and rank. Pure: raw metric values in, scores out.
 */
import { normalise } from './normalise';
import { rankScores } from './rank';
import { indicatorsOf, type GroupNode, type Scheme } from './scheme';
import { topsis } from './topsis';
import { resolveGroupWeights, type GroupWeights } from './weights';

export interface EvaluationInput {
  scheme: Scheme;
  /** Per indicator id, raw values per object (null = missing). */
  raw: Readonly<Record<string, readonly (number | null)[]>>;
  /** Objects with enough records to be scored. */
  eligible: readonly boolean[];
}

export interface EvaluationOutput {
  /** Normalised indicator values (0–1, 1 best) per object; null for missing or ineligible. */
  norm: Record<string, (number | null)[]>;
  /** Scores (0–100) of every node, indicators included, per object. */
  nodeScores: Record<string, (number | null)[]>;
  scores: (number | null)[];
  ranks: (number | null)[];
  weights: Record<string, GroupWeights>;
  /** Product of local weights from the root (what a node counts for overall). */
  globalWeights: Record<string, number>;
  /** Indicators with no value for any eligible object (left out, weights renormalised). */
  unavailable: string[];
}

export type WeightResolver = (group: GroupNode, active: readonly boolean[], columns: readonly (readonly (number | null)[])[]) => GroupWeights;

export function normaliseIndicators(input: EvaluationInput): { norm: Record<string, (number | null)[]>; unavailable: string[] } {
  const norm: Record<string, (number | null)[]> = {};
  const unavailable: string[] = [];
  for (const ind of indicatorsOf(input.scheme.root)) {
    const raw = (input.raw[ind.id] ?? []).map((x, o) => (input.eligible[o] && x !== null && Number.isFinite(x) ? x : null));
    const objects = input.eligible.length;
    while (raw.length < objects) raw.push(null);
    if (raw.every((x, o) => x === null || !input.eligible[o])) { unavailable.push(ind.id); norm[ind.id] = raw.map(() => null); continue; }
    // the missing-value rule applies only to eligible objects
    const elig = raw.filter((_, o) => input.eligible[o]);
    const n = normalise(elig, ind);
    let k = 0;
    norm[ind.id] = raw.map((_, o) => (input.eligible[o] ? n[k++] : null));
  }
  return { norm, unavailable };
}

/** Aggregates the tree over fixed normalised values, with weights from `resolve`. */
export function aggregateTree(scheme: Scheme, norm: Readonly<Record<string, (number | null)[]>>, eligible: readonly boolean[], unavailable: ReadonlySet<string>, resolve: WeightResolver):
  { nodeScores: Record<string, (number | null)[]>; weights: Record<string, GroupWeights> } {
  const nodeScores: Record<string, (number | null)[]> = {};
  const weights: Record<string, GroupWeights> = {};
  const eligIdx = eligible.flatMap((e, o) => (e ? [o] : []));
  const visit = (g: GroupNode): (number | null)[] | null => {
    const cols = g.children.map((c) => {
      if (c.kind === 'indicator') {
        if (unavailable.has(c.id)) return null;
        const v = norm[c.id];
        nodeScores[c.id] = v.map((x) => (x === null ? null : x * 100));
        return v;
      }
      const s = visit(c);
      return s ? s.map((x) => (x === null ? null : x / 100)) : null;
    });
    const active = cols.map((c) => c !== null);
    if (!active.some(Boolean)) return null;
    const eligCols = cols.map((c) => (c ? eligIdx.map((o) => c[o]) : eligIdx.map(() => null)));
    const gw = resolve(g, active, eligCols);
    weights[g.id] = gw;
    const scores: (number | null)[] = eligible.map(() => null);
    if (scheme.aggregation === 'topsis') {
      const act = cols.flatMap((c, i) => (c ? [i] : []));
      const t = topsis(eligIdx.map((o) => act.map((i) => cols[i]![o])), act.map((i) => gw.weights[i]));
      eligIdx.forEach((o, k) => { scores[o] = t.closeness[k] === null ? null : t.closeness[k]! * 100; });
    } else {
      for (const o of eligIdx) {
        let s = 0; let w = 0;
        cols.forEach((c, i) => { const v = c?.[o]; if (v !== null && v !== undefined && gw.weights[i] > 0) { s += gw.weights[i] * v; w += gw.weights[i]; } });
        scores[o] = w > 0 ? (100 * s) / w : null;
      }
    }
    nodeScores[g.id] = scores;
    return scores;
  };
  visit(scheme.root);
  return { nodeScores, weights };
}

export function globalWeightsOf(root: GroupNode, weights: Readonly<Record<string, GroupWeights>>): Record<string, number> {
  const out: Record<string, number> = { [root.id]: 1 };
  const visit = (g: GroupNode) => {
    const gw = weights[g.id];
    g.children.forEach((c, i) => {
      out[c.id] = out[g.id] * (gw?.weights[i] ?? 0);
      if (c.kind === 'group') visit(c);
    });
  };
  visit(root);
  return out;
}

export function evaluate(input: EvaluationInput): EvaluationOutput {
  const { norm, unavailable } = normaliseIndicators(input);
  const { nodeScores, weights } = aggregateTree(input.scheme, norm, input.eligible, new Set(unavailable), resolveGroupWeights);
  const scores = nodeScores[input.scheme.root.id] ?? input.eligible.map(() => null);
  return { norm, nodeScores, scores, ranks: rankScores(scores), weights, globalWeights: globalWeightsOf(input.scheme.root, weights), unavailable };
}
