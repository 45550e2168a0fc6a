/**
 * Topic grouping by non-negative matrix factorisation of the TF-IDF matrix (documents × terms ≈ W·H,
 * multiplicative updates, Lee & Seung). Each topic is labelled by its strongest terms and illustrated
 * by the documents that load on it most. Initialisation is random (injected), so results are reproducible.
 */
import type { SparseRow } from './vectorize';

export interface Topic {
  /** Term indexes, strongest first. */
  terms: number[];
  termWeights: number[];
  /** Document indexes, most representative first. */
  docs: number[];
  /** Documents whose strongest topic this is. */
  size: number;
}

export interface NmfResult {
  topics: Topic[];
  /** Strongest topic of each document (-1 for empty documents). */
  assignment: Int32Array;
}

export function nmf(X: readonly SparseRow[], nTerms: number, k: number, opts: { iterations?: number; random: () => number; topTerms?: number; topDocs?: number }): NmfResult {
  const n = X.length;
  const W = Float64Array.from({ length: n * k }, () => 0.1 + opts.random());
  const H = Float64Array.from({ length: k * nTerms }, () => 0.1 + opts.random());
  const eps = 1e-9;
  for (let it = 0; it < (opts.iterations ?? 60); it++) {
    // H ← H ∘ (Wᵀ X) / (Wᵀ W H)
    const WtX = new Float64Array(k * nTerms);
    const WtW = new Float64Array(k * k);
    for (let d = 0; d < n; d++) {
      const x = X[d];
      for (let a = 0; a < k; a++) {
        const w = W[d * k + a];
        for (let t = 0; t < x.idx.length; t++) WtX[a * nTerms + x.idx[t]] += w * x.val[t];
        for (let b = 0; b < k; b++) WtW[a * k + b] += w * W[d * k + b];
      }
    }
    for (let a = 0; a < k; a++) {
      for (let t = 0; t < nTerms; t++) {
        let den = 0;
        for (let b = 0; b < k; b++) den += WtW[a * k + b] * H[b * nTerms + t];
        H[a * nTerms + t] *= WtX[a * nTerms + t] / (den + eps);
      }
    }
    // W ← W ∘ (X Hᵀ) / (W H Hᵀ)
    const HHt = new Float64Array(k * k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) {
      let s = 0;
      for (let t = 0; t < nTerms; t++) s += H[a * nTerms + t] * H[b * nTerms + t];
      HHt[a * k + b] = s;
    }
    for (let d = 0; d < n; d++) {
      const x = X[d];
      for (let a = 0; a < k; a++) {
        let num = 0;
        for (let t = 0; t < x.idx.length; t++) num += x.val[t] * H[a * nTerms + x.idx[t]];
        let den = 0;
        for (let b = 0; b < k; b++) den += W[d * k + b] * HHt[b * k + a];
        W[d * k + a] *= num / (den + eps);
      }
    }
  }
  return summarise(X, W, H, nTerms, k, opts.topTerms ?? 8, opts.topDocs ?? 5);
}

function summarise(X: readonly SparseRow[], W: Float64Array, H: Float64Array, nTerms: number, k: number, topTerms: number, topDocs: number): NmfResult {
  const n = X.length;
  const assignment = new Int32Array(n).fill(-1);
  const sizes = new Array<number>(k).fill(0);
  for (let d = 0; d < n; d++) {
    if (X[d].idx.length === 0) continue;
    let best = 0;
    for (let a = 1; a < k; a++) if (W[d * k + a] > W[d * k + best]) best = a;
    if (W[d * k + best] > 0) { assignment[d] = best; sizes[best]++; }
  }
  const topics: Topic[] = [];
  for (let a = 0; a < k; a++) {
    const terms = Array.from({ length: nTerms }, (_, t) => t).sort((p, q) => H[a * nTerms + q] - H[a * nTerms + p]).slice(0, topTerms);
    const docs = Array.from({ length: n }, (_, d) => d).filter((d) => assignment[d] === a)
      .sort((p, q) => W[q * k + a] - W[p * k + a]).slice(0, topDocs);
    topics.push({ terms, termWeights: terms.map((t) => H[a * nTerms + t]), docs, size: sizes[a] });
  }
  return { topics, assignment };
}
