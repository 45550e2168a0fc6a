/**
 * The category suggester: words + word bigrams + character bigrams of title and content, TF-IDF,
 * softmax regression with balanced class weights. `crossValidate` reports accuracy and macro-F1 with
 * stratified k folds; `holdOut` with one split.
 */
import { predict, trainSoftmax, type SoftmaxModel } from './classifier';
import { evaluate, stratifiedFolds, type Evaluation } from './metrics';
import { contentWords, wordBigrams, type Segmenter } from './tokens';
import { fitVectorizer, transform, type Vectorizer } from './vectorize';

const HAN_RUN = /\p{Script=Han}+/gu;

/** Features of one text: words, adjacent word pairs and Han character bigrams. */
export function textFeatures(text: string, segment: Segmenter, stop?: ReadonlySet<string>): string[] {
  const words = contentWords(text, segment, stop);
  const out = [...words, ...wordBigrams(words)];
  for (const run of text.match(HAN_RUN) ?? []) for (let i = 0; i + 1 < run.length; i++) out.push(`#${run.slice(i, i + 2)}`);
  return out;
}

export interface TrainedClassifier {
  vectorizer: Vectorizer;
  model: SoftmaxModel;
}

export interface ClassifierOptions {
  random: () => number;
  epochs?: number;
  maxFeatures?: number;
}

export function trainClassifier(docs: readonly (readonly string[])[], y: readonly number[], classes: number, opts: ClassifierOptions): TrainedClassifier {
  const vectorizer = fitVectorizer(docs, { minDf: 2, maxDf: 0.5, maxFeatures: opts.maxFeatures ?? 60_000 });
  const X = docs.map((d) => transform(vectorizer, d));
  const model = trainSoftmax(X, y, classes, vectorizer.features.length, { random: opts.random, epochs: opts.epochs ?? 25, learningRate: 0.5, l2: 1e-5 });
  return { vectorizer, model };
}

export function classify(c: TrainedClassifier, doc: readonly string[]): { label: number; confidence: number } {
  return predict(c.model, transform(c.vectorizer, doc));
}

export function crossValidate(docs: readonly (readonly string[])[], y: readonly number[], classes: number, k: number, opts: ClassifierOptions): Evaluation {
  const fold = stratifiedFolds(y, k, opts.random);
  const pred = new Array<number>(y.length).fill(0);
  for (let f = 0; f < k; f++) {
    const train = y.map((_, i) => i).filter((i) => fold[i] !== f);
    const c = trainClassifier(train.map((i) => docs[i]), train.map((i) => y[i]), classes, opts);
    y.forEach((_, i) => { if (fold[i] === f) pred[i] = classify(c, docs[i]).label; });
  }
  return evaluate(y, pred, classes);
}

/** Trains on all but a stratified 1/k held-out part and evaluates on it. */
export function holdOut(docs: readonly (readonly string[])[], y: readonly number[], classes: number, k: number, opts: ClassifierOptions): { evaluation: Evaluation; trainIdx: number[]; testIdx: number[] } {
  const fold = stratifiedFolds(y, k, opts.random);
  const trainIdx = y.map((_, i) => i).filter((i) => fold[i] !== 0);
  const testIdx = y.map((_, i) => i).filter((i) => fold[i] === 0);
  const c = trainClassifier(trainIdx.map((i) => docs[i]), trainIdx.map((i) => y[i]), classes, opts);
  const evaluation = evaluate(testIdx.map((i) => y[i]), testIdx.map((i) => classify(c, docs[i]).label), classes);
  return { evaluation, trainIdx, testIdx };
}
