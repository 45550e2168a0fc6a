/**
 * An alert's top keywords without a segmenter: Chinese character bigrams (and Latin words) ranked by
 * log-likelihood keyness of the alert's records against the same series' earlier records.
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\u4e00-\u9fff]+|[A-Za-z][A-Za-z0-9]+/g) ?? []) {
    if (/^[A-Za-z]/.test(run)) { out.push(run.toLowerCase()); continue; }
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

const STOP = new Set(['我们', '你们', '他们', '这个', '那个', '一个', '没有', '已经', '希望', '反映', '要求', '请求', '问题', '相关', '部门', '处理', '市民', '来电', '居民', '情况', '进行', '现在', '目前', '能够', '尽快']);

export function keyness(target: readonly string[], reference: readonly string[], top = 12): { term: string; count: number; score: number }[] {
  const count = (docs: readonly string[]) => {
    const m = new Map<string, number>();
    let n = 0;
    for (const d of docs) for (const t of new Set(terms(d))) { if (STOP.has(t)) continue; m.set(t, (m.get(t) ?? 0) + 1); n++; }
    return { m, n: Math.max(1, n) };
  };
  const a = count(target);
  const b = count(reference);
  const out: { term: string; count: number; score: number }[] = [];
  for (const [t, ca] of a.m) {
    if (ca < 2) continue;
    const cb = b.m.get(t) ?? 0;
    const e1 = (a.n * (ca + cb)) / (a.n + b.n);
    const e2 = (b.n * (ca + cb)) / (a.n + b.n);
    if (ca <= e1) continue;
    const ll = 2 * (ca * Math.log(ca / e1) + (cb > 0 ? cb * Math.log(cb / e2) : 0));
    out.push({ term: t, count: ca, score: ll });
  }
  return out.sort((x, y) => y.score - x.score || y.count - x.count).slice(0, top);
}
