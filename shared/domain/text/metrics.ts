/** Classification metrics and stratified k-fold splits (randomness injected). */
export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Evaluation {
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  n: number;
}

export function evaluate(truth: readonly number[], pred: readonly number[], classes: number): Evaluation {
  const tp = new Float64Array(classes);
  const fp = new Float64Array(classes);
  const fn = new Float64Array(classes);
  let correct = 0;
  truth.forEach((t, i) => {
    const p = pred[i];
    if (t === p) { tp[t]++; correct++; } else { fp[p]++; fn[t]++; }
  });
  const perClass: ClassMetrics[] = [];
  let f1Sum = 0;
  let present = 0;
  for (let c = 0; c < classes; c++) {
    const support = tp[c] + fn[c];
    const precision = tp[c] + fp[c] > 0 ? tp[c] / (tp[c] + fp[c]) : 0;
    const recall = support > 0 ? tp[c] / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perClass.push({ precision, recall, f1, support });
    if (support > 0) { f1Sum += f1; present++; }
  }
  return { accuracy: truth.length ? correct / truth.length : 0, macroF1: present ? f1Sum / present : 0, perClass, n: truth.length };
}

/** Fold number (0…k-1) of each example; each class is spread evenly over the folds. */
export function stratifiedFolds(y: readonly number[], k: number, random: () => number): Int32Array {
  const byClass = new Map<number, number[]>();
  y.forEach((c, i) => {
    const list = byClass.get(c);
    if (list) list.push(i); else byClass.set(c, [i]);
  });
  const fold = new Int32Array(y.length);
  let offset = 0;
  for (const c of [...byClass.keys()].sort((a, b) => a - b)) {
    const list = byClass.get(c) as number[];
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    list.forEach((ex, i) => { fold[ex] = (i + offset) % k; });
    offset += list.length;
  }
  return fold;
}
