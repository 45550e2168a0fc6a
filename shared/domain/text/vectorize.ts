/**
 * TF-IDF feature vectors for the classifier and topic models: a vocabulary of features seen in at
 * least `minDf` documents (capped at `maxFeatures`, most frequent first), sublinear tf, smoothed idf,
 * rows normalised to unit length. Sparse rows: sorted feature indexes and values.
 */
export interface SparseRow {
  idx: Int32Array;
  val: Float64Array;
}

export interface Vectorizer {
  features: string[];
  index: Map<string, number>;
  idf: Float64Array;
}

export function fitVectorizer(docs: readonly (readonly string[])[], opts: { minDf?: number; maxDf?: number; maxFeatures?: number } = {}): Vectorizer {
  const df = new Map<string, number>();
  for (const doc of docs) for (const f of new Set(doc)) df.set(f, (df.get(f) ?? 0) + 1);
  const maxDf = (opts.maxDf ?? 1) * docs.length;
  const kept = [...df].filter(([, n]) => n >= (opts.minDf ?? 2) && n <= maxDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, opts.maxFeatures ?? 50_000);
  const features = kept.map(([f]) => f);
  const idf = Float64Array.from(kept, ([, n]) => Math.log((docs.length + 1) / (n + 1)) + 1);
  return { features, index: new Map(features.map((f, i) => [f, i])), idf };
}

export function transform(v: Vectorizer, doc: readonly string[]): SparseRow {
  const tf = new Map<number, number>();
  for (const f of doc) {
    const i = v.index.get(f);
    if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
  }
  const idx = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
  const val = Float64Array.from(idx, (i) => (1 + Math.log(tf.get(i) as number)) * v.idf[i]);
  const norm = Math.hypot(...val) || 1;
  for (let k = 0; k < val.length; k++) val[k] /= norm;
  return { idx, val };
}
