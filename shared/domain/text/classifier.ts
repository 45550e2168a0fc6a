/**
 * Multinomial logistic regression (softmax) trained by SGD on sparse TF-IDF rows, with balanced class
 * weights so small categories are not drowned by big ones, and L2 regularisation. Randomness (the
 * order of examples) is injected. The model is plain data, stored as JSON.
 */
import type { SparseRow } from './vectorize';

export interface SoftmaxModel {
  classes: number;
  features: number;
  /** Row-major weights [class][feature], then one bias per class. */
  weights: Float64Array;
  bias: Float64Array;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Balanced class weights n / (k · n_c) when true (default). */
  balanced?: boolean;
  /** Uniform [0, 1) numbers for shuffling. */
  random: () => number;
}

export function classWeights(y: readonly number[], classes: number): Float64Array {
  const n = new Float64Array(classes);
  for (const c of y) n[c]++;
  const present = n.filter((x) => x > 0).length;
  return Float64Array.from(n, (x) => (x > 0 ? y.length / (present * x) : 0));
}

export function scores(m: SoftmaxModel, x: SparseRow, out = new Float64Array(m.classes)): Float64Array {
  for (let c = 0; c < m.classes; c++) {
    let s = m.bias[c];
    const base = c * m.features;
    for (let k = 0; k < x.idx.length; k++) s += m.weights[base + x.idx[k]] * x.val[k];
    out[c] = s;
  }
  return out;
}

/** Class probabilities (softmax of the scores). */
export function predictProba(m: SoftmaxModel, x: SparseRow): Float64Array {
  const s = scores(m, x);
  let max = -Infinity;
  for (const v of s) max = Math.max(max, v);
  let sum = 0;
  for (let c = 0; c < s.length; c++) { s[c] = Math.exp(s[c] - max); sum += s[c]; }
  for (let c = 0; c < s.length; c++) s[c] /= sum;
  return s;
}

export function predict(m: SoftmaxModel, x: SparseRow): { label: number; confidence: number } {
  const p = predictProba(m, x);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
  return { label: best, confidence: p[best] };
}

export function trainSoftmax(X: readonly SparseRow[], y: readonly number[], classes: number, features: number, opts: TrainOptions): SoftmaxModel {
  const m: SoftmaxModel = { classes, features, weights: new Float64Array(classes * features), bias: new Float64Array(classes) };
  const cw = opts.balanced === false ? new Float64Array(classes).fill(1) : classWeights(y, classes);
  const epochs = opts.epochs ?? 30;
  const lr0 = opts.learningRate ?? 0.5;
  const l2 = opts.l2 ?? 1e-5;
  const order = Array.from(X, (_, i) => i);
  const p = new Float64Array(classes);
  // L2 by a global scale: weights = scale · stored, so decay is O(1) per step.
  let scale = 1;
  let step = 0;
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(opts.random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const lr = lr0 / (1 + lr0 * l2 * step++);
      const x = X[i];
      scores(m, x, p);
      let max = -Infinity;
      for (let c = 0; c < classes; c++) { p[c] = p[c] * scale + (m.bias[c] - m.bias[c] * scale); max = Math.max(max, p[c]); }
      let sum = 0;
      for (let c = 0; c < classes; c++) { p[c] = Math.exp(p[c] - max); sum += p[c]; }
      scale *= 1 - lr * l2;
      if (scale < 1e-6) { for (let k = 0; k < m.weights.length; k++) m.weights[k] *= scale; scale = 1; }
      const w = cw[y[i]];
      for (let c = 0; c < classes; c++) {
        const g = w * (p[c] / sum - (c === y[i] ? 1 : 0));
        if (g === 0) continue;
        const base = c * features;
        const gs = (lr * g) / scale;
        for (let k = 0; k < x.idx.length; k++) m.weights[base + x.idx[k]] -= gs * x.val[k];
        m.bias[c] -= lr * g;
      }
    }
  }
  for (let k = 0; k < m.weights.length; k++) m.weights[k] *= scale;
  return m;
}
