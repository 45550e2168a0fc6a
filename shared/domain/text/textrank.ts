/**
 * TextRank keywords: words are nodes, co-occurrence within a sliding window are weighted edges, and
 * the stationary PageRank score ranks them (Mihalcea & Tarau 2004). Input: content words in order.
 */
export interface RankedWord {
  term: string;
  score: number;
}

export function textRank(docs: readonly (readonly string[])[], opts: { top: number; window?: number; damping?: number; iterations?: number }): RankedWord[] {
  const win = opts.window ?? 5;
  const d = opts.damping ?? 0.85;
  const index = new Map<string, number>();
  const idOf = (w: string) => {
    let i = index.get(w);
    if (i === undefined) { i = index.size; index.set(w, i); }
    return i;
  };
  const edges = new Map<number, Map<number, number>>();
  const link = (a: number, b: number) => {
    let m = edges.get(a);
    if (!m) { m = new Map(); edges.set(a, m); }
    m.set(b, (m.get(b) ?? 0) + 1);
  };
  for (const doc of docs) {
    const ids = doc.map(idOf);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < Math.min(ids.length, i + win); j++) {
        if (ids[i] === ids[j]) continue;
        link(ids[i], ids[j]);
        link(ids[j], ids[i]);
      }
    }
  }
  const n = index.size;
  if (n === 0) return [];
  const outWeight = new Float64Array(n);
  for (const [a, m] of edges) for (const w of m.values()) outWeight[a] += w;
  let score = new Float64Array(n).fill(1);
  for (let it = 0; it < (opts.iterations ?? 40); it++) {
    const next = new Float64Array(n).fill(1 - d);
    for (const [a, m] of edges) {
      const share = (d * score[a]) / outWeight[a];
      for (const [b, w] of m) next[b] += share * w;
    }
    score = next;
  }
  const words = [...index.keys()];
  return words.map((term, i) => ({ term, score: score[i] }))
    .sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1))
    .slice(0, opts.top);
}
