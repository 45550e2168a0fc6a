/**
 * Reply quality where replies exist. Completeness: a reply should say what was checked
 * (verification), what was done (outcome) and on what grounds (explanation); it is complete with at
 * least two of the three. Relevance: the share of the request's Chinese character bigrams that the
 * reply repeats (0–1) — a reply that never mentions the matter scores near 0.
 */
const VERIFY = /核实|核查|调查|现场|联系|勘查|了解|走访|回访|检查/;
const OUTCOME = /已|完成|处理|解决|修复|整改|清理|办结|落实|恢复|安排|更换|拆除|查处|调解/;
const EXPLAIN = /根据|按照|依据|规定|政策|告知|解释|说明|建议|条例|办法/;

export function replyMarkers(reply: string): { verification: boolean; outcome: boolean; explanation: boolean } {
  return { verification: VERIFY.test(reply), outcome: OUTCOME.test(reply), explanation: EXPLAIN.test(reply) };
}

/** null when there is no reply to judge. */
export function replyComplete(reply: string | null | undefined): boolean | null {
  const r = reply?.trim();
  if (!r) return null;
  if (r.length < 10) return false;
  const m = replyMarkers(r);
  return Number(m.verification) + Number(m.outcome) + Number(m.explanation) >= 2;
}

/** CJK unified ideographs (basic block and extension A), by UTF-16 code unit. */
const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/** Adjacent pairs of Chinese characters, as numbers (first × 65536 + second). */
export function hanBigrams(text: string): Set<number> {
  const out = new Set<number>();
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHan(c)) { if (prev >= 0) out.add(prev * 65536 + c); prev = c; } else prev = -1;
  }
  return out;
}

/** Share of the request's bigrams found in the reply; null when either side has none. */
export function replyRelevance(request: string | null | undefined, reply: string | null | undefined): number | null {
  if (!request || !reply) return null;
  const q = hanBigrams(request);
  if (!q.size) return null;
  const r = hanBigrams(reply);
  if (!r.size) return 0;
  let hit = 0;
  for (const b of q) if (r.has(b)) hit++;
  return hit / q.size;
}
