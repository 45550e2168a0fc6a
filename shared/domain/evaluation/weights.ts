/** Resolves a group's child weights by its method: manual, AHP, entropy, or a linear combination. */
import { ahpWeights } from './ahp';
import { entropyWeights } from './entropy';
import type { GroupNode, WeightMethod } from './scheme';

export interface GroupWeights {
  method: WeightMethod;
  childIds: string[];
  /** Final weights over all children (0 for dropped ones), summing to 1 over the active ones. */
  weights: number[];
  /** The AHP judgement over the active children, when used. */
  ahp?: { lambdaMax: number; ci: number; cr: number | null; consistent: boolean };
  /** Entropy-method weights over the children, when used. */
  entropy?: number[];
  /** Manual or AHP weights before combining, when combined. */
  subjective?: number[];
}

const normalise = (w: number[]): number[] => {
  const s = w.reduce((a, x) => a + x, 0);
  return s > 0 ? w.map((x) => x / s) : w.map(() => 0);
};

/** `columns[c][o]`: child c's value (0..1) for eligible object o. */
export function resolveGroupWeights(group: GroupNode, active: readonly boolean[], columns: readonly (readonly (number | null)[])[]): GroupWeights {
  const childIds = group.children.map((c) => c.id);
  const idx = active.flatMap((a, i) => (a ? [i] : []));
  const expand = (w: readonly number[]) => { const out = childIds.map(() => 0); idx.forEach((i, k) => { out[i] = w[k]; }); return out; };
  const manual = () => normalise(idx.map((i) => group.children[i].weight));
  let ahpInfo: GroupWeights['ahp'];
  const ahp = () => {
    const m = group.weighting.matrix;
    if (!m || m.length !== childIds.length) return manual();
    const sub = idx.map((i) => idx.map((j) => m[i][j]));
    const r = ahpWeights(sub);
    ahpInfo = { lambdaMax: r.lambdaMax, ci: r.ci, cr: r.cr, consistent: r.consistent };
    return r.weights;
  };
  const entropy = () => {
    const objects = columns[0]?.length ?? 0;
    const matrix = Array.from({ length: objects }, (_, o) => idx.map((i) => columns[i][o]));
    return entropyWeights(matrix, idx.length).weights;
  };
  const method = group.weighting.method;
  if (method === 'manual') return { method, childIds, weights: expand(manual()) };
  if (method === 'ahp') { const w = ahp(); return { method, childIds, weights: expand(w), ahp: ahpInfo }; }
  const e = entropy();
  if (method === 'entropy') return { method, childIds, weights: expand(e), entropy: expand(e) };
  const subj = group.weighting.subjective === 'ahp' ? ahp() : manual();
  const alpha = group.weighting.alpha ?? 0.5;
  const w = normalise(subj.map((s, k) => alpha * s + (1 - alpha) * e[k]));
  return { method, childIds, weights: expand(w), entropy: expand(e), subjective: expand(subj), ahp: ahpInfo };
}
